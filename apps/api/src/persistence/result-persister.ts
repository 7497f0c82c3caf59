/**
 * Drains the `results` queue into the database: for each finished job, the record its
 * worker left in Redis becomes the submission's final row (with its percentile, for an
 * accepted submit). Every API instance runs one; each result is taken by one of them, and
 * retried while the database is away. A row that is already final is left as it is.
 */
import { Worker, type ConnectionOptions } from 'bullmq';
import { isFinalStatus } from '@arbiter/contracts';
import { RESULTS_QUEUE, type PersistJobData } from '@arbiter/queue';
import { withPercentile } from '../submissions/percentile.js';
import type { ApiResources } from '../resources.js';

export function startResultPersister(
  resources: ApiResources,
  connection: ConnectionOptions,
): Worker<PersistJobData, void, 'persist'> {
  const { logger } = resources;
  const worker = new Worker<PersistJobData, void, 'persist'>(
    RESULTS_QUEUE,
    async (job) => {
      await persistResult(resources, job.data.jobId);
    },
    { connection, prefix: resources.prefix, concurrency: 4 },
  );
  worker.on('failed', (job, err) =>
    logger.warn({ jobId: job?.data.jobId, attempt: job?.attemptsMade, err }, 'could not save a result yet'),
  );
  worker.on('error', (err) => logger.warn({ err }, 'result persister error'));
  return worker;
}

/** Writes one finished job to the database. Returns false when there is nothing (more) to write. */
export async function persistResult(resources: ApiResources, jobId: string): Promise<boolean> {
  const record = await resources.store.get(jobId);
  if (record === null || !isFinalStatus(record.status)) {
    resources.logger.warn({ jobId }, 'no final result in Redis to save');
    return false;
  }
  const result = await withPercentile(resources, record);
  const row = await resources.db.submissions.finish(jobId, result);
  if (row !== null) resources.logger.info({ jobId, verdict: result.verdict }, 'job saved');
  return row !== null;
}
