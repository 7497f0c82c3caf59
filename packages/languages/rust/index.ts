/** Rust: metadata, recipe and function problems. */
import type { LanguageModule } from '../module.js';
import { rustStarter } from './function.js';
import { rustHarness } from './harness.js';
import { rustMeta } from './meta.js';
import { rustRecipe } from './recipe.js';

export const rust: LanguageModule = {
  meta: rustMeta,
  recipe: rustRecipe,
  functions: { starter: rustStarter, harness: rustHarness },
};
