/**
 * The languages the platform knows (their ids and names come from `@arbiter/languages/catalog`). A worker
 * advertises the subset whose self-test passed (with toolchain versions); the API accepts only ids from this list.
 */
import {
  LANGUAGE_IDS,
  LANGUAGE_NAMES,
  LISTED_LANGUAGE_IDS,
  MULTIFILE_FOLDER,
} from '@arbiter/languages/catalog';
import { z } from 'zod';

export { LANGUAGE_IDS, LANGUAGE_NAMES, LISTED_LANGUAGE_IDS, MULTIFILE_FOLDER };

export const languageIdSchema = z.enum(LANGUAGE_IDS);
export type LanguageId = z.infer<typeof languageIdSchema>;

export const languageInfoSchema = z.object({
  id: languageIdSchema,
  name: z.string(),
  version: z.string(),
});
export type LanguageInfo = z.infer<typeof languageInfoSchema>;
