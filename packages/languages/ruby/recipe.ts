/** Ruby (Debian's ruby): a syntax check (`ruby -c`), then the script, with a VM stack for deep recursion. */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

export const rubyRecipe: LanguageRecipe = {
  id: 'ruby',
  prepare: async (code) => ({ files: { 'main.rb': code } }),
  compile: { argv: () => ['/usr/bin/ruby', '-c', 'main.rb'], flags: [], collect: [], keep: ['main.rb'] },
  run: () => ['/usr/bin/ruby', 'main.rb'],
  // Deep recursion (a DFS 10^4 levels down) must work, as on LeetCode: Ruby's 1 MiB VM stack holds ~10^4
  // frames; memory is taken only as the stack is used.
  runEnv: () => ({ RUBY_THREAD_VM_STACK_SIZE: String(256 << 20) }),
  classify: outOfMemory(/\bNoMemoryError\b|failed to allocate memory/),
  version: { argv: ['/usr/bin/ruby', '--version'], parse: (out) => /ruby (\S+)/.exec(out)?.[1] ?? null },
};
