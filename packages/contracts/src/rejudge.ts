/**
 * `POST /admin/rejudge`: an admin judges finished submits again, one submission or all of a
 * problem's (optionally one language's). Each rejudge is a new job (its own id and row, with
 * `rejudgeOf` naming the original) queued behind every run and submit.
 */
import { z } from 'zod';
import { languageIdSchema } from './languages.js';
import { jobIdSchema } from './submission.js';

/** Most submissions one request rejudges; a larger problem is rejudged in several requests. */
export const MAX_REJUDGE_BATCH = 5_000;

export const rejudgeRequestSchema = z.union(
  [
    z.object({ submissionId: jobIdSchema }).strict(),
    z
      .object({
        problem: z
          .string()
          .regex(/^[a-z0-9-]{1,64}$/, 'problem must be a slug: lowercase letters, digits and dashes'),
        language: languageIdSchema.optional(),
      })
      .strict(),
  ],
  { error: 'give "submissionId", or "problem" (and optionally "language")' },
);
export type RejudgeRequest = z.infer<typeof rejudgeRequestSchema>;

export const rejudgeResponseSchema = z.object({
  /** The new jobs, in the order of their originals (oldest first). */
  jobs: z.array(z.object({ jobId: jobIdSchema, rejudgeOf: jobIdSchema })),
});
export type RejudgeResponse = z.infer<typeof rejudgeResponseSchema>;
