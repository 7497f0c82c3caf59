/** PHP: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { phpMeta } from './meta.js';
import { phpRecipe } from './recipe.js';

export const php: LanguageModule = { meta: phpMeta, recipe: phpRecipe };
