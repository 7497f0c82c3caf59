/** Lua 5.4: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { luaMeta } from './meta.js';
import { luaRecipe } from './recipe.js';

export const lua: LanguageModule = { meta: luaMeta, recipe: luaRecipe };
