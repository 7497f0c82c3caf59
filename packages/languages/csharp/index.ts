/** C# on Mono: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { csharpMeta } from './meta.js';
import { csharpRecipe } from './recipe.js';

export const csharp: LanguageModule = { meta: csharpMeta, recipe: csharpRecipe };
