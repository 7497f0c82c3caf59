/** C++17 with Clang: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { cppClangMeta } from './meta.js';
import { cppClangRecipe } from './recipe.js';

export const cppClang: LanguageModule = { meta: cppClangMeta, recipe: cppClangRecipe };
