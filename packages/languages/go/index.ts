/** Go: metadata, recipe and function problems. */
import type { LanguageModule } from '../module.js';
import { goStarter } from './function.js';
import { goHarness } from './harness.js';
import { goMeta } from './meta.js';
import { goRecipe } from './recipe.js';

export const go: LanguageModule = {
  meta: goMeta,
  recipe: goRecipe,
  functions: { starter: goStarter, harness: goHarness },
};
