/** What the API says about problems: the list (`GET /problems`) and one problem (`GET /problems/:slug`). */
import { z } from 'zod';
import { languageIdSchema } from './languages.js';

export const DIFFICULTY_LEVELS = ['easy', 'medium', 'hard'] as const;
export const difficultySchema = z.enum(DIFFICULTY_LEVELS);
export type Difficulty = z.infer<typeof difficultySchema>;

export const problemSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  difficulty: difficultySchema,
  tags: z.array(z.string()),
  /** Share (0–100) of judged submits that were accepted; null before the first one. */
  acceptanceRate: z.number().nullable(),
  /** Judged submits so far. */
  submissions: z.number().int().nonnegative(),
  /** For the signed-in user: solved, attempted, or null (never submitted / signed out). */
  status: z.enum(['solved', 'attempted']).nullable(),
});
export type ProblemSummary = z.infer<typeof problemSummarySchema>;

export const problemExampleSchema = z.object({
  /** As shown: `nums = [2,7,11,15], target = 9` (function problems) or the stdin text. */
  input: z.string(),
  output: z.string(),
  /** The same input in the custom-test format: one JSON value per parameter per line (or stdin). */
  testInput: z.string(),
});

export const problemDetailSchema = problemSummarySchema.extend({
  kind: z.enum(['function', 'stdio']),
  /** Markdown: description, examples, constraints. */
  statement: z.string(),
  examples: z.array(problemExampleSchema),
  languages: z.array(languageIdSchema),
  /** Code to start from, per language (LeetCode's shape for function problems). */
  starterCode: z.partialRecord(languageIdSchema, z.string()),
  limits: z.object({ timeMs: z.number(), memoryMb: z.number() }),
  /** Function problems: the method and its typed parameters. */
  signature: z
    .object({
      name: z.string(),
      params: z.array(z.object({ name: z.string(), type: z.string() })),
      returns: z.string(),
    })
    .nullable(),
  /** Whether reference solutions are shown to users who solved it (`GET /problems/:slug/solutions`). */
  hasSolutions: z.boolean(),
});
export type ProblemDetail = z.infer<typeof problemDetailSchema>;

/** A reference solution, shown after an accepted submit (`GET /problems/:slug/solutions`). */
export const referenceSolutionSchema = z.object({ language: languageIdSchema, code: z.string() });
export const referenceSolutionListSchema = z.array(referenceSolutionSchema);
export type ReferenceSolutionView = z.infer<typeof referenceSolutionSchema>;
