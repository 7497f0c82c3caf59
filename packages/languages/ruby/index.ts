/** Ruby: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { rubyMeta } from './meta.js';
import { rubyRecipe } from './recipe.js';

export const ruby: LanguageModule = { meta: rubyMeta, recipe: rubyRecipe };
