/** The result of a job, as `GET /status/:jobId` and the `result` socket event return it. */
import { z } from 'zod';
import { languageIdSchema } from './languages.js';
import { submissionModeSchema } from './submission.js';
import { effectiveLimitsSchema } from './limits.js';
import { jobStatusSchema, verdictSchema } from './verdicts.js';
import { MAX_TEST_TEXT_BYTES, clipText, clipTextEnd } from './text-cap.js';
import { packageVerificationSchema } from './package-verification.js';
import { similarityResultSchema } from './similarity.js';
import { scoreResultSchema } from './score.js';

export const testResultSchema = z.object({
  index: z.number().int().nonnegative(),
  verdict: verdictSchema,
  /** CPU time, in ms. */
  timeMs: z.number().nonnegative(),
  /** Peak memory, in KiB. */
  memoryKb: z.number().nonnegative(),
  input: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  /** Where the test comes from (problems): a sample, a hidden test, or the user's own input. */
  source: z.enum(['sample', 'hidden', 'custom']).optional(),
  /** Why it failed, when the verdict alone does not say (e.g. the exception's message). */
  message: z.string().optional(),
  /** An imported problem's test case, by its path below data/ without extension (`secret/group1/03`). */
  name: z.string().optional(),
  /**
   * An output validator's message for the judges (`judgemessage.txt`, or the default validator's
   * reason); shown to admins only (`withoutJudgeMessages` takes it out for everyone else).
   */
  judgeMessage: z.string().optional(),
  /** A scoring problem's case: its score (the validator's `score.txt`, else its group's accept or reject score). */
  score: z.number().optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const percentileSchema = z.object({
  /** Share (0–100) of accepted submissions that were slower. */
  runtime: z.number(),
  /** Share (0–100) of accepted submissions that used more memory. */
  memory: z.number(),
});

/**
 * A step that ran in the sandbox (compile, or run), as the worker saw it. When a step runs several
 * times (a stdio problem runs once per test), `start` is the first run's and `end` the last one's.
 */
export const stepTimingSchema = z.object({
  /** The step asked the sandbox for a run (epoch ms). */
  start: z.number(),
  /** The sandbox's report was back (epoch ms). */
  end: z.number(),
  /** The program's own wall time inside, in ms; the rest of `end − start` is the sandbox's set-up and clean-up. */
  programMs: z.number().nonnegative(),
  /** Sandbox runs the step took (0: a compile served from the cache). */
  runs: z.number().int().nonnegative(),
});
export type StepTiming = z.infer<typeof stepTimingSchema>;

/**
 * When each stage of a job happened, as epoch ms with sub-ms precision (`preciseNow()`), recorded by the
 * process that did it. For measuring the platform (`bench/`, the breakdown per stage); absent on a job
 * the platform failed before it ran.
 */
export const jobTimingsSchema = z.object({
  /** API: the request passed its checks (the job's `createdAt`). */
  acceptedAt: z.number(),
  /** API: the job was handed to the queue (BullMQ's job timestamp). */
  enqueuedAt: z.number(),
  /** Worker: took the job from the queue. */
  pickedAt: z.number(),
  /** Worker: the `running` record and event were written (judging does not wait for them). */
  runningAt: z.number(),
  /** Absent for languages with no compile step in the sandbox. */
  compile: stepTimingSchema.optional(),
  /** Absent when the program never ran (a compile error). */
  run: stepTimingSchema.optional(),
  /** Worker: the result is complete and about to be stored and announced. */
  finishedAt: z.number(),
});
export type JobTimings = z.infer<typeof jobTimingsSchema>;

/** Epoch ms with sub-ms precision, comparable across the processes of one machine. */
export function preciseNow(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 100) / 100;
}

export const jobResultSchema = z.object({
  jobId: z.string(),
  status: jobStatusSchema,
  language: languageIdSchema,
  mode: submissionModeSchema,
  /** Problem slug; null for a free-form run. */
  problem: z.string().nullable(),
  /** Who submitted it; null: anonymous. */
  userId: z.string().nullable(),
  /** null until the job is finished. */
  verdict: verdictSchema.nullable(),
  stdout: z.string(),
  stderr: z.string(),
  compileOutput: z.string(),
  exitCode: z.number().int().nullable(),
  /** Name of the signal that ended the program, e.g. `SIGSEGV`. */
  signal: z.string().nullable(),
  /** CPU time, in ms. */
  timeMs: z.number().nullable(),
  /** Wall-clock time, in ms. */
  wallTimeMs: z.number().nullable(),
  /** Peak memory, in KiB. */
  memoryKb: z.number().nullable(),
  tests: z.array(testResultSchema),
  /** Problems: tests passed and tests in this mode (a submit stops at the first failure). */
  passed: z.number().int().nonnegative().nullable(),
  total: z.number().int().nonnegative().nullable(),
  /** Problems: the first failing test, with its input, expected and actual output. */
  failedTest: testResultSchema.nullable(),
  percentile: percentileSchema.nullable(),
  limits: effectiveLimitsSchema,
  /** Why the platform failed the job (status `failed` only). */
  error: z.string().nullable(),
  /** Id of the worker that judged (or is judging) the job. */
  worker: z.string().nullable(),
  /** Attempts the queue made (more than 1 after an infrastructure fault). */
  attempts: z.number().int().nonnegative(),
  /** Last event `seq` appended for this job. */
  lastSeq: z.number().int().nonnegative(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Per-stage timestamps of the attempt that finished the job (worker results only). */
  timings: jobTimingsSchema.optional(),
  /** A package verification job's findings. */
  verification: packageVerificationSchema.optional(),
  /** A similarity job's findings (`POST /admin/similarity`). */
  similarity: similarityResultSchema.optional(),
  /** A scoring problem's submit: its score, the most it could get and each test data group's points. */
  score: scoreResultSchema.optional(),
});
export type JobResult = z.infer<typeof jobResultSchema>;

function clipTest(test: TestResult): TestResult {
  const clipped = { ...test };
  for (const field of ['input', 'expected', 'actual'] as const) {
    const text = clipped[field];
    if (text !== undefined) clipped[field] = clipText(text, MAX_TEST_TEXT_BYTES);
  }
  // A message is usually the end of stderr: its end has the error.
  if (clipped.message !== undefined) clipped.message = clipTextEnd(clipped.message, MAX_TEST_TEXT_BYTES);
  if (clipped.judgeMessage !== undefined)
    clipped.judgeMessage = clipText(clipped.judgeMessage, MAX_TEST_TEXT_BYTES);
  return clipped;
}

/**
 * The texts of a result clipped to the text cap (`MAX_TEXT_BYTES`; each test's to `MAX_TEST_TEXT_BYTES`):
 * applied to every result the worker produces, before it is stored or sent.
 */
export function clipResultTexts<T extends Partial<JobResult>>(result: T): T {
  const clipped = { ...result };
  for (const field of ['stdout', 'stderr', 'compileOutput'] as const) {
    const text = clipped[field];
    if (text !== undefined) clipped[field] = clipText(text);
  }
  if (typeof clipped.error === 'string') clipped.error = clipText(clipped.error);
  if (clipped.tests !== undefined) clipped.tests = clipped.tests.map(clipTest);
  if (clipped.failedTest !== undefined && clipped.failedTest !== null) {
    clipped.failedTest = clipTest(clipped.failedTest);
  }
  return clipped;
}

function withoutJudgeMessage(test: TestResult): TestResult {
  if (test.judgeMessage === undefined) return test;
  const { judgeMessage: _judges, ...rest } = test;
  return rest;
}

/** A result as someone other than an admin sees it: the validators' messages for the judges taken out. */
export function withoutJudgeMessages<T extends Pick<JobResult, 'tests' | 'failedTest'>>(result: T): T {
  if (
    !result.tests.some((t) => t.judgeMessage !== undefined) &&
    result.failedTest?.judgeMessage === undefined
  )
    return result;
  return {
    ...result,
    tests: result.tests.map(withoutJudgeMessage),
    failedTest: result.failedTest === null ? null : withoutJudgeMessage(result.failedTest),
  };
}
