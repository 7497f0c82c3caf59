/** Go: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { goMeta } from './meta.js';
import { goRecipe } from './recipe.js';

export const go: LanguageModule = { meta: goMeta, recipe: goRecipe };
