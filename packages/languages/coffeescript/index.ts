/** CoffeeScript: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { coffeescriptMeta } from './meta.js';
import { coffeescriptRecipe } from './recipe.js';

export const coffeescript: LanguageModule = { meta: coffeescriptMeta, recipe: coffeescriptRecipe };
