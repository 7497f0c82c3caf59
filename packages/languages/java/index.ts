/** Java 17: metadata, recipe and function problems. */
import type { LanguageModule } from '../module.js';
import { javaStarter } from './function.js';
import { javaHarness } from './harness.js';
import { javaMeta } from './meta.js';
import { javaRecipe } from './recipe.js';

export const java: LanguageModule = {
  meta: javaMeta,
  recipe: javaRecipe,
  functions: { starter: javaStarter, harness: javaHarness },
};
