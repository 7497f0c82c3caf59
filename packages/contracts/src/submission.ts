/** The body of `POST /submit`, the job payload that goes on the queue, and size limits of both. */
import { z } from 'zod';
import { packageRefSchema } from './problem-packages.js';
import { errorBodySchema } from './errors.js';
import { languageIdSchema } from './languages.js';
import { similarityJobSchema } from './similarity.js';
import { effectiveLimitsSchema, requestedLimitsSchema } from './limits.js';
import {
  compilerOptionsSchema,
  numberOfRunsSchema,
  programOptionsSchema,
  reservedFileIssue,
  submittedFilesSchema,
} from './program-options.js';

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

/** `POST /submit`'s fields; `submitRequestSchema` adds the checks between them. */
export const submitRequestFieldsSchema = z
  .object({
    language: z.string({ error: 'language is required: one of the ids from GET /languages' }),
    /** The program's one source file; absent: the program is `files` (entry point found among them). */
    code: z.string({ error: 'code must be a string' }).min(1, 'code must not be empty').optional(),
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
    /**
     * With `code`: extra files beside it, in the program's work dir (free runs). Without `code`: the whole
     * program; the file with the entry point (else the first) is the program, the others lie beside it.
     */
    files: submittedFilesSchema.optional(),
    /** Compiler flags from the language's allow-list, each one argv entry of the compiler. */
    compilerOptions: compilerOptionsSchema.optional(),
    /** Fold stderr into stdout (in the order the chunks arrived); the result's stderr is then empty. */
    redirectStderrToStdout: z.boolean().optional(),
    /** Run the program this many times: time is the average, memory the peak (as Judge0). */
    numberOfRuns: numberOfRunsSchema.optional(),
    /** Submit within this contest (registered, inside one's window); only with mode `submit`. */
    contestId: z.uuid('contestId must be a contest id').optional(),
    /** Where the finished result is sent (`POST`, JSON), through the callback address guard. */
    callbackUrl: z.string().max(2048, 'callbackUrl is at most 2048 characters').optional(),
  })
  .strict();

export const submitRequestSchema = submitRequestFieldsSchema.superRefine((request, context) => {
  if (request.code === undefined) {
    if (request.files === undefined || request.files.length === 0)
      context.addIssue({
        code: 'custom',
        path: ['code'],
        message: 'code is required: the program as a string, or its files as "files" ([{name, content}])',
      });
    return;
  }
  // Beside `code`, the entry file's and the compiler's names are taken.
  for (const [i, file] of (request.files ?? []).entries()) {
    const issue = reservedFileIssue(file.name);
    if (issue !== null) context.addIssue({ code: 'custom', path: ['files', i, 'name'], message: issue });
  }
});
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

/** `POST /submit/batch`: up to 20 submissions, each checked as `POST /submit` checks one. */
export const MAX_BATCH_SUBMISSIONS = 20;
export const submitBatchRequestSchema = z
  .object({
    submissions: z
      .array(
        z.unknown().meta({ description: 'A `POST /submit` body (SubmitRequest), checked on its own.' }),
        {
          error: 'submissions is required: an array of POST /submit bodies',
        },
      )
      .min(1, 'submissions holds at least one submission')
      .max(MAX_BATCH_SUBMISSIONS, `submissions holds at most ${MAX_BATCH_SUBMISSIONS} submissions`),
  })
  .strict();
export const submitResponseSchema = z.object({ jobId: z.string() });
export type SubmitResponse = z.infer<typeof submitResponseSchema>;

/** One element of a batch's answer, in the order sent: its job id, or why it was refused. */
export const submitBatchItemSchema = z.union([
  z.object({ jobId: z.string() }),
  z.object({
    /** The HTTP status `POST /submit` would have answered for this body alone. */
    status: z.number().int(),
    error: errorBodySchema.shape.error,
  }),
]);
export const submitBatchResponseSchema = z.object({ submissions: z.array(submitBatchItemSchema) });
export type SubmitBatchResponse = z.infer<typeof submitBatchResponseSchema>;

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
  /** An imported problem's version and package hash (absent: a problem of the built-in catalog). */
  package: packageRefSchema.optional(),
  /**
   * With `package`: judge the package's own labelled submissions (verification on import), not `code`;
   * `limits.timeMs` is then the most a case may run, `defaultTimeMs` the limit when none can be set.
   */
  verify: z.object({ defaultTimeMs: z.number().int().positive() }).optional(),
  /** A similarity report's analysis: these sources compared by Dolos in the sandbox, not `code` judged. */
  similarity: similarityJobSchema.optional(),
  /** Custom inputs of a `run` on a problem (one JSON line of arguments each, or stdin text). */
  tests: z.array(z.string()).default([]),
  /** Who submitted it; null: anonymous. */
  userId: z.string().nullable().default(null),
  /** The submission this job judges again (an admin's rejudge); null: a new submission. */
  rejudgeOf: jobIdSchema.nullable().default(null),
  /** The contest it counts in (a rejudge: its original's); absent: none. */
  contestId: z.string().optional(),
  limits: effectiveLimitsSchema,
  /** Command-line arguments of a free run's program (the compatible APIs); never through a shell. */
  args: z.array(z.string().max(4096)).max(256).optional(),
  /** A free run's files, compiler flags, stderr redirection and number of runs. */
  options: programOptionsSchema.optional(),
  /** ms since the epoch, when the API accepted the job. */
  createdAt: z.number(),
});
export type JobData = z.infer<typeof jobDataSchema>;
