/**
 * Haskell with GHC (Debian's `ghc`), optimised (`-O`), linked to `main`; objects and interfaces stay in the
 * sandbox's `/tmp`. The run's heap is capped below the memory limit by the runtime's own `-M` (through
 * `GHCRTS`; the program is linked with `-rtsopts`), so running out of heap is GHC's "Heap exhausted" message
 * (→ MEMORY_LIMIT_EXCEEDED) rather than the cgroup's kill. The package database is under `/var/lib/ghc`.
 */
import type { LanguageRecipe } from '../recipe.js';

/** Flags a submitter may add to ghc: optimisation, warnings, extensions; nothing naming a path or a package. */
export const HASKELL_COMPILER_FLAGS = [
  /^-O[0-2]?$/,
  /^-W[a-z-]*$/,
  /^-Werror(=[a-z-]+)?$/,
  /^-w$/,
  /^-X[A-Z][A-Za-z0-9]*$/,
  /^-f(no-)?(warn|defer)-[a-z-]+$/,
];

export const haskellRecipe: LanguageRecipe = {
  id: 'haskell',
  prepare: async (code) => ({ files: { 'Main.hs': code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/ghc',
      '-v0',
      '-O',
      '-rtsopts',
      '-outputdir',
      '/tmp/ghc',
      '-fdiagnostics-color=never',
      ...(options.flags ?? []),
      '-o',
      'main',
      'Main.hs',
      ...Object.keys(files).filter((name) => name !== 'Main.hs' && /^[A-Z][\w/]*\.hs$/.test(name)),
    ],
    flags: HASKELL_COMPILER_FLAGS,
    collect: ['main'],
    // GHC is slow to compile (a few seconds per module with -O) and runs gcc and ld as children.
    needs: { timeScale: 2, pids: 128 },
  },
  run: () => ['./main'],
  // Heap and stack within the memory limit, leaving room for the runtime and the binary itself.
  runEnv: ({ memoryMb }) => {
    const heapMb = Math.max(16, memoryMb - 32);
    return { GHCRTS: `-M${heapMb}m -K${heapMb}m` };
  },
  classify: ({ stderr }) => (/Heap exhausted/.test(stderr) ? 'MEMORY_LIMIT_EXCEEDED' : null),
  // /usr/lib/ghc/package.conf.d links to the package database here.
  readOnlyPaths: ['/var/lib/ghc'],
  version: {
    argv: ['/usr/bin/ghc', '--numeric-version'],
    parse: (out) => /^(\d+(\.\d+)+)/.exec(out.trim())?.[1] ?? null,
  },
};
