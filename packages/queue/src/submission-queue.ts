/**
 * The BullMQ queue `submissions`: its name, job options, and the one way to add a job.
 * Job id = submission id. Only infrastructure faults are retried (a verdict is never an error).
 * Which waiting job goes next is the fair share's business (fair-share.ts).
 */
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobData } from '@arbiter/contracts';
import { fairPriority, jobClass, type QueueOwner, type QueueTurn } from './fair-share.js';

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
 * Every job waits in BullMQ's prioritized set, at a priority from its owner's share (fair-share.ts):
 * owners take turns, and within one owner runs go before submits, submits before rejudges.
 * Computed first, with the number of jobs it waits behind (the job's place is announced before it is
 * added), then the priority is given to enqueueSubmission.
 */
export async function submissionTurn(
  redis: Redis,
  prefix: string,
  data: Pick<JobData, 'mode' | 'rejudgeOf'>,
  owner: QueueOwner,
): Promise<QueueTurn> {
  return fairPriority(redis, `${prefix}:${SUBMISSION_QUEUE}`, owner, jobClass(data));
}

/** The priority of `submissionTurn` alone. */
export async function submissionPriority(
  redis: Redis,
  prefix: string,
  data: Pick<JobData, 'mode' | 'rejudgeOf'>,
  owner: QueueOwner,
): Promise<number> {
  return (await submissionTurn(redis, prefix, data, owner)).priority;
}

export async function enqueueSubmission(
  queue: SubmissionQueue,
  data: JobData,
  priority: number,
): Promise<void> {
  await queue.add('judge', data, { jobId: data.jobId, priority });
}
