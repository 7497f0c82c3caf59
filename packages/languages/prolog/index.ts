/** Prolog (SWI-Prolog): metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { prologMeta } from './meta.js';
import { prologRecipe } from './recipe.js';

export const prolog: LanguageModule = { meta: prologMeta, recipe: prologRecipe };
