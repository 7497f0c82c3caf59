/**
 * The reconciler: the database is the record of what was accepted, Redis of what is moving.
 * Every so often one API instance (it holds a short Redis lock) takes the rows still `queued` or
 * `running` after a while and settles each against the queue:
 * - the BullMQ job is waiting, delayed or running: nothing to do;
 * - the job's Redis record is final: its result is saved (the `persist` notice went missing);
 * - the queue gave up on the job: the row ends `failed` with INTERNAL_ERROR;
 * - Redis has neither the job nor a final record (it was flushed, or failed over without the
 *   data): the job is queued again from the row, at most MAX_REQUEUES times, then failed.
 */
import { randomUUID } from 'node:crypto';
import { isFinalStatus, resolveLimits, type JobData, type JobResult } from '@arbiter/contracts';
import type { Submission } from '@arbiter/db';
import { problemLimits } from '@arbiter/problems';
import { createKeys, newJobRecord, redisCommands, REQUEUED_OWNER, userOwner } from '@arbiter/queue';
import type { ApiResources } from '../resources.js';
import { queueJob } from '../submissions/queue-job.js';
import { persistResult } from './result-persister.js';

/** Times a job lost by Redis is queued again before it ends INTERNAL_ERROR. */
export const MAX_REQUEUES = 3;
/** Rows settled per round; the next round takes the rest. */
const BATCH = 200;

export type Settlement = 'alive' | 'saved' | 'requeued' | 'failed' | 'skipped';

export interface ReconcileReport {
  checked: number;
  saved: number;
  requeued: number;
  failed: number;
}

export interface Reconciler {
  /** One round now (tests, admin tools); null when another instance holds the lock. */
  runOnce(): Promise<ReconcileReport | null>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

export interface ReconcilerOptions {
  /** ms between rounds; 0: no timer (runOnce only). */
  intervalMs: number;
  /** Rows unfinished for less than this many ms are left alone. */
  afterMs: number;
}

export function startReconciler(resources: ApiResources, options: ReconcilerOptions): Reconciler {
  const lockKey = createKeys(resources.prefix).reconcileLock();
  const token = randomUUID();
  // Held for a round at most this long; released at its end.
  const lockMs = Math.max(options.intervalMs, 60_000);
  let running: Promise<ReconcileReport | null> | null = null;

  const round = async (): Promise<ReconcileReport | null> => {
    const locked = await resources.redis.set(lockKey, token, 'PX', lockMs, 'NX');
    if (locked === null) return null;
    try {
      return await reconcile(resources, new Date(Date.now() - options.afterMs));
    } finally {
      // Only our own lock is released.
      await redisCommands.releaseLock.run(resources.redis, [lockKey], [token]).catch(() => undefined);
    }
  };
  const runOnce = () => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };

  const timer =
    options.intervalMs > 0
      ? setInterval(() => {
          runOnce()
            .then((report) => {
              if (report && report.saved + report.requeued + report.failed > 0) {
                resources.logger.warn(report, 'reconciled unfinished submissions with the queue');
              }
            })
            .catch((err: unknown) => resources.logger.warn({ err }, 'could not reconcile submissions'));
        }, options.intervalMs)
      : null;
  timer?.unref();
  return {
    runOnce,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

async function reconcile(resources: ApiResources, before: Date): Promise<ReconcileReport> {
  const rows = await resources.db.submissions.listUnfinished(before, BATCH);
  const report: ReconcileReport = { checked: rows.length, saved: 0, requeued: 0, failed: 0 };
  for (const row of rows) {
    const settled = await settle(resources, row);
    if (settled === 'saved') report.saved += 1;
    else if (settled === 'requeued') report.requeued += 1;
    else if (settled === 'failed') report.failed += 1;
  }
  return report;
}

/** Brings one unfinished row in line with the queue. */
export async function settle(resources: ApiResources, row: Submission): Promise<Settlement> {
  const state = await resources.queue.getJobState(row.id);
  if (['waiting', 'prioritized', 'active', 'delayed', 'waiting-children'].includes(state)) return 'alive';
  const record = await resources.store.get(row.id);
  if (record !== null && isFinalStatus(record.status)) {
    return (await persistResult(resources, row.id)) ? 'saved' : 'skipped';
  }
  const log = resources.logger.child({ jobId: row.id });
  if (state === 'failed' || state === 'completed') {
    // The queue is done with it, yet no final record: its last attempt's outcome was lost.
    await failRow(resources, row, 'The platform lost track of this submission while judging it.');
    log.error({ state }, 'job finished in the queue without a result: marked failed');
    return 'failed';
  }
  const data = jobDataOf(resources, row);
  if (typeof data === 'string' || row.requeues >= MAX_REQUEUES) {
    const why = typeof data === 'string' ? data : `it was lost ${row.requeues + 1} times`;
    await failRow(resources, row, `The queue lost this submission and it could not be queued again: ${why}.`);
    log.error({ why }, 'lost job could not be queued again: marked failed');
    return 'failed';
  }
  if (!(await resources.db.submissions.markRequeued(row.id))) return 'skipped';
  await queueJob(resources, data, data.userId === null ? REQUEUED_OWNER : userOwner(data.userId));
  log.warn({ requeues: row.requeues + 1 }, 'job lost by the queue: queued again from the database');
  return 'requeued';
}

/** The job as it was queued, rebuilt from its row; a string says why it cannot be. */
function jobDataOf(resources: ApiResources, row: Submission): JobData | string {
  const request = row.request;
  // An imported problem's job keeps its package version; a built-in one needs the catalog.
  const problem =
    row.problemSlug === null || request?.package !== undefined
      ? null
      : resources.catalog.get(row.problemSlug);
  if (problem === undefined) return `problem "${row.problemSlug}" is no longer in the catalog`;
  if (request === null && row.mode === 'run') return 'its input was not kept';
  const limits = request?.limits ?? (problem ? problemLimits(problem, resources.limits) : null);
  if (limits === null) return 'its limits were not kept';
  return {
    jobId: row.id,
    language: row.language,
    code: row.code,
    stdin: request?.stdin ?? '',
    ...(request?.expectedOutput === undefined ? {} : { expectedOutput: request.expectedOutput }),
    mode: row.mode,
    problem: row.problemSlug,
    tests: request?.tests ?? [],
    userId: row.userId,
    rejudgeOf: row.rejudgeOf,
    limits,
    ...(request?.args === undefined ? {} : { args: request.args }),
    ...(request?.options === undefined ? {} : { options: request.options }),
    ...(request?.package === undefined ? {} : { package: request.package }),
    createdAt: row.createdAt.getTime(),
  };
}

async function failRow(resources: ApiResources, row: Submission, error: string): Promise<void> {
  const base: JobResult = newJobRecord({
    jobId: row.id,
    language: row.language,
    code: '',
    stdin: '',
    mode: row.mode,
    problem: row.problemSlug,
    tests: [],
    userId: row.userId,
    rejudgeOf: row.rejudgeOf,
    limits: row.request?.limits ?? resolveLimits(undefined, resources.limits),
    createdAt: row.createdAt.getTime(),
  });
  await resources.db.submissions.finish(row.id, {
    ...base,
    status: 'failed',
    verdict: 'INTERNAL_ERROR',
    error,
    worker: row.worker,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: new Date().toISOString(),
  });
}
