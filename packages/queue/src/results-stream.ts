/**
 * The results stream (`<prefix>:results:stream`): how a finished job reaches the database. The worker's
 * finish script (commands/append-result-4.lua) appends a `persist` entry (the job id) in the same step
 * that stores the result; a job still running a second after it started gets a `running` entry. Every
 * API instance reads the stream in the consumer group `persisters`, saves each entry and then acknowledges
 * and deletes it; an entry stays pending until it is saved (see apps/api/src/persistence/result-persister.ts).
 */
import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

/** The consumer group every API instance reads the results stream in. */
export const RESULTS_GROUP = 'persisters';

/**
 * Entries the stream keeps at most (approximately: `XADD … MAXLEN ~`). Saved entries are deleted, so
 * the stream holds only what waits for a database; the cap bounds it when no API runs for a long time
 * (a million entries of ~100 bytes), past which the oldest unsaved entries are dropped (the reconciler
 * still finds their jobs).
 */
export const RESULTS_STREAM_MAX_LENGTH = 1_000_000;

/** What an entry asks: save a finished job, or mark its row running. */
export interface ResultsEntry {
  /** The stream entry's id. */
  id: string;
  kind: 'persist' | 'running';
  jobId: string;
  /** `running` entries: the worker that took the job. */
  worker?: string;
  /** `running` entries: when it took it (ISO). */
  startedAt?: string;
}

/** A job id, a worker id, an ISO time: entries carry nothing longer. */
const MAX_FIELD_LENGTH = 256;

export class ResultsStream {
  constructor(private readonly options: { redis: Redis; keys: Keys }) {}

  /** Hands a finished job to the database side again (when the finish script did not, see finishRecord). */
  async persist(jobId: string): Promise<void> {
    await this.add(['t', 'persist', 'j', jobId]);
  }

  /** Tells the database side that `worker` started the job (again, after a retry). */
  async running(notice: { jobId: string; worker: string; startedAt: string }): Promise<void> {
    await this.add(['t', 'running', 'j', notice.jobId, 'w', notice.worker, 's', notice.startedAt]);
  }

  private async add(fields: string[]): Promise<void> {
    const capped = fields.map((field) => field.slice(0, MAX_FIELD_LENGTH));
    await this.options.redis.xadd(
      this.options.keys.results(),
      'MAXLEN',
      '~',
      RESULTS_STREAM_MAX_LENGTH,
      '*',
      ...capped,
    );
  }
}

/** Reads one stream entry (`[id, [field, value, …]]`); null for one that is not a results entry. */
export function parseResultsEntry(id: string, fields: readonly string[]): ResultsEntry | null {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i] as string, fields[i + 1] as string);
  const kind = map.get('t');
  const jobId = map.get('j');
  if ((kind !== 'persist' && kind !== 'running') || jobId === undefined || jobId === '') return null;
  const entry: ResultsEntry = { id, kind, jobId };
  const worker = map.get('w');
  const startedAt = map.get('s');
  if (worker !== undefined) entry.worker = worker;
  if (startedAt !== undefined) entry.startedAt = startedAt;
  return entry;
}
