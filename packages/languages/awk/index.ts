/** AWK (gawk): metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { awkMeta } from './meta.js';
import { awkRecipe } from './recipe.js';

export const awk: LanguageModule = { meta: awkMeta, recipe: awkRecipe };
