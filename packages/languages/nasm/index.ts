/** x86-64 assembly with NASM: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { nasmMeta } from './meta.js';
import { nasmRecipe } from './recipe.js';

export const nasm: LanguageModule = { meta: nasmMeta, recipe: nasmRecipe };
