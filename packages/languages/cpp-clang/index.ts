/**
 * C++17 with Clang: metadata, recipe, and function problems with C++'s part unchanged (the same starter,
 * harness and runtime; the method names are C++'s, `names.cpp`).
 */
import { cpp } from '../cpp/index.js';
import type { LanguageModule } from '../module.js';
import { cppClangMeta } from './meta.js';
import { cppClangRecipe } from './recipe.js';

export const cppClang: LanguageModule = {
  meta: cppClangMeta,
  recipe: cppClangRecipe,
  functions: cpp.functions,
};
