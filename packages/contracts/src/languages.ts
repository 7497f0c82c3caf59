/**
 * The languages the platform knows. A worker advertises the subset it can run
 * (with toolchain versions); the API accepts only ids from this list.
 */
import { z } from 'zod';

export const LANGUAGE_IDS = ['python', 'javascript', 'typescript', 'cpp', 'c', 'java'] as const;

export const languageIdSchema = z.enum(LANGUAGE_IDS);
export type LanguageId = z.infer<typeof languageIdSchema>;

/** Display names, shown by clients next to the toolchain version. */
export const LANGUAGE_NAMES: Record<LanguageId, string> = {
  python: 'Python 3',
  javascript: 'JavaScript (Node.js)',
  typescript: 'TypeScript',
  cpp: 'C++17',
  c: 'C17',
  java: 'Java',
};

export const languageInfoSchema = z.object({
  id: languageIdSchema,
  name: z.string(),
  version: z.string(),
});
export type LanguageInfo = z.infer<typeof languageInfoSchema>;
