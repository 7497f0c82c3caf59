/** The body of `POST /submit`, the job payload that goes on the queue, and size limits of both. */
import { z } from 'zod';
import { languageIdSchema } from './languages.js';
import { effectiveLimitsSchema, requestedLimitsSchema } from './limits.js';

/** Source code above this many bytes is refused with 413. */
export const MAX_CODE_BYTES = 64 * 1024;
/** stdin (and expected output) above this many bytes is refused with 413. */
export const MAX_STDIN_BYTES = 8 * 1024 * 1024;
/** Whole `POST /submit` bodies above this are refused by the JSON parser with 413. */
export const MAX_BODY_BYTES = 2 * MAX_STDIN_BYTES + MAX_CODE_BYTES + 64 * 1024;
/**
 * Every other JSON body (sign-in, sign-up, rejudges, the queue dashboard's actions) above this is
 * refused with 413: they hold a few short fields, and a big one would only cost parsing.
 */
export const MAX_SMALL_BODY_BYTES = 16 * 1024;

export const SUBMISSION_MODES = ['run', 'submit'] as const;
export const submissionModeSchema = z.enum(SUBMISSION_MODES);
export type SubmissionMode = z.infer<typeof submissionModeSchema>;

export const submitRequestSchema = z
  .object({
    language: z.string({ error: 'language is required: one of the ids from GET /languages' }),
    code: z.string({ error: 'code is required and must be a string' }).min(1, 'code must not be empty'),
    stdin: z.string().optional(),
    expectedOutput: z.string().optional(),
    problem: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, 'problem must be a slug: lowercase letters, digits and dashes')
      .optional(),
    mode: submissionModeSchema.default('run'),
    tests: z.array(z.string()).max(20).optional(),
    limits: requestedLimitsSchema.optional(),
    /** A free run's program arguments: each one argv entry, never through a shell. */
    args: z.array(z.string().max(4096, 'each argument is at most 4096 characters')).max(256).optional(),
  })
  .strict();
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

export const submitResponseSchema = z.object({ jobId: z.string() });
export type SubmitResponse = z.infer<typeof submitResponseSchema>;

/** Ids are UUIDs: unguessable, so an anonymous job can be read by whoever holds its id. */
export const jobIdSchema = z.uuid();

/** What a worker receives from the queue. Job id = submission id = `jobId`. */
export const jobDataSchema = z.object({
  jobId: jobIdSchema,
  language: languageIdSchema,
  code: z.string(),
  stdin: z.string(),
  expectedOutput: z.string().optional(),
  mode: submissionModeSchema,
  /** Problem slug, for problem jobs. */
  problem: z.string().nullable().default(null),
  /** Custom inputs of a `run` on a problem (one JSON line of arguments each, or stdin text). */
  tests: z.array(z.string()).default([]),
  /** Who submitted it; null: anonymous. */
  userId: z.string().nullable().default(null),
  /** The submission this job judges again (an admin's rejudge); null: a new submission. */
  rejudgeOf: jobIdSchema.nullable().default(null),
  limits: effectiveLimitsSchema,
  /** Command-line arguments of a free run's program (the compatible APIs); never through a shell. */
  args: z.array(z.string().max(4096)).max(256).optional(),
  /** ms since the epoch, when the API accepted the job. */
  createdAt: z.number(),
});
export type JobData = z.infer<typeof jobDataSchema>;
