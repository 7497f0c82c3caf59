/** Scheme (GNU Guile): metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { schemeMeta } from './meta.js';
import { schemeRecipe } from './recipe.js';

export const scheme: LanguageModule = { meta: schemeMeta, recipe: schemeRecipe };
