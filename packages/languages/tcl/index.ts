/** Tcl: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { tclMeta } from './meta.js';
import { tclRecipe } from './recipe.js';

export const tcl: LanguageModule = { meta: tclMeta, recipe: tclRecipe };
