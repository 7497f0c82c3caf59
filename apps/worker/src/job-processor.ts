/**
 * Processes one queued job: marks it running, judges it in the sandbox while its output
 * streams out as events, then stores the result and announces it. The verdict of user
 * code is never an exception; exceptions are platform faults and are retried by the queue.
 */
import { UnrecoverableError, WaitingError, type Job } from 'bullmq';
import { clipResultTexts, jobDataSchema, preciseNow, type JobData, type JobResult } from '@arbiter/contracts';
import { StepTimings } from '@arbiter/judge';
import { newJobRecord } from '@arbiter/queue';
import { judgeJob } from './judge-job.js';
import { createLogBatcher } from './log-batcher.js';
import { WORKER_LOST_REASON, lostAttempt } from './lost-attempt.js';
import type { WorkerResources } from './resources.js';

/** How long a job runs before its worker tells the database side it is running (a `running` entry on the results stream). */
export const RUNNING_NOTICE_DELAY_MS = 1_000;

export type SubmissionJob = Job<JobData, void, 'judge'>;

export interface ProcessContext {
  /** Aborted when the worker's shutdown grace period is over. */
  shutdown: AbortSignal;
}

export async function processJob(
  resources: WorkerResources,
  job: SubmissionJob,
  token: string | undefined,
  context: ProcessContext,
): Promise<void> {
  const { logger, store, events } = resources;
  const pickedAt = preciseNow();
  const parsed = jobDataSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`malformed job data: ${parsed.error.message}`);
  const data = parsed.data;
  const jobId = data.jobId;
  const attempt = job.attemptsMade + 1;
  const log = logger.child({ jobId, language: data.language, attempt });
  if (job.stalledCounter > 0 && lostAttempt(job.stalledCounter, await store.get(jobId))) {
    log.error({ stalls: job.stalledCounter }, 'job not run again: its worker died while running it');
    throw new UnrecoverableError(WORKER_LOST_REASON);
  }

  const startedAt = new Date().toISOString();
  // Judging starts while the job is being marked running. The record and the `running` event go in one
  // script on the worker's one connection, which keeps order, so the event still comes before any
  // output; the result waits for the marking to be done. A queued record is always `newJobRecord` of
  // the job's data (only the worker holding a job changes it before it is final), so it is not read.
  let runningAt = 0;
  const marking = store
    .advance(
      { ...newJobRecord(data), startedAt, attempts: attempt, worker: resources.workerId },
      { status: 'running', attempt },
      events,
    )
    .then((running) => {
      runningAt = preciseNow();
      return running;
    });
  marking.catch(() => undefined);
  // The database hears of it only when the job is still running a moment later: most jobs are over
  // by then, and their rows go from `queued` straight to the result (a results stream entry and a
  // database write less per job).
  const notice = setTimeout(() => {
    resources.results
      .running({ jobId, worker: resources.workerId, startedAt })
      .catch((err: unknown) => log.warn({ err }, 'could not send the running notice'));
  }, RUNNING_NOTICE_DELAY_MS);
  log.info({ queueWaitMs: Date.now() - data.createdAt }, 'job running');

  const batcher = createLogBatcher(events, jobId);
  const steps = new StepTimings();
  let outcome;
  try {
    outcome = await judgeJob(resources, data, batcher, context.shutdown, steps.record);
  } catch (error) {
    clearTimeout(notice);
    await marking.catch(() => undefined);
    await batcher.flush().catch(() => undefined);
    if (context.shutdown.aborted) {
      // The worker is going away: hand the job back at once rather than wait for the stall check.
      await store.advance(
        { ...newJobRecord(data), attempts: attempt, worker: resources.workerId },
        { status: 'queued' },
        events,
      );
      log.warn('job handed back to the queue: worker shutting down');
      if (token === undefined) throw error;
      await job.moveToWait(token);
      throw new WaitingError();
    }
    resources.metrics.judgingFailed(data);
    throw error;
  }
  clearTimeout(notice);
  const running = await marking;
  await batcher.flush();

  const result: Partial<JobResult> = {
    ...outcome,
    status: 'completed',
    attempts: attempt,
    worker: resources.workerId,
    startedAt,
    finishedAt: new Date().toISOString(),
    error: null,
    timings: {
      acceptedAt: data.createdAt,
      enqueuedAt: job.timestamp,
      pickedAt,
      runningAt,
      ...steps.summary(),
      finishedAt: preciseNow(),
    },
  };
  await finishRecord(resources, jobId, result, newJobRecord(data), running ?? undefined);
  log.info(
    {
      verdict: result.verdict,
      timeMs: result.timeMs,
      wallTimeMs: result.wallTimeMs,
      memoryKb: result.memoryKb,
    },
    'job completed',
  );
}

/**
 * Stores a final result over the job's record, announces it and hands it on to be written to the
 * database (one atomic step, which also sets `lastSeq` and appends the results stream's `persist`
 * entry), unless another writer already finished the job. Returns the final record, or null when the job was already finished.
 * `fallback` stands in for a record Redis lost; `known` is the record as this worker last wrote it.
 */
export async function finishRecord(
  resources: WorkerResources,
  jobId: string,
  result: Partial<JobResult>,
  fallback: JobResult,
  known?: JobResult,
): Promise<JobResult | null> {
  const { store, events } = resources;
  // Judged texts are clipped where they are produced; this also covers messages (`error`) from any path.
  const clipped = clipResultTexts(result);
  let final = await store.finish(jobId, clipped, events, known);
  if (final === null && (await store.get(jobId)) === null) {
    // The record expired or Redis lost it: the result is still worth keeping.
    await store.create({ ...fallback, jobId });
    final = await store.finish(jobId, clipped, events);
  }
  if (final !== null) resources.metrics.jobFinished(final);
  // The finish script handed it on. When another writer finished it, hand it on again: that writer may
  // have died before its own finish, or be an older version that used the `results` queue.
  else await resources.results.persist(jobId);
  return final;
}
