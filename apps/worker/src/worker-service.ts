/**
 * The worker process's life: a BullMQ Worker on `submissions`, the live-worker heartbeat,
 * the finaliser of the jobs it gave up on, and a graceful stop that lets running jobs
 * finish within a grace period and hands the rest back to the queue.
 */
import { hostname } from 'node:os';
import { Job, Worker, type ConnectionOptions } from 'bullmq';
import type { JobData, JobResult } from '@arbiter/contracts';
import { SUBMISSION_QUEUE, newJobRecord } from '@arbiter/queue';
import { withLogContext } from '@arbiter/observability';
import { finishRecord, processJob, type SubmissionJob } from './job-processor.js';
import type { WorkerResources } from './resources.js';

export interface WorkerServiceOptions {
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  /** ms without a lock renewal after which a job counts as stalled. */
  lockMs: number;
  /** ms between stall checks. */
  stalledIntervalMs: number;
  /** ms between heartbeats. */
  heartbeatMs: number;
  version: string;
}

export interface WorkerService {
  /** Stops taking jobs, waits up to `graceMs` for running ones, hands the rest back, and disconnects. */
  stop(graceMs: number): Promise<void>;
  /**
   * After a crash: leaves the worker registry and kills the sandbox's runs, but does not hand running jobs
   * back (one of them may be what crashed the process; the stall check and `lost-attempt.ts` decide).
   */
  releaseAfterCrash(): Promise<void>;
  /** Ids of the jobs running now (for the crash log). */
  runningJobs(): string[];
  /** Jobs running now. */
  active(): number;
}

export async function startWorkerService(
  resources: WorkerResources,
  options: WorkerServiceOptions,
): Promise<WorkerService> {
  const { logger, registry, store } = resources;
  const shutdown = new AbortController();
  let active = 0;
  const running = new Set<string>();

  const worker = new Worker<JobData, void, 'judge'>(
    SUBMISSION_QUEUE,
    async (job: SubmissionJob, token) => {
      active += 1;
      const jobId = job.id ?? job.data.jobId;
      running.add(jobId);
      try {
        await withLogContext({ jobId }, () =>
          processJob(resources, job, token, { shutdown: shutdown.signal }),
        );
      } finally {
        active -= 1;
        running.delete(jobId);
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.stalledIntervalMs,
      // A stalled job goes back to the queue once; the worker that takes it then fails it when its
      // attempt was running (see lost-attempt.ts), and runs it when it never started.
      maxStalledCount: 1,
      name: resources.workerId,
    },
  );

  worker.on('failed', (job, error) => {
    if (job === undefined) return;
    const attempts = job.opts.attempts ?? 1;
    const final = job.attemptsMade >= attempts || error.name === 'UnrecoverableError';
    resources.metrics.attemptFailed(final);
    logger.error({ jobId: job.id, attempt: job.attemptsMade, final, err: error }, 'job attempt failed');
    // A job the queue gives up on (attempts used up, an unrecoverable fault, stalled too often: BullMQ
    // fails that one in the next worker that takes it) always fails in a worker, this one: it ends as
    // INTERNAL_ERROR here. If this process dies first, the reconciler settles the row.
    if (final && job.id !== undefined) {
      const jobId = job.id;
      void failJob(resources, worker, jobId, job.failedReason || error.message).catch((err: unknown) =>
        logger.error({ jobId, err }, 'could not record the failure'),
      );
    }
    if (!final && job.id !== undefined) {
      const jobId = job.id;
      const queued = { ...newJobRecord(job.data), attempts: job.attemptsMade, worker: resources.workerId };
      void store
        .advance(queued, { status: 'queued' }, resources.events)
        .catch((err: unknown) => logger.error({ jobId, err }, 'could not record the retry'));
    }
  });
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
  worker.on('stalled', (jobId) =>
    logger.warn({ jobId }, 'job stalled: its worker was lost; the next worker fails it if it was running'),
  );

  const advertise = () =>
    registry.heartbeat(
      {
        id: resources.workerId,
        host: hostname(),
        pid: process.pid,
        concurrency: options.concurrency,
        active,
        sandbox: resources.sandbox.kind,
        sandboxDriver: resources.sandbox.driver,
        languages: resources.languages,
        version: options.version,
        startedAt,
      },
      options.heartbeatMs * 3,
    );
  const startedAt = new Date().toISOString();
  await worker.waitUntilReady();
  await advertise();
  const heartbeat = setInterval(() => {
    advertise().catch((err: unknown) => logger.warn({ err }, 'heartbeat failed'));
  }, options.heartbeatMs);
  logger.info(
    {
      workerId: resources.workerId,
      concurrency: options.concurrency,
      sandbox: resources.sandbox.kind,
      driver: resources.sandbox.driver,
    },
    'worker ready',
  );

  return {
    active: () => active,
    runningJobs: () => [...running],
    async releaseAfterCrash() {
      clearInterval(heartbeat);
      await Promise.allSettled([registry.remove(resources.workerId), resources.sandbox.close()]);
    },
    async stop(graceMs) {
      clearInterval(heartbeat);
      await registry.remove(resources.workerId).catch(() => undefined);
      const closing = worker.close();
      const timer = setTimeout(() => {
        if (active > 0) logger.warn({ active }, 'grace period over: handing running jobs back to the queue');
        shutdown.abort();
      }, graceMs);
      await closing;
      clearTimeout(timer);
      await resources.sandbox.close();
      logger.info({ workerId: resources.workerId }, 'worker stopped');
    },
  };
}

async function failJob(
  resources: WorkerResources,
  worker: Worker<JobData, void, 'judge'>,
  jobId: string,
  reason: string,
) {
  const record = (await resources.store.get(jobId)) ?? (await recordFromQueue(worker, jobId));
  if (record === null || record.status === 'completed' || record.status === 'failed') return;
  const result: Partial<JobResult> = {
    status: 'failed',
    verdict: 'INTERNAL_ERROR',
    error: `The platform could not judge this submission: ${reason}`,
    finishedAt: new Date().toISOString(),
    lastSeq: (await resources.events.lastSeq(jobId)) + 1,
  };
  if ((await finishRecord(resources, jobId, result, record)) !== null) {
    resources.logger.error({ jobId, reason }, 'job failed');
  }
}

async function recordFromQueue(
  worker: Worker<JobData, void, 'judge'>,
  jobId: string,
): Promise<JobResult | null> {
  const job = await Job.fromId<JobData>(worker, jobId);
  return job === undefined ? null : newJobRecord(job.data);
}
