/**
 * Zod schemas of the answers whose shapes live in the routes rather than in packages/contracts
 * (health, readiness, history, runtime distribution, status with its queue position), for the
 * OpenAPI document. The integration tests check real answers against them.
 */
import { z } from 'zod';
import {
  jobResultSchema,
  jobStatusSchema,
  languageIdSchema,
  submissionModeSchema,
  verdictSchema,
} from '@arbiter/contracts';

export const healthSchema = z.object({ status: z.literal('ok') });

const dependencyState = z.enum(['ok', 'unreachable']);
export const readinessSchema = z.object({
  status: z.enum(['ready', 'not ready']),
  redis: dependencyState,
  database: dependencyState,
});

/** `GET /status/:jobId`: the job record, plus its place in the queue while queued. */
export const jobStatusAnswerSchema = jobResultSchema.extend({
  /** 1-based place in the queue, only while `queued`. */
  position: z.number().int().positive().optional(),
});

export const runtimeDistributionSchema = z.object({
  /** Accepted submits counted (the sum of the buckets' counts). */
  total: z.number().int().nonnegative(),
  /** Equal-width, contiguous, ascending; empty when there is no accepted submit. */
  buckets: z.array(
    z.object({
      fromMs: z.number(),
      toMs: z.number(),
      count: z.number().int().nonnegative(),
    }),
  ),
});

/** One row of `GET /submissions`. */
export const submissionSummarySchema = z.object({
  id: z.string(),
  /** null: a free run (the playground). */
  problemSlug: z.string().nullable(),
  language: languageIdSchema,
  mode: submissionModeSchema,
  status: jobStatusSchema,
  verdict: verdictSchema.nullable(),
  timeMs: z.number().nullable(),
  memoryKb: z.number().nullable(),
  testsPassed: z.number().int().nullable(),
  testsTotal: z.number().int().nullable(),
  /** The submission this one judges again (an admin's rejudge); null: an original. */
  rejudgeOf: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const submissionPageSchema = z.object({
  items: z.array(submissionSummarySchema),
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});

/** `GET /submissions/:id`: the row with its code and, once finished, its result. */
export const submissionDetailSchema = submissionSummarySchema.extend({
  code: z.string(),
  result: jobResultSchema.nullable(),
});
