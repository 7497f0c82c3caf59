/** Scala 2: metadata and recipe (stdio problems). */
import type { LanguageModule } from '../module.js';
import { scalaMeta } from './meta.js';
import { scalaRecipe } from './recipe.js';

export const scala: LanguageModule = { meta: scalaMeta, recipe: scalaRecipe };
