/** Lua 5.4 (Debian's lua5.4): a parse check (`luac5.4 -p`), then the script. */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

export const luaRecipe: LanguageRecipe = {
  id: 'lua',
  prepare: async (code) => ({ files: { 'main.lua': code } }),
  compile: { argv: () => ['/usr/bin/luac5.4', '-p', 'main.lua'], flags: [], collect: [], keep: ['main.lua'] },
  run: () => ['/usr/bin/lua5.4', 'main.lua'],
  classify: outOfMemory(/not enough memory/),
  version: { argv: ['/usr/bin/lua5.4', '-v'], parse: (out) => /Lua (\S+)/.exec(out)?.[1] ?? null },
};
