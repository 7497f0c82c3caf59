/** Clojure: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { clojureMeta } from './meta.js';
import { clojureRecipe } from './recipe.js';

export const clojure: LanguageModule = { meta: clojureMeta, recipe: clojureRecipe };
