/** C++17 with GCC: metadata, recipe and function problems. */
import type { LanguageModule } from '../module.js';
import { cppStarter } from './function.js';
import { cppHarness } from './harness.js';
import { cppMeta } from './meta.js';
import { cppRecipe } from './recipe.js';

export const cpp: LanguageModule = {
  meta: cppMeta,
  recipe: cppRecipe,
  functions: { starter: cppStarter, harness: cppHarness },
};
