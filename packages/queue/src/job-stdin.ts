/**
 * An interactive job's input stream in Redis: the API appends what a client sends into the running
 * program (stdin chunks, end of file, a signal) and the worker running the job reads it in order and
 * writes it to the program's stdin. One Lua script (commands/append-stdin-2.lua) appends, so the caps hold across API instances:
 * bytes and records per job, only to jobs opened as interactive, nothing after end of file but a
 * signal, nothing after a signal.
 */
import type { Redis } from 'ioredis';
import {
  MAX_LIVE_STDIN_BYTES,
  MAX_LIVE_STDIN_RECORDS,
  liveStdinRecordSchema,
  type LiveStdinRecord,
} from '@arbiter/contracts';
import type { Keys } from './keys.js';
import { redisCommands } from './redis-commands.js';

export type StdinAppendOutcome = 'ok' | 'unknown' | 'closed' | 'eof' | 'bytes' | 'records';

export interface JobStdinOptions {
  redis: Redis;
  keys: Keys;
  /** Seconds the stream lives after its last record. @defaultValue 3600 */
  ttlSeconds?: number;
  /** @defaultValue MAX_LIVE_STDIN_BYTES */
  maxBytes?: number;
  /** @defaultValue MAX_LIVE_STDIN_RECORDS */
  maxRecords?: number;
}

export interface StdinReader {
  /** Stops reading (its connection is closed); the loop's promise then settles. */
  stop(): void;
  /** Settles when reading stopped: after `stop()`, or after a signal record. */
  done: Promise<void>;
}

export class JobStdin {
  private readonly redis: Redis;
  private readonly keys: Keys;
  private readonly ttlSeconds: number;
  private readonly maxBytes: number;
  private readonly maxRecords: number;

  constructor(options: JobStdinOptions) {
    this.redis = options.redis;
    this.keys = options.keys;
    this.ttlSeconds = options.ttlSeconds ?? 3600;
    this.maxBytes = options.maxBytes ?? MAX_LIVE_STDIN_BYTES;
    this.maxRecords = options.maxRecords ?? MAX_LIVE_STDIN_RECORDS;
  }

  /** Makes the job's input stream writable (before an interactive job is queued). */
  async open(jobId: string): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys.stdinMeta(jobId), 'open', 1)
      .expire(this.keys.stdinMeta(jobId), this.ttlSeconds)
      .exec();
  }

  /** Appends one record to the job's input stream, unless a cap or an earlier record refuses it. */
  async append(jobId: string, record: LiveStdinRecord): Promise<StdinAppendOutcome> {
    const bytes = record.type === 'data' ? Buffer.byteLength(record.data) : 0;
    const outcome = await redisCommands.appendStdin.run(
      this.redis,
      [this.keys.stdin(jobId), this.keys.stdinMeta(jobId)],
      [record.type, JSON.stringify(record), bytes, this.maxBytes, this.maxRecords, this.ttlSeconds],
    );
    return outcome as StdinAppendOutcome;
  }

  /**
   * Reads the job's input stream from its start on a connection of its own (a blocking read), handing each
   * record to `onRecord` in order, until `stop()` or a signal record. A retried job reads it from the start
   * again. Records that do not parse (nothing but `append` writes here) are skipped.
   */
  read(jobId: string, onRecord: (record: LiveStdinRecord) => void): StdinReader {
    const connection = this.redis.duplicate({ maxRetriesPerRequest: null, connectionName: `stdin-${jobId}` });
    connection.on('error', () => undefined);
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      connection.disconnect();
    };
    const key = this.keys.stdin(jobId);
    const done = (async () => {
      let last = '0';
      while (!stopped) {
        let answer: [string, [string, string[]][]][] | null;
        try {
          answer = (await connection.xread('COUNT', 100, 'BLOCK', 5_000, 'STREAMS', key, last)) as
            [string, [string, string[]][]][] | null;
        } catch (error) {
          if (stopped) return;
          throw error;
        }
        for (const [, entries] of answer ?? []) {
          for (const [id, fields] of entries) {
            last = id;
            const parsed = liveStdinRecordSchema.safeParse(safeJson(fields[1]));
            if (!parsed.success) continue;
            onRecord(parsed.data);
            if (parsed.data.type === 'signal') {
              stop();
              return;
            }
          }
        }
      }
    })().finally(stop);
    return { stop, done };
  }
}

function safeJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
