/** C++17 with GCC: compiled once to `main` (with the precompiled `bits/stdc++.h` when there is one), then run. */
import { GCC_COMMON_FLAGS, gccVersion, sourcesOf } from '../shared/gcc.js';
import type { LanguageRecipe } from '../recipe.js';

export const CPP_COMPILER_FLAGS = [...GCC_COMMON_FLAGS, /^-std=(c|gnu)\+\+(98|03|11|14|17|20|23|2a|2b)$/];

/** Flags of every C++ compile; the precompiled header is built with exactly these. */
export const CPP_FLAGS = ['-std=gnu++17', '-O2'];

export const cppRecipe: LanguageRecipe = {
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
  // libstdc++'s message when `new` finds no memory left under the cgroup limit.
  classify: ({ stderr }) => (stderr.includes('std::bad_alloc') ? 'MEMORY_LIMIT_EXCEEDED' : null),
  version: { argv: ['/usr/bin/g++', '-dumpfullversion'], parse: gccVersion },
};
