/** Python 3 (Debian's python3): metadata, recipe, and function problems (harness compiled in the run). */
import type { LanguageModule } from '../module.js';
import { pythonStarter } from './function.js';
import { pythonHarness } from './harness.js';
import { pythonMeta } from './meta.js';
import { pythonRecipe } from './recipe.js';

export const python: LanguageModule = {
  meta: pythonMeta,
  recipe: pythonRecipe,
  functions: { starter: pythonStarter, harness: pythonHarness, compileRecord: true },
};
