/** Ruby: metadata, recipe and function problems. */
import type { LanguageModule } from '../module.js';
import { rubyStarter } from './function.js';
import { rubyHarness } from './harness.js';
import { rubyMeta } from './meta.js';
import { rubyRecipe } from './recipe.js';

export const ruby: LanguageModule = {
  meta: rubyMeta,
  recipe: rubyRecipe,
  functions: { starter: rubyStarter, harness: rubyHarness },
};
