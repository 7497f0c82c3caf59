/** Kotlin: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { kotlinMeta } from './meta.js';
import { kotlinRecipe } from './recipe.js';

export const kotlin: LanguageModule = { meta: kotlinMeta, recipe: kotlinRecipe };
