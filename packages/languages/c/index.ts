/** C17 with GCC: metadata, recipe and function problems (not arrays of nodes). */
import type { LanguageModule } from '../module.js';
import { cStarter, cUnsupported } from './function.js';
import { cHarness } from './harness.js';
import { cMeta } from './meta.js';
import { cRecipe } from './recipe.js';

export const c: LanguageModule = {
  meta: cMeta,
  recipe: cRecipe,
  functions: { starter: cStarter, harness: cHarness, unsupported: cUnsupported },
};
