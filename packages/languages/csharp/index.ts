/** C# (Mono): metadata, recipe and function problems. */
import type { LanguageModule } from '../module.js';
import { csharpStarter } from './function.js';
import { csharpHarness } from './harness.js';
import { csharpMeta } from './meta.js';
import { csharpRecipe } from './recipe.js';

export const csharp: LanguageModule = {
  meta: csharpMeta,
  recipe: csharpRecipe,
  functions: { starter: csharpStarter, harness: csharpHarness },
};
