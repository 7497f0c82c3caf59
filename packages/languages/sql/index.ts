/** SQL (SQLite): metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { sqlMeta } from './meta.js';
import { sqlRecipe } from './recipe.js';

export const sql: LanguageModule = { meta: sqlMeta, recipe: sqlRecipe };
