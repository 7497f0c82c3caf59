/** One language as the platform uses it: its metadata, its recipe and, optionally, its function part. */
import type { FunctionPart } from './function-part.js';
import type { LanguageMeta } from './meta.js';
import type { LanguageRecipe } from './recipe.js';

export interface LanguageModule {
  meta: LanguageMeta;
  recipe: LanguageRecipe;
  functions?: FunctionPart;
}
