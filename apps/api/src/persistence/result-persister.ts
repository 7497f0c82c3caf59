/**
 * Drains the `results` queue into the database: for each finished job, the record its
 * worker left in Redis becomes the submission's final row (with its percentile, for an
 * accepted submit); a `running` notice marks the row running. A package verification's findings go to
 * its version's report instead, a similarity analysis's to its report. Every API instance runs one; each
 * result is taken by one of them, and retried while the database is away. A row that is already final is left as it is.
 */
import { Worker, type ConnectionOptions } from 'bullmq';
import { isFinalStatus } from '@arbiter/contracts';
import { withLogContext } from '@arbiter/observability';
import { RESULTS_QUEUE, type PersistJobData, type ResultsJobName } from '@arbiter/queue';
import { announceSubmissionProgress } from '../classes/progress-push.js';
import { announceContestChange } from '../contests/scoreboard-push.js';
import { storeSimilarityResult } from '../similarity/similarity-reports.js';
import { withPercentile } from '../submissions/percentile.js';
import type { ApiResources } from '../resources.js';

export function startResultPersister(
  resources: ApiResources,
  connection: ConnectionOptions,
): Worker<PersistJobData, void, ResultsJobName> {
  const { logger } = resources;
  const worker = new Worker<PersistJobData, void, ResultsJobName>(
    RESULTS_QUEUE,
    (job) =>
      withLogContext({ jobId: job.data.jobId }, async () => {
        if (job.name === 'running') await markRunning(resources, job.data);
        else await persistResult(resources, job.data.jobId);
      }),
    {
      connection,
      prefix: resources.prefix,
      concurrency: 4,
      // A save takes milliseconds: a job whose hand-out a Redis crash swallowed is found and
      // handed out again within ~15 s instead of BullMQ's default of up to a minute.
      lockDuration: 10_000,
      stalledInterval: 5_000,
    },
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
  const verification = record.verification;
  if (verification?.slug !== undefined && verification.version !== undefined) {
    // A package's verification: it belongs to the version's report, not to a submission row, and only
    // while the report names this job (a newer verification queued since then is the one that counts).
    const stored = await resources.db.problems.setVerification(
      verification.slug,
      verification.version,
      { ...verification, jobId },
      jobId,
    );
    resources.logger.info(
      { jobId, problem: verification.slug, version: verification.version, ok: verification.ok },
      stored
        ? 'package verification saved'
        : 'package verification not saved: a newer verification of this version was queued',
    );
    return stored;
  }
  // A similarity report's analysis (one Redis read tells): its pairs go to the report, not to a row.
  if ((await storeSimilarityResult(resources, record)) !== null) {
    resources.logger.info({ jobId, pairs: record.similarity?.pairs.length ?? 0 }, 'similarity report saved');
    return true;
  }
  const result = await withPercentile(resources, record);
  const row = await resources.db.submissions.finish(jobId, result);
  if (row !== null)
    resources.logger.info(
      { jobId, language: row.language, mode: row.mode, verdict: result.verdict },
      'job saved',
    );
  if (row !== null) resources.metrics.jobFinished(result);
  // Every API instance with viewers of the contest pushes its board again.
  if (row?.contestId)
    await announceContestChange(resources, row.contestId, row.userId ?? undefined).catch((err: unknown) =>
      resources.logger.warn({ err, contestId: row.contestId }, 'could not announce a contest change'),
    );
  // Every API instance with a teacher watching a matrix this submit counts in pushes it again.
  if (row !== null)
    await announceSubmissionProgress(resources, row).catch((err: unknown) =>
      resources.logger.warn({ err, jobId }, 'could not announce a class progress change'),
    );
  return row !== null;
}

/** A worker started the job: the row says `running` unless it is already final. */
async function markRunning(resources: ApiResources, notice: PersistJobData): Promise<void> {
  await resources.db.submissions.markRunning(notice.jobId, {
    startedAt: notice.startedAt === undefined ? new Date() : new Date(notice.startedAt),
    worker: notice.worker ?? null,
  });
}
