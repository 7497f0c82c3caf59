/** C17 with GCC: compiled once to `main`, then run. */
import { GCC_COMMON_FLAGS, gccVersion, sourcesOf } from '../shared/gcc.js';
import type { LanguageRecipe } from '../recipe.js';

export const C_COMPILER_FLAGS = [...GCC_COMMON_FLAGS, /^-std=(c|gnu)(89|90|99|11|17|18|2x|23)$/, /^-lm$/];

export const cRecipe: LanguageRecipe = {
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
