/** Bash (Debian's bash): a syntax check (`bash -n`), then the script; coreutils are there too. */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

export const bashRecipe: LanguageRecipe = {
  id: 'bash',
  prepare: async (code) => ({ files: { 'main.sh': code } }),
  compile: { argv: () => ['/usr/bin/bash', '-n', 'main.sh'], flags: [], collect: [], keep: ['main.sh'] },
  // `./main.sh`: $0 holds a path, so a script that sources its neighbours by `${0%/*}/` finds them.
  run: () => ['/usr/bin/bash', './main.sh'],
  classify: outOfMemory(/cannot allocate memory|xmalloc/i),
  version: {
    argv: ['/usr/bin/bash', '--version'],
    parse: (out) => /version (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
