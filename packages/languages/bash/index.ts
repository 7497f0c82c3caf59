/** Bash: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { bashMeta } from './meta.js';
import { bashRecipe } from './recipe.js';

export const bash: LanguageModule = { meta: bashMeta, recipe: bashRecipe };
