/** TypeScript (esbuild, then Node.js): metadata, recipe, and function problems on JavaScript's harness. */
import { javascriptHarness } from '../javascript/harness.js';
import type { LanguageModule } from '../module.js';
import { typescriptStarter } from './function.js';
import { typescriptMeta } from './meta.js';
import { typescriptRecipe } from './recipe.js';

export const typescript: LanguageModule = {
  meta: typescriptMeta,
  recipe: typescriptRecipe,
  functions: {
    starter: typescriptStarter,
    harness: (signature, userCode) => javascriptHarness(signature, signature.names.typescript, userCode),
  },
};
