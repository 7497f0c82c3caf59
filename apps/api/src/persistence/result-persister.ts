/**
 * Drains the results stream into the database: for each finished job, the record its
 * worker left in Redis becomes the submission's final row (with its percentile, for an
 * accepted submit); a `running` entry marks the row running. A package verification's findings go to
 * its version's report instead, a similarity analysis's to its report. Every API instance reads the
 * stream in one consumer group, so each entry is taken by one of them; a saved batch is acknowledged and
 * deleted in one command. An entry whose save failed (database away) stays pending and is tried again
 * after 1 s, 2 s, 4 s …; one pending on an instance that died is taken over (`XAUTOCLAIM`) once idle for
 * `claimIdleMs`; one tried `maxAttempts` times goes to the dead-letter stream, logged. A row that is
 * already final is left as it is.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { isFinalStatus } from '@arbiter/contracts';
import { withLogContext } from '@arbiter/observability';
import {
  RESULTS_GROUP,
  createKeys,
  parseResultsEntry,
  redisCommands,
  type ResultsEntry,
} from '@arbiter/queue';
import { announceSubmissionProgress } from '../classes/progress-push.js';
import { announceContestChange } from '../contests/scoreboard-push.js';
import { storeSimilarityResult } from '../similarity/similarity-reports.js';
import { withPercentile } from '../submissions/percentile.js';
import type { ApiResources } from '../resources.js';

export interface ResultPersisterOptions {
  /** A pending entry idle this long belongs to an instance that died and is taken over. */
  claimIdleMs?: number;
  /** First wait before a failed save is tried again; it doubles each time. */
  retryMs?: number;
  /** Saves tried (deliveries) before an entry goes to the dead-letter stream. */
  maxAttempts?: number;
}

export interface ResultPersister {
  /** This instance's consumer name in the group. */
  readonly consumer: string;
  close(): Promise<void>;
}

/** Entries read (and claimed) at once. */
const BATCH = 64;
/** Dead-letter entries kept at most. */
const DEAD_MAX_LENGTH = 100_000;

interface Pending {
  id: string;
  fields: string[];
  /** Deliveries so far, this one included. */
  attempts: number;
}

/** Reads the results stream in the group `persisters` until closed; `connection` sends its other commands. */
export function startResultPersister(
  resources: ApiResources,
  connection: Redis,
  options: ResultPersisterOptions = {},
): ResultPersister {
  const { logger } = resources;
  const keys = createKeys(resources.prefix);
  const claimIdleMs = options.claimIdleMs ?? 15_000;
  const retryMs = options.retryMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 11;
  const stream = keys.results();
  const consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  // XREADGROUP … BLOCK holds its connection: a connection of its own, closed to end a wait at shutdown.
  const reader = connection.duplicate();
  reader.on('error', () => undefined);
  /** Entries whose save failed, waiting for their next try. */
  const retries = new Map<string, Pending & { dueAt: number }>();
  let closed = false;
  let groupReady = false;
  let nextClaimAt = 0;
  let wake: (() => void) | null = null;

  const ensureGroup = async (): Promise<void> => {
    try {
      await connection.xgroup('CREATE', stream, RESULTS_GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
    }
    groupReady = true;
  };

  const deadLetter = async (item: Pending, reason: string): Promise<void> => {
    await connection.xadd(
      keys.resultsDead(),
      'MAXLEN',
      '~',
      DEAD_MAX_LENGTH,
      '*',
      ...item.fields,
      'id',
      item.id,
      'reason',
      reason.slice(0, 1_000),
    );
    logger.error(
      { entry: item.id, fields: item.fields, attempts: item.attempts, reason },
      'result not saved after every attempt: moved to the dead-letter stream',
    );
  };

  /** Saves each entry in turn, then drops the saved (and dead-lettered) ones in one command. */
  const handle = async (items: Pending[]): Promise<void> => {
    const done: string[] = [];
    for (const item of items) {
      retries.delete(item.id);
      const entry = parseResultsEntry(item.id, item.fields);
      if (entry === null) {
        logger.warn({ entry: item.id, fields: item.fields }, 'results stream entry not understood: dropped');
        done.push(item.id);
        continue;
      }
      if (item.attempts > maxAttempts) {
        await deadLetter(item, `delivered ${item.attempts} times`);
        done.push(item.id);
        continue;
      }
      try {
        await withLogContext({ jobId: entry.jobId }, () => save(resources, entry));
        done.push(item.id);
      } catch (err) {
        if (item.attempts >= maxAttempts) {
          await deadLetter(item, err instanceof Error ? err.message : String(err));
          done.push(item.id);
        } else {
          const delay = retryMs * 2 ** (item.attempts - 1);
          retries.set(item.id, { ...item, dueAt: Date.now() + delay });
          logger.warn(
            { jobId: entry.jobId, attempt: item.attempts, retryInMs: delay, err },
            'could not save a result yet',
          );
        }
      }
    }
    if (done.length > 0) await redisCommands.ackEntries.run(connection, [stream], [RESULTS_GROUP, ...done]);
  };

  /** Takes over entries idle on other consumers (an instance that died), with their delivery counts. */
  const claim = async (): Promise<void> => {
    const reply = (await connection.xautoclaim(
      stream,
      RESULTS_GROUP,
      consumer,
      claimIdleMs,
      '0-0',
      'COUNT',
      BATCH,
    )) as [string, [string, string[]][]];
    const entries = reply[1].filter((entry) => entry !== null && !retries.has(entry[0]));
    if (entries.length === 0) return;
    const first = entries[0]?.[0] as string;
    const last = entries[entries.length - 1]?.[0] as string;
    const pending = (await connection.xpending(
      stream,
      RESULTS_GROUP,
      first,
      last,
      entries.length * 2 + retries.size,
      consumer,
    )) as [string, string, number, number][];
    const deliveries = new Map(pending.map(([id, , , count]) => [id, count]));
    logger.info({ entries: entries.length }, 'results taken over from an instance that stopped');
    await handle(entries.map(([id, fields]) => ({ id, fields, attempts: deliveries.get(id) ?? 1 })));
  };

  /** Keeps entries waiting for a retry idle-free, so no other instance takes them over meanwhile. */
  const keepRetries = async (): Promise<void> => {
    if (retries.size === 0) return;
    const ids = [...retries.keys()];
    const still = new Set(
      (await connection.xclaim(stream, RESULTS_GROUP, consumer, 0, ...ids, 'JUSTID')) as string[],
    );
    for (const id of ids) if (!still.has(id)) retries.delete(id);
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async (): Promise<void> => {
    while (!closed) {
      try {
        if (!groupReady) await ensureGroup();
        const now = Date.now();
        if (now >= nextClaimAt) {
          nextClaimAt = now + Math.max(100, Math.min(5_000, claimIdleMs / 3));
          await keepRetries();
          await claim();
        }
        const due = [...retries.values()].filter((item) => item.dueAt <= Date.now());
        if (due.length > 0)
          await handle(due.map(({ dueAt: _dueAt, ...item }) => ({ ...item, attempts: item.attempts + 1 })));
        const nextDue = Math.min(nextClaimAt, ...[...retries.values()].map((item) => item.dueAt));
        const block = Math.max(1, Math.min(5_000, nextDue - Date.now()));
        if (closed) break;
        const reply = (await reader.xreadgroup(
          'GROUP',
          RESULTS_GROUP,
          consumer,
          'COUNT',
          BATCH,
          'BLOCK',
          block,
          'STREAMS',
          stream,
          '>',
        )) as [string, [string, string[]][]][] | null;
        const entries = reply?.[0]?.[1] ?? [];
        if (entries.length > 0) await handle(entries.map(([id, fields]) => ({ id, fields, attempts: 1 })));
      } catch (err) {
        if (closed) break;
        // The stream or its group went away (Redis flushed or restarted empty): make it again.
        if (err instanceof Error && err.message.startsWith('NOGROUP')) groupReady = false;
        else logger.warn({ err }, 'result persister error');
        await pause(groupReady ? 1_000 : 100);
      }
    }
  };
  const running = loop();

  return {
    consumer,
    async close() {
      closed = true;
      wake?.();
      reader.disconnect();
      await running;
    },
  };
}

async function save(resources: ApiResources, entry: ResultsEntry): Promise<void> {
  if (entry.kind === 'running') await markRunning(resources, entry);
  else await persistResult(resources, entry.jobId);
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
export async function markRunning(
  resources: ApiResources,
  notice: { jobId: string; worker?: string; startedAt?: string },
): Promise<void> {
  await resources.db.submissions.markRunning(notice.jobId, {
    startedAt: notice.startedAt === undefined ? new Date() : new Date(notice.startedAt),
    worker: notice.worker ?? null,
  });
}
