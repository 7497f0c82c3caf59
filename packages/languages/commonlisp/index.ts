/** Common Lisp (SBCL): metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { commonlispMeta } from './meta.js';
import { commonlispRecipe } from './recipe.js';

export const commonlisp: LanguageModule = { meta: commonlispMeta, recipe: commonlispRecipe };
