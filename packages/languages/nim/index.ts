/** Nim: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { nimMeta } from './meta.js';
import { nimRecipe } from './recipe.js';

export const nim: LanguageModule = { meta: nimMeta, recipe: nimRecipe };
