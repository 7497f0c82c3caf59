/**
 * Crystal (Debian's `crystal`, 1.6 with LLVM 14): `crystal build` compiles `main.cr` with its prelude to `main`
 * (its cache in the sandbox's `/tmp`; linked by gcc with Boehm GC, libevent and PCRE). The collector's heap is
 * not capped: Crystal 1.6 dereferences the null an exhausted collector returns (a segmentation fault, not a
 * message), so the sandbox's memory limit is what stops it (→ MEMORY_LIMIT_EXCEEDED). One marker thread.
 */
import type { LanguageRecipe } from '../recipe.js';

/** Flags a submitter may add: release mode and checks; nothing naming a path. */
export const CRYSTAL_COMPILER_FLAGS = [/^--release$/, /^--no-debug$/, /^-D[a-z_]+$/];

export const crystalRecipe: LanguageRecipe = {
  id: 'crystal',
  prepare: async (code) => ({ files: { 'main.cr': code } }),
  compile: {
    argv: (_files, options) => [
      '/usr/bin/crystal',
      'build',
      '--no-color',
      '--threads',
      '1',
      ...(options.flags ?? []),
      '-o',
      'main',
      'main.cr',
    ],
    flags: CRYSTAL_COMPILER_FLAGS,
    collect: ['main'],
    env: { CRYSTAL_CACHE_DIR: '/tmp/crystal' },
    // The prelude is compiled with every program: many seconds of CPU, then gcc links.
    needs: { timeScale: 3, pids: 128, memoryMb: 2048 },
  },
  run: () => ['./main'],
  runEnv: () => ({ GC_MARKERS: '1' }),
  version: {
    argv: ['/usr/bin/crystal', '--version'],
    parse: (out) => /Crystal (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
