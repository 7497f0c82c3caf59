/** Rust: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { rustMeta } from './meta.js';
import { rustRecipe } from './recipe.js';

export const rust: LanguageModule = { meta: rustMeta, recipe: rustRecipe };
