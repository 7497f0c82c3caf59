/** C and C++ with GCC: compiled once to `main`, then run. */
import type { LanguageRecipe } from './recipe.js';

const gccVersion = (out: string): string | null => /^(\d+\.\d+(\.\d+)?)/.exec(out.trim())?.[1] ?? null;

export const cpp: LanguageRecipe = {
  id: 'cpp',
  prepare: async (code) => ({ ok: true, files: { 'main.cpp': code } }),
  compile: {
    argv: () => ['/usr/bin/g++', '-std=gnu++17', '-O2', '-pipe', '-o', 'main', 'main.cpp'],
    collect: ['main'],
  },
  run: () => ['./main'],
  version: { argv: ['/usr/bin/g++', '-dumpfullversion'], parse: gccVersion },
};

export const c: LanguageRecipe = {
  id: 'c',
  prepare: async (code) => ({ ok: true, files: { 'main.c': code } }),
  compile: {
    argv: () => ['/usr/bin/gcc', '-std=gnu17', '-O2', '-pipe', '-o', 'main', 'main.c', '-lm'],
    collect: ['main'],
  },
  run: () => ['./main'],
  version: { argv: ['/usr/bin/gcc', '-dumpfullversion'], parse: gccVersion },
};
