/** Ruby (Debian's ruby): a syntax check (`ruby -c`), then the script. */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

export const rubyRecipe: LanguageRecipe = {
  id: 'ruby',
  prepare: async (code) => ({ files: { 'main.rb': code } }),
  compile: { argv: () => ['/usr/bin/ruby', '-c', 'main.rb'], flags: [], collect: [], keep: ['main.rb'] },
  run: () => ['/usr/bin/ruby', 'main.rb'],
  classify: outOfMemory(/\bNoMemoryError\b|failed to allocate memory/),
  version: { argv: ['/usr/bin/ruby', '--version'], parse: (out) => /ruby (\S+)/.exec(out)?.[1] ?? null },
};
