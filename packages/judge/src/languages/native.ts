/** C and C++ with GCC: compiled once to `main`, then run. */
import type { LanguageRecipe } from './recipe.js';

const gccVersion = (out: string): string | null => /^(\d+\.\d+(\.\d+)?)/.exec(out.trim())?.[1] ?? null;

/** Sources of the program with one of these endings, in the order sent (the entry first). */
function sourcesOf(files: Record<string, unknown>, entry: string, endings: RegExp): string[] {
  return [entry, ...Object.keys(files).filter((name) => name !== entry && endings.test(name))];
}

/**
 * Flags a submitter may add, shared by C and C++ (argv entries after the defaults, so a later
 * `-O` or `-std` wins): optimisation levels, warnings (no `-Wl,`/`-Wa,`: no commas), macros. Nothing
 * that names a file, a path, a plugin or another program (`-o`, `-I`, `-include`, `-B`, `-fplugin`, `@file`).
 */
const COMMON_FLAGS = [
  /^-O[0-3sg]$/,
  /^-Ofast$/,
  /^-W[a-z][a-z0-9+-]*(=[a-z0-9+-]+)?$/,
  /^-w$/,
  /^-pedantic(-errors)?$/,
  /^-g[0-3]?$/,
  /^-D[A-Za-z_][A-Za-z0-9_]*(=[A-Za-z0-9_.+-]{0,100})?$/,
  /^-U[A-Za-z_][A-Za-z0-9_]*$/,
];
export const CPP_COMPILER_FLAGS = [...COMMON_FLAGS, /^-std=(c|gnu)\+\+(98|03|11|14|17|20|23|2a|2b)$/];
export const C_COMPILER_FLAGS = [...COMMON_FLAGS, /^-std=(c|gnu)(89|90|99|11|17|18|2x|23)$/, /^-lm$/];

/** Flags of every C++ compile; the precompiled header is built with exactly these. */
export const CPP_FLAGS = ['-std=gnu++17', '-O2'];

export const cpp: LanguageRecipe = {
  id: 'cpp',
  prepare: async (code) => ({ files: { 'main.cpp': code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/g++',
      ...CPP_FLAGS,
      '-pipe',
      ...(options.pchDir === undefined ? [] : ['-I', options.pchDir]),
      ...(options.flags ?? []),
      '-o',
      'main',
      ...sourcesOf(files, 'main.cpp', /\.(cpp|cc|cxx|c\+\+)$/),
    ],
    flags: CPP_COMPILER_FLAGS,
    collect: ['main'],
  },
  run: () => ['./main'],
  version: { argv: ['/usr/bin/g++', '-dumpfullversion'], parse: gccVersion },
};

export const c: LanguageRecipe = {
  id: 'c',
  prepare: async (code) => ({ files: { 'main.c': code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/gcc',
      '-std=gnu17',
      '-O2',
      '-pipe',
      ...(options.flags ?? []),
      '-o',
      'main',
      ...sourcesOf(files, 'main.c', /\.c$/),
      '-lm',
    ],
    flags: C_COMPILER_FLAGS,
    collect: ['main'],
  },
  run: () => ['./main'],
  version: { argv: ['/usr/bin/gcc', '-dumpfullversion'], parse: gccVersion },
};
