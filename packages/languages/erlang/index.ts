/** Erlang/OTP: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { erlangMeta } from './meta.js';
import { erlangRecipe } from './recipe.js';

export const erlang: LanguageModule = { meta: erlangMeta, recipe: erlangRecipe };
