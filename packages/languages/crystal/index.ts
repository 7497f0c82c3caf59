/** Crystal: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { crystalMeta } from './meta.js';
import { crystalRecipe } from './recipe.js';

export const crystal: LanguageModule = { meta: crystalMeta, recipe: crystalRecipe };
