/**
 * The upgrade path from the BullMQ `results` queue to the results stream: an API that finds `persist` or
 * `running` jobs an older deployment left in that queue saves them with the same logic, once, then stops
 * its worker on that queue. With nothing there (every deployment after the first start) it starts none.
 */
import { Worker, type ConnectionOptions } from 'bullmq';
import { withLogContext } from '@arbiter/observability';
import { RESULTS_QUEUE, type PersistJobData, type ResultsJobName, type ResultsQueue } from '@arbiter/queue';
import type { ApiResources } from '../resources.js';
import { markRunning, persistResult } from './result-persister.js';

export interface LegacyResultsDrain {
  /** Settles when the old queue is empty (at once when it was) or the drain was closed. */
  readonly done: Promise<void>;
  close(): Promise<void>;
}

const LEFT = ['wait', 'active', 'delayed', 'prioritized', 'paused', 'waiting-children'] as const;

async function jobsLeft(queue: ResultsQueue): Promise<number> {
  const counts = await queue.getJobCounts(...LEFT);
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

export function drainLegacyResults(
  resources: ApiResources,
  queue: ResultsQueue,
  connection: ConnectionOptions,
): LegacyResultsDrain {
  const { logger } = resources;
  let worker: Worker<PersistJobData, void, ResultsJobName> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let finish = (): void => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const stop = async (): Promise<void> => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    await worker?.close();
    worker = null;
    finish();
  };
  const checkEmpty = async (): Promise<void> => {
    if (closed || worker === null) return;
    if ((await jobsLeft(queue).catch(() => 1)) > 0) return;
    logger.info('old results queue drained');
    await stop();
  };

  void (async () => {
    const left = await jobsLeft(queue).catch((err: unknown) => {
      logger.warn({ err }, 'could not read the old results queue');
      return 0;
    });
    if (left === 0 || closed) return finish();
    logger.info({ jobs: left }, 'saving the results left in the old results queue');
    worker = new Worker<PersistJobData, void, ResultsJobName>(
      RESULTS_QUEUE,
      (job) =>
        withLogContext({ jobId: job.data.jobId }, async () => {
          if (job.name === 'running') await markRunning(resources, job.data);
          else await persistResult(resources, job.data.jobId);
        }),
      { connection, prefix: resources.prefix, concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 },
    );
    worker.on('failed', (job, err) =>
      logger.warn({ jobId: job?.data.jobId, attempt: job?.attemptsMade, err }, 'could not save a result yet'),
    );
    worker.on('error', (err) => logger.warn({ err }, 'old results queue worker error'));
    worker.on('drained', () => void checkEmpty());
    // Retries wait as delayed jobs, which `drained` does not cover.
    timer = setInterval(() => void checkEmpty(), 5_000);
  })();

  return {
    done,
    async close() {
      closed = true;
      await stop();
    },
  };
}
