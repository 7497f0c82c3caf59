/**
 * D with GDC (Debian's `gdc`, GCC's D front end with Phobos): compiled once to `main`, then run. The garbage
 * collector's `OutOfMemoryError` is MEMORY_LIMIT_EXCEEDED.
 */
import type { LanguageRecipe } from '../recipe.js';
import { GCC_COMMON_FLAGS, gccVersion, sourcesOf } from '../shared/gcc.js';

export const D_COMPILER_FLAGS = [
  ...GCC_COMMON_FLAGS,
  /^-f(no-)?(bounds-check|release|assert|debug|unittest)$/,
];

export const dRecipe: LanguageRecipe = {
  id: 'd',
  prepare: async (code) => ({ files: { 'main.d': code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/gdc',
      '-O2',
      '-pipe',
      ...(options.flags ?? []),
      '-o',
      'main',
      ...sourcesOf(files, 'main.d', /\.d$/),
    ],
    flags: D_COMPILER_FLAGS,
    collect: ['main'],
  },
  run: () => ['./main'],
  classify: ({ stderr }) =>
    stderr.includes('core.exception.OutOfMemoryError') ? 'MEMORY_LIMIT_EXCEEDED' : null,
  version: { argv: ['/usr/bin/gdc', '-dumpfullversion'], parse: gccVersion },
};
