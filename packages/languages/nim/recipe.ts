/**
 * Nim (Debian's `nim`, 1.6): `nim c -d:release` translates `main.nim` to C in the sandbox's `/tmp` and builds it
 * with gcc, one job at a time, to `main`. Nim's allocator reports running out of memory as "out of memory"
 * (→ MEMORY_LIMIT_EXCEEDED). Its configuration is `/etc/nim`, bound read-only.
 */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

/** Flags a submitter may add: optimisation choices and checks; nothing naming a path. */
export const NIM_COMPILER_FLAGS = [
  /^-d:(danger|release)$/,
  /^--opt:(speed|size|none)$/,
  /^--(checks|boundChecks|overflowChecks|assertions):(on|off)$/,
  /^--gc:(refc|arc|orc|markAndSweep)$/,
  /^--mm:(refc|arc|orc|markAndSweep)$/,
];

export const nimRecipe: LanguageRecipe = {
  id: 'nim',
  prepare: async (code) => ({ files: { 'main.nim': code } }),
  compile: {
    argv: (_files, options) => [
      '/usr/bin/nim',
      'c',
      '-d:release',
      '--hints:off',
      '--colors:off',
      '--nimcache:/tmp/nimcache',
      '--parallelBuild:1',
      ...(options.flags ?? []),
      '-o:main',
      'main.nim',
    ],
    flags: NIM_COMPILER_FLAGS,
    collect: ['main'],
    // Nim, then gcc on each generated C file of the program and the standard library.
    needs: { timeScale: 2, pids: 128 },
  },
  run: () => ['./main'],
  classify: outOfMemory(/out of memory/i),
  readOnlyPaths: ['/etc/nim'],
  version: {
    argv: ['/usr/bin/nim', '--version'],
    parse: (out) => /Nim Compiler Version (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
