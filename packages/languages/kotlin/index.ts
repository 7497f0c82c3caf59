/** Kotlin: metadata, recipe and function problems. */
import type { LanguageModule } from '../module.js';
import { kotlinStarter } from './function.js';
import { kotlinHarness } from './harness.js';
import { kotlinMeta } from './meta.js';
import { kotlinRecipe } from './recipe.js';

export const kotlin: LanguageModule = {
  meta: kotlinMeta,
  recipe: kotlinRecipe,
  functions: { starter: kotlinStarter, harness: kotlinHarness },
};
