/** A multi-file program (Judge0's language 89): metadata and recipe, no function problems. */
import type { LanguageModule } from '../module.js';
import { multifileMeta } from './meta.js';
import { multifileRecipe } from './recipe.js';

export const multifile: LanguageModule = { meta: multifileMeta, recipe: multifileRecipe };
