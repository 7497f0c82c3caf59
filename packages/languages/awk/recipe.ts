/** GNU AWK (Debian's gawk): the program reads stdin as its input records. */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

export const awkRecipe: LanguageRecipe = {
  id: 'awk',
  prepare: async (code) => ({ files: { 'main.awk': code } }),
  run: () => ['/usr/bin/gawk', '-f', 'main.awk'],
  classify: outOfMemory(/cannot allocate|out of memory/i),
  version: {
    argv: ['/usr/bin/gawk', '--version'],
    parse: (out) => /GNU Awk (\S+?),?\s/.exec(out)?.[1] ?? null,
  },
};
