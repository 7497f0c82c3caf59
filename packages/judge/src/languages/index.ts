/** The registry of language recipes, by id. */
import type { LanguageId } from '@arbiter/contracts';
import { java } from './java.js';
import { javascript } from './javascript.js';
import { c, cpp } from './native.js';
import { python } from './python.js';
import type { LanguageRecipe } from './recipe.js';
import { typescript } from './typescript.js';

export const RECIPES: Record<LanguageId, LanguageRecipe> = { python, javascript, typescript, cpp, c, java };

export type { CompileOptions, LanguageRecipe, PrepareResult, RunContext } from './recipe.js';
export { JAVA_OOM, javaMainClass } from './java.js';
