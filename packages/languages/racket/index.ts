/** Racket: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { racketMeta } from './meta.js';
import { racketRecipe } from './recipe.js';

export const racket: LanguageModule = { meta: racketMeta, recipe: racketRecipe };
