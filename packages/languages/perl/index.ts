/** Perl: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { perlMeta } from './meta.js';
import { perlRecipe } from './recipe.js';

export const perl: LanguageModule = { meta: perlMeta, recipe: perlRecipe };
