/** Groovy: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { groovyMeta } from './meta.js';
import { groovyRecipe } from './recipe.js';

export const groovy: LanguageModule = { meta: groovyMeta, recipe: groovyRecipe };
