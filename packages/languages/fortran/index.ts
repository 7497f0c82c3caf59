/** Fortran with GFortran: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { fortranMeta } from './meta.js';
import { fortranRecipe } from './recipe.js';

export const fortran: LanguageModule = { meta: fortranMeta, recipe: fortranRecipe };
