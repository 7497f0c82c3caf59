/** Verdicts a finished submission can carry, and the lifecycle states of a job. */
import { z } from 'zod';

export const VERDICTS = [
  'ACCEPTED',
  'WRONG_ANSWER',
  'TIME_LIMIT_EXCEEDED',
  'MEMORY_LIMIT_EXCEEDED',
  'RUNTIME_ERROR',
  'COMPILE_ERROR',
  'OUTPUT_LIMIT_EXCEEDED',
  'INTERNAL_ERROR',
] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

/**
 * `queued` → `running` → `completed` (a verdict was reached, whatever it is)
 * or `failed` (the platform could not judge it; verdict `INTERNAL_ERROR`).
 */
export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export function isFinalStatus(status: JobStatus): boolean {
  return status === 'completed' || status === 'failed';
}
