/** Scala 2: metadata, recipe and function problems. */
import type { LanguageModule } from '../module.js';
import { scalaStarter } from './function.js';
import { scalaHarness } from './harness.js';
import { scalaMeta } from './meta.js';
import { scalaRecipe } from './recipe.js';

export const scala: LanguageModule = {
  meta: scalaMeta,
  recipe: scalaRecipe,
  functions: { starter: scalaStarter, harness: scalaHarness },
};
