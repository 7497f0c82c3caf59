/**
 * Common Lisp with SBCL (Debian's `sbcl`): `compile-file` compiles `main.lisp` to native code in `main.fasl`
 * (a read error or a full WARNING, e.g. an undefined variable, is a compile error; top-level forms are compiled,
 * not run), then `sbcl --script` loads the fasl. The heap is SBCL's own `--dynamic-space-size`, sized below the
 * memory limit: running out of it is SBCL's "Heap exhausted" (→ MEMORY_LIMIT_EXCEEDED).
 */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

const SBCL = '/usr/bin/sbcl';
/** Exit status 0 only when the file compiled without failure (`failure-p`: an error or a WARNING). */
const COMPILE = [
  '(multiple-value-bind (fasl warnings-p failure-p) (compile-file "main.lisp")',
  '  (declare (ignore warnings-p))',
  '  (sb-ext:exit :code (if (and fasl (not failure-p)) 0 1)))',
].join('\n');

/** SBCL's heap: the memory limit less room for the runtime and its core. */
export function sbclHeapMb(memoryMb: number): number {
  return Math.max(64, memoryMb - 48);
}

export const commonlispRecipe: LanguageRecipe = {
  id: 'commonlisp',
  prepare: async (code) => ({ files: { 'main.lisp': code } }),
  compile: {
    argv: () => [
      SBCL,
      '--dynamic-space-size',
      '512MB',
      '--noinform',
      '--non-interactive',
      '--no-sysinit',
      '--no-userinit',
      '--eval',
      COMPILE,
    ],
    flags: [],
    collect: ['main.fasl'],
  },
  run: (_files, { memoryMb }) => [
    SBCL,
    '--dynamic-space-size',
    `${sbclHeapMb(memoryMb)}MB`,
    '--script',
    'main.fasl',
  ],
  classify: outOfMemory(/Heap exhausted/),
  version: { argv: [SBCL, '--version'], parse: (out) => /SBCL (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null },
};
