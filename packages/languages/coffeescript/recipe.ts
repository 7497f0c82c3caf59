/** CoffeeScript 2 (Debian's coffeescript): compiled to JavaScript by `coffee -c`, run on Node.js. */
import type { LanguageRecipe } from '../recipe.js';
import { nodeArgs, nodeHeapExhausted } from '../javascript/recipe.js';

export const coffeescriptRecipe: LanguageRecipe = {
  id: 'coffeescript',
  prepare: async (code) => ({ files: { 'main.coffee': code } }),
  compile: {
    argv: () => [
      '/usr/bin/node',
      '/usr/share/nodejs/coffeescript/bin/coffee',
      '--no-header',
      '-c',
      'main.coffee',
    ],
    flags: [],
    collect: ['main.js'],
  },
  run: (_files, { memoryMb }) =>
    nodeArgs(memoryMb, 'main.js').filter((arg, i, all) => arg !== '--require' && all[i - 1] !== '--require'),
  classify: nodeHeapExhausted,
  version: {
    argv: ['/usr/bin/node', '/usr/share/nodejs/coffeescript/bin/coffee', '--version'],
    parse: (out) => /CoffeeScript version (\S+)/.exec(out)?.[1] ?? null,
  },
};
