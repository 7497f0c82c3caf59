/**
 * C++17 with Clang (Debian's `clang`, on GCC's libstdc++, so `bits/stdc++.h` is there): compiled once to
 * `main`, then run. GCC's precompiled header does not serve Clang: each compile parses its headers.
 */
import { CPP_COMPILER_FLAGS, CPP_FLAGS } from '../cpp/recipe.js';
import type { LanguageRecipe } from '../recipe.js';
import { sourcesOf } from '../shared/gcc.js';

export const cppClangRecipe: LanguageRecipe = {
  id: 'cpp-clang',
  prepare: async (code) => ({ files: { 'main.cpp': code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/clang++',
      ...CPP_FLAGS,
      '-pipe',
      '-fno-color-diagnostics',
      ...(options.flags ?? []),
      '-o',
      'main',
      ...sourcesOf(files, 'main.cpp', /\.(cpp|cc|cxx|c\+\+)$/),
    ],
    // GCC's flags mean the same to Clang (warnings it does not know are a warning, not an error).
    flags: CPP_COMPILER_FLAGS,
    collect: ['main'],
  },
  run: () => ['./main'],
  // libstdc++'s message when `new` finds no memory left under the cgroup limit.
  classify: ({ stderr }) => (stderr.includes('std::bad_alloc') ? 'MEMORY_LIMIT_EXCEEDED' : null),
  version: {
    argv: ['/usr/bin/clang++', '--version'],
    parse: (out) => /clang version (\d+(\.\d+)*)/.exec(out)?.[1] ?? null,
  },
};
