/**
 * The BullMQ queue `submissions`: its name, job options, and the one way to add a job.
 * Job id = submission id. Only infrastructure faults are retried (a verdict is never an error).
 */
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { JobData } from '@arbiter/contracts';

export const SUBMISSION_QUEUE = 'submissions';

export interface SubmissionQueueOptions {
  connection: ConnectionOptions;
  /** Key prefix of the deployment (REDIS_PREFIX). */
  prefix: string;
  /**
   * Attempts per job, counting the first.
   * @defaultValue 3
   */
  attempts?: number;
  /**
   * Age after which finished jobs are trimmed from the queue, in s.
   * @defaultValue 3600
   */
  keepSeconds?: number;
}

export type SubmissionQueue = Queue<JobData, void, 'judge'>;

export function createSubmissionQueue(options: SubmissionQueueOptions): SubmissionQueue {
  return new Queue<JobData, void, 'judge'>(SUBMISSION_QUEUE, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: submissionJobOptions(options),
  });
}

export function submissionJobOptions(
  options: Pick<SubmissionQueueOptions, 'attempts' | 'keepSeconds'>,
): JobsOptions {
  const age = options.keepSeconds ?? 3600;
  return {
    attempts: options.attempts ?? 3,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: { age },
    removeOnFail: { age },
  };
}

/**
 * Interactive runs go first: a run waits in BullMQ's plain list, which workers empty before
 * the prioritized set. In that set submits (priority 1) go before an admin's rejudges
 * (priority 2); BullMQ keeps each priority first in, first out.
 */
export const SUBMIT_PRIORITY = 1;
export const REJUDGE_PRIORITY = 2;

/** BullMQ priority of a job: 0 (none) for a run. */
export function jobPriority(data: Pick<JobData, 'mode' | 'rejudgeOf'>): number {
  if (data.mode === 'run') return 0;
  return data.rejudgeOf === null ? SUBMIT_PRIORITY : REJUDGE_PRIORITY;
}

export async function enqueueSubmission(queue: SubmissionQueue, data: JobData): Promise<void> {
  const priority = jobPriority(data);
  await queue.add('judge', data, { jobId: data.jobId, ...(priority > 0 ? { priority } : {}) });
}
