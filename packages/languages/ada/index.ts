/** Ada with GNAT: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { adaMeta } from './meta.js';
import { adaRecipe } from './recipe.js';

export const ada: LanguageModule = { meta: adaMeta, recipe: adaRecipe };
