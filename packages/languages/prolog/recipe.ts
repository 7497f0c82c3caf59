/**
 * Prolog with SWI-Prolog (Debian's `swi-prolog-nox`): the compile step compiles `main.pl` into a saved state that
 * is thrown away (`-c`, `--on-error=status`: a syntax error or any other error while loading is a compile
 * error; `initialization(main, main)` goals do not run), then `swipl` loads the source and runs it. The program
 * starts from `:- initialization(main, main).`, as SWI-Prolog's scripts do. Its stacks are capped below the
 * memory limit (`--stack-limit`; a saved state would ignore it): exceeding it is "Stack limit (…) exceeded"
 * (→ MEMORY_LIMIT_EXCEEDED).
 */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

const SWIPL = '/usr/bin/swipl';

export const prologRecipe: LanguageRecipe = {
  id: 'prolog',
  prepare: async (code) => ({ files: { 'main.pl': code } }),
  compile: {
    argv: () => [SWIPL, '-q', '--on-error=status', '-o', '/tmp/main.state', '-c', 'main.pl'],
    flags: [],
    collect: [],
    keep: ['main.pl'],
  },
  run: (_files, { memoryMb }) => [
    SWIPL,
    `--stack-limit=${Math.max(32, memoryMb - 64)}m`,
    '--on-error=status',
    'main.pl',
  ],
  classify: outOfMemory(/Stack limit \([^)]*\) exceeded|Not enough resources|out of memory/i),
  version: {
    argv: [SWIPL, '--version'],
    parse: (out) => /version (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
