/** C and C++ with GCC: compiled once to `main`, then run. */
import type { LanguageRecipe } from './recipe.js';

const gccVersion = (out: string): string | null => /^(\d+\.\d+(\.\d+)?)/.exec(out.trim())?.[1] ?? null;

/** Flags of every C++ compile; the precompiled header is built with exactly these. */
export const CPP_FLAGS = ['-std=gnu++17', '-O2'];

export const cpp: LanguageRecipe = {
  id: 'cpp',
  prepare: async (code) => ({ files: { 'main.cpp': code } }),
  compile: {
    argv: (_files, options) => [
      '/usr/bin/g++',
      ...CPP_FLAGS,
      '-pipe',
      ...(options.pchDir === undefined ? [] : ['-I', options.pchDir]),
      '-o',
      'main',
      'main.cpp',
    ],
    collect: ['main'],
  },
  run: () => ['./main'],
  version: { argv: ['/usr/bin/g++', '-dumpfullversion'], parse: gccVersion },
};

export const c: LanguageRecipe = {
  id: 'c',
  prepare: async (code) => ({ files: { 'main.c': code } }),
  compile: {
    argv: () => ['/usr/bin/gcc', '-std=gnu17', '-O2', '-pipe', '-o', 'main', 'main.c', '-lm'],
    collect: ['main'],
  },
  run: () => ['./main'],
  version: { argv: ['/usr/bin/gcc', '-dumpfullversion'], parse: gccVersion },
};
