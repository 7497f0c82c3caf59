/**
 * The BullMQ queue `results`: when a job reaches its final state, its worker enqueues a
 * `persist` job (same id) and an API instance writes the result to the database. Durable
 * and retried, so results reach the database even if every API was down when the job
 * finished, or the database was briefly unavailable; adding the same id twice is a no-op.
 * When a job is still running a second after its worker started it, the worker enqueues a `running`
 * notice the same way, so the row shows `running` too (a notice that comes after the result changes
 * nothing); a shorter job's row goes from `queued` straight to its result.
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

export async function enqueuePersist(queue: ResultsQueue, jobId: string): Promise<void> {
  await queue.add('persist', { jobId }, { jobId });
}

/** Tells the database side that `worker` started the job (again, after a retry). */
export async function enqueueRunning(
  queue: ResultsQueue,
  notice: { jobId: string; worker: string; startedAt: string },
): Promise<void> {
  await queue.add('running', notice, { attempts: 3, removeOnComplete: true });
}
