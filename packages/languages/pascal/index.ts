/** Pascal with Free Pascal: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { pascalMeta } from './meta.js';
import { pascalRecipe } from './recipe.js';

export const pascal: LanguageModule = { meta: pascalMeta, recipe: pascalRecipe };
