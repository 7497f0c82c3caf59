/**
 * Pascal with Free Pascal (Debian's `fp-compiler`): compiled once to `main` in Delphi-compatible mode with
 * range and overflow checks off (as on other judges), then run. A heap the allocator cannot grow is Free
 * Pascal's run-time error 203 (→ MEMORY_LIMIT_EXCEEDED).
 */
import type { LanguageRecipe } from '../recipe.js';

/** Flags a submitter may add to fpc: optimisation, checks, syntax modes, defines. */
export const PASCAL_COMPILER_FLAGS = [
  /^-O[1-4-]$/,
  /^-C[iorRt]$/,
  /^-M(fpc|objfpc|delphi|tp|macpas|iso|extendedpascal|delphiunicode)$/,
  /^-d[A-Za-z_][A-Za-z0-9_]*$/,
  /^-v[ewnhi]+$/,
  /^-S[achx2]$/,
];

export const pascalRecipe: LanguageRecipe = {
  id: 'pascal',
  prepare: async (code) => ({ files: { 'main.pas': code } }),
  compile: {
    argv: (_files, options) => [
      '/usr/bin/fpc',
      '-O2',
      '-XS',
      '-Xs',
      // Errors and warnings only (no banner, no progress lines).
      '-v0we',
      '-l-',
      ...(options.flags ?? []),
      '-omain',
      'main.pas',
    ],
    flags: PASCAL_COMPILER_FLAGS,
    collect: ['main'],
    // fpc runs the assembler and the linker as children.
    needs: { pids: 128 },
  },
  run: () => ['./main'],
  // "Runtime error 203": heap overflow.
  classify: ({ stderr, stdout }) =>
    /Runtime error 203\b/.test(stderr) || /Runtime error 203\b/.test(stdout.slice(-200))
      ? 'MEMORY_LIMIT_EXCEEDED'
      : null,
  // fpc reads its unit paths from /etc/fpc.cfg (a link through /etc/alternatives).
  readOnlyPaths: ['/etc/fpc.cfg'],
  version: {
    argv: ['/usr/bin/fpc', '-iV'],
    parse: (out) => /^(\d+\.\d+(\.\d+)?)/.exec(out.trim())?.[1] ?? null,
  },
};
