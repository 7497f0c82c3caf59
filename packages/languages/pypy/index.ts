/** PyPy 3: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { pypyMeta } from './meta.js';
import { pypyRecipe } from './recipe.js';

export const pypy: LanguageModule = { meta: pypyMeta, recipe: pypyRecipe };
