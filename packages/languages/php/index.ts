/** PHP: metadata, recipe and function problems. */
import type { LanguageModule } from '../module.js';
import { phpStarter } from './function.js';
import { phpHarness } from './harness.js';
import { phpMeta } from './meta.js';
import { phpRecipe } from './recipe.js';

export const php: LanguageModule = {
  meta: phpMeta,
  recipe: phpRecipe,
  functions: { starter: phpStarter, harness: phpHarness },
};
