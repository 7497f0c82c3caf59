/** JavaScript on Node.js: metadata, recipe (esbuild checks the syntax) and function problems. */
import type { LanguageModule } from '../module.js';
import { javascriptStarter } from './function.js';
import { javascriptHarness } from './harness.js';
import { javascriptMeta } from './meta.js';
import { javascriptRecipe } from './recipe.js';

export const javascript: LanguageModule = {
  meta: javascriptMeta,
  recipe: javascriptRecipe,
  functions: {
    starter: javascriptStarter,
    harness: (signature, userCode) => javascriptHarness(signature, signature.names.javascript, userCode),
  },
};
