/** R: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { rMeta } from './meta.js';
import { rRecipe } from './recipe.js';

export const r: LanguageModule = { meta: rMeta, recipe: rRecipe };
