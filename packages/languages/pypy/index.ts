/**
 * PyPy 3: metadata, recipe, and function problems with Python's part unchanged (the same starter and
 * harness, compiled in the run; the method names are Python's, `names.python`).
 */
import type { LanguageModule } from '../module.js';
import { python } from '../python/index.js';
import { pypyMeta } from './meta.js';
import { pypyRecipe } from './recipe.js';

export const pypy: LanguageModule = { meta: pypyMeta, recipe: pypyRecipe, functions: python.functions };
