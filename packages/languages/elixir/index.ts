/** Elixir: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { elixirMeta } from './meta.js';
import { elixirRecipe } from './recipe.js';

export const elixir: LanguageModule = { meta: elixirMeta, recipe: elixirRecipe };
