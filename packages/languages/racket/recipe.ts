/**
 * Racket (Debian's `racket`, Racket CS): `raco make` expands and compiles the module `main.rkt` (an unbound
 * identifier or a syntax error is a compile error; the module's body does not run) to `compiled/`, then
 * `racket` runs it from there (`PLT_COMPILED_FILE_CHECK=exists`: the copied files' times do not matter).
 * Racket has no heap flag: the sandbox's memory limit stops it, or its own "out of memory".
 * The installation's configuration is `/etc/racket`, bound read-only.
 */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

export const racketRecipe: LanguageRecipe = {
  id: 'racket',
  prepare: async (code) => ({ files: { 'main.rkt': code } }),
  compile: {
    argv: () => ['/usr/bin/raco', 'make', 'main.rkt'],
    flags: [],
    collect: ['compiled'],
    keep: ['main.rkt'],
    // Loading `racket` and its expander takes seconds of CPU on a busy host.
    needs: { timeScale: 2 },
  },
  run: () => ['/usr/bin/racket', 'main.rkt'],
  runEnv: () => ({ PLT_COMPILED_FILE_CHECK: 'exists' }),
  classify: outOfMemory(/\bout of memory\b/),
  readOnlyPaths: ['/etc/racket'],
  version: {
    argv: ['/usr/bin/racket', '--version'],
    parse: (out) => /Racket v(\d+(\.\d+)+)/.exec(out)?.[1] ?? null,
  },
};
