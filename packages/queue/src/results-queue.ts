/**
 * The BullMQ queue `results`: when a job reaches its final state, its worker enqueues a
 * `persist` job (same id) and an API instance writes the result to the database. Durable
 * and retried, so results reach the database even if every API was down when the job
 * finished, or the database was briefly unavailable; adding the same id twice is a no-op.
 */
import { Queue, type ConnectionOptions } from 'bullmq';

export const RESULTS_QUEUE = 'results';

export interface PersistJobData {
  jobId: string;
}

export type ResultsQueue = Queue<PersistJobData, void, 'persist'>;

export function createResultsQueue(connection: ConnectionOptions, prefix: string): ResultsQueue {
  return new Queue<PersistJobData, void, 'persist'>(RESULTS_QUEUE, {
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

export async function enqueuePersist(queue: ResultsQueue, jobId: string): Promise<void> {
  await queue.add('persist', { jobId }, { jobId });
}
