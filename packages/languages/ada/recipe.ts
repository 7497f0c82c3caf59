/**
 * Ada with GNAT (Debian's `gnat`): GNAT wants a file named after its unit, so the source is laid out as
 * `<main procedure>.adb` (lower case), built by `gnatmake` to `main`, then run. An allocation GNAT cannot
 * serve raises `STORAGE_ERROR` (→ MEMORY_LIMIT_EXCEEDED).
 */
import type { LanguageRecipe } from '../recipe.js';

const MAIN_PROCEDURE = /^procedure\s+([A-Za-z][A-Za-z0-9_]*)\s+is\b/im;

/** The file GNAT expects for the main procedure: its name in lower case, else `main.adb`. */
export function adaMainFile(code: string): string {
  const name = MAIN_PROCEDURE.exec(code)?.[1];
  return `${(name ?? 'main').toLowerCase()}.adb`;
}

/** Flags a submitter may add: optimisation, warnings, checks, Ada version. */
export const ADA_COMPILER_FLAGS = [/^-O[0-3s]$/, /^-gnat(p|o|a|E|83|95|2005|2012|2022|w[a-zA-Z.]+|V[a-z])$/];

export const adaRecipe: LanguageRecipe = {
  id: 'ada',
  prepare: async (code) => ({ files: { [adaMainFile(code)]: code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/gnatmake',
      '-q',
      '-O2',
      ...(options.flags ?? []),
      '-o',
      'main',
      Object.keys(files).find((name) => name.endsWith('.adb')) ?? 'main.adb',
    ],
    flags: ADA_COMPILER_FLAGS,
    collect: ['main'],
    // gnatmake runs gcc, gnatbind and gnatlink as children.
    needs: { pids: 128 },
  },
  run: () => ['./main'],
  classify: ({ stderr }) => (/raised STORAGE_ERROR/i.test(stderr) ? 'MEMORY_LIMIT_EXCEEDED' : null),
  version: {
    argv: ['/usr/bin/gnatmake', '--version'],
    parse: (out) => /GNATMAKE (\d+(\.\d+)*)/.exec(out)?.[1] ?? null,
  },
};
