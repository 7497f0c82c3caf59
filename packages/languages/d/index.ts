/** D with GDC: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { dMeta } from './meta.js';
import { dRecipe } from './recipe.js';

export const d: LanguageModule = { meta: dMeta, recipe: dRecipe };
