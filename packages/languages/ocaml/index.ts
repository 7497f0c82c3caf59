/** OCaml: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { ocamlMeta } from './meta.js';
import { ocamlRecipe } from './recipe.js';

export const ocaml: LanguageModule = { meta: ocamlMeta, recipe: ocamlRecipe };
