/**
 * The BullMQ queue `results`, which carried results to the database before the results stream
 * (results-stream.ts): nothing adds to it any more. An API drains what an older deployment left in it
 * once on start (apps/api/src/persistence/legacy-results-drain.ts), and the admins' queue board shows it.
 */
import { Queue, type ConnectionOptions } from 'bullmq';

export const RESULTS_QUEUE = 'results';

export interface PersistJobData {
  jobId: string;
  /** `running` notices: the worker that took the job. */
  worker?: string;
  /** `running` notices: when it took it (ISO). */
  startedAt?: string;
}

export type ResultsJobName = 'persist' | 'running';
export type ResultsQueue = Queue<PersistJobData, void, ResultsJobName>;

export function createResultsQueue(connection: ConnectionOptions, prefix: string): ResultsQueue {
  return new Queue<PersistJobData, void, ResultsJobName>(RESULTS_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      // A database outage of a few minutes is waited out: 1 s, 2 s, 4 s … up to about 17 min in all.
      attempts: 11,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}
