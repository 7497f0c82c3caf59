/**
 * Scheme with GNU Guile 3 (Debian's `guile-3.0`): Guile's compiler (`compile-file`, as `guild compile` does)
 * compiles `main.scm` to bytecode in `main.go` (a read or syntax error is a compile error; nothing runs), then
 * Guile loads it without auto-compilation (no cache under `$HOME`). The collector's heap is capped below the
 * memory limit (`GC_MAXIMUM_HEAP_SIZE`, one marker thread): running out of it is the collector's
 * "Out of Memory" (→ MEMORY_LIMIT_EXCEEDED).
 */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

const GUILE = '/usr/bin/guile-3.0';
const COMPILE =
  '(use-modules (system base compile)) (compile-file "main.scm" #:output-file (string-append (getcwd) "/main.go"))';
const LOAD = '(load-compiled (string-append (getcwd) "/main.go"))';

/** Boehm GC's settings: the heap below the memory limit (bytes), one marker thread. */
export function boehmEnv(memoryMb: number): Record<string, string> {
  const heapMb = Math.max(32, memoryMb - 48);
  return { GC_MAXIMUM_HEAP_SIZE: String(heapMb * 1024 * 1024), GC_MARKERS: '1' };
}

export const schemeRecipe: LanguageRecipe = {
  id: 'scheme',
  prepare: async (code) => ({ files: { 'main.scm': code } }),
  compile: {
    argv: () => [GUILE, '--no-auto-compile', '-c', COMPILE],
    flags: [],
    collect: ['main.go'],
    env: { GC_MARKERS: '1' },
  },
  run: () => [GUILE, '--no-auto-compile', '-c', LOAD],
  runEnv: ({ memoryMb }) => boehmEnv(memoryMb),
  classify: outOfMemory(/Out of Memory|out of memory/),
  version: {
    argv: [GUILE, '--version'],
    parse: (out) => /guile \(GNU Guile\) (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
