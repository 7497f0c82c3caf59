/** Haskell with GHC: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { haskellMeta } from './meta.js';
import { haskellRecipe } from './recipe.js';

export const haskell: LanguageModule = { meta: haskellMeta, recipe: haskellRecipe };
