/**
 * Per-job event streams in Redis. Every event gets the next `seq` of its job and is
 * stored as stream entry `<seq>-0`, so "everything after seq N" is one XRANGE. Appends
 * are atomic (commands/append-event-2.lua, append-result-4.lua, create-record-event-3.lua): sequence, stream, trim, expiry and the pub/sub announcement together,
 * whichever process (API or worker) writes. The announcement carries the event itself when it
 * is small, so a relay that has delivered everything before it needs no read of the stream.
 */
import type { Redis } from 'ioredis';
import type { JobEvent, JobEventBody, JobResult, StatusPayload } from '@arbiter/contracts';
import type { Keys } from './keys.js';
import { redisCommands } from './redis-commands.js';
import { RESULTS_STREAM_MAX_LENGTH } from './results-stream.js';

/** What a job's channel said: the `seq` appended, and the event itself when it was small enough to come along. */
export interface Announcement {
  seq: number;
  event: JobEvent | null;
}

/** Reads a message of a job's channel (see `JobEventLog.channel`). */
export function parseAnnouncement(jobId: string, message: string): Announcement {
  const first = message.indexOf('\n');
  if (first < 0) return { seq: Number(message), event: null };
  const second = message.indexOf('\n', first + 1);
  const seq = Number(message.slice(0, first));
  const type = message.slice(first + 1, second);
  // Written only by the append scripts, from already-validated payloads.
  return { seq, event: { type, data: JSON.parse(message.slice(second + 1)), jobId, seq } as JobEvent };
}

export interface JobEventLogOptions {
  redis: Redis;
  keys: Keys;
  /**
   * Events kept per job; older ones are trimmed.
   * @defaultValue 10000
   */
  maxLength?: number;
  /**
   * Seconds a stream lives after its last append.
   * @defaultValue 3600
   */
  ttlSeconds?: number;
  /**
   * Events whose JSON is at most this many bytes travel inside their pub/sub announcement.
   * @defaultValue 16384
   */
  inlineBytes?: number;
}

export class JobEventLog {
  private readonly redis: Redis;
  private readonly keys: Keys;
  private readonly maxLength: number;
  private readonly ttlSeconds: number;
  private readonly inlineBytes: number;

  constructor(options: JobEventLogOptions) {
    this.redis = options.redis;
    this.keys = options.keys;
    this.maxLength = options.maxLength ?? 10_000;
    this.ttlSeconds = options.ttlSeconds ?? 3600;
    this.inlineBytes = options.inlineBytes ?? 16_384;
  }

  /** Appends one event; returns its `seq`. */
  async append(jobId: string, body: JobEventBody): Promise<number> {
    const seq = await this.write(jobId, body, false);
    if (seq === null) throw new Error(`event for job ${jobId} was not appended`);
    return seq;
  }

  /**
   * Appends a `queued` status with a new queue position, unless the job has left the
   * queue or the position did not go down. Returns the `seq`, or null when skipped.
   */
  async refreshPosition(jobId: string, position: number): Promise<number | null> {
    return this.write(jobId, { type: 'status', data: { status: 'queued', position } }, true);
  }

  /**
   * Finishes a job (see `JobStore.finish`): stores `record` as its final record and appends it
   * as the `result` event, atomically, with `lastSeq` set to that event's seq. Returns the
   * record as stored, or null when the record is missing or was already final.
   */
  async appendResult(record: JobResult, recordTtlSeconds: number): Promise<JobResult | null> {
    const { lastSeq: _lastSeq, ...rest } = record;
    const json = JSON.stringify(rest);
    const seq = await redisCommands.appendResult.run(
      this.redis,
      [
        this.keys.events(record.jobId),
        this.keys.eventMeta(record.jobId),
        this.keys.record(record.jobId),
        this.keys.results(),
      ],
      [
        `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}"lastSeq":`,
        '}',
        this.maxLength,
        this.ttlSeconds,
        this.keys.eventChannel(record.jobId),
        record.status,
        recordTtlSeconds,
        this.inlineBytes,
        record.jobId,
        RESULTS_STREAM_MAX_LENGTH,
      ],
    );
    return typeof seq === 'number' && seq > 0 ? { ...record, lastSeq: seq } : null;
  }

  /**
   * Stores `record`, an unfinished job's next state, unless its record is missing or already final, and
   * appends `status` as its event either way, in one step (see `JobStore.advance`). Returns whether the
   * record was written.
   */
  async appendStatusWithRecord(
    record: JobResult,
    status: StatusPayload,
    recordTtlSeconds: number,
  ): Promise<boolean> {
    const reply = await redisCommands.updateRecordEvent.run(
      this.redis,
      [this.keys.record(record.jobId), this.keys.events(record.jobId), this.keys.eventMeta(record.jobId)],
      [
        status.status,
        JSON.stringify(record),
        recordTtlSeconds,
        JSON.stringify(status),
        this.maxLength,
        this.ttlSeconds,
        this.keys.eventChannel(record.jobId),
        this.inlineBytes,
      ],
    );
    return Array.isArray(reply) && reply[0] === 1;
  }

  /**
   * Stores `record`, a new job's first record, and appends its `queued` status at `position`, in one step
   * (see `JobStore.createQueued`). Returns the event's seq.
   */
  async appendQueuedWithRecord(
    record: JobResult,
    position: number,
    recordTtlSeconds: number,
  ): Promise<number> {
    const seq = await redisCommands.createRecordEvent.run(
      this.redis,
      [this.keys.record(record.jobId), this.keys.events(record.jobId), this.keys.eventMeta(record.jobId)],
      [
        record.status,
        JSON.stringify(record),
        recordTtlSeconds,
        JSON.stringify({ status: 'queued', position } satisfies StatusPayload),
        position,
        this.maxLength,
        this.ttlSeconds,
        this.keys.eventChannel(record.jobId),
        this.inlineBytes,
      ],
    );
    if (typeof seq !== 'number' || seq < 1) throw new Error(`event for job ${record.jobId} was not appended`);
    return seq;
  }

  /** Events with `seq` greater than `after`, oldest first, at most `count`. */
  async readAfter(jobId: string, after: number, count = 500): Promise<JobEvent[]> {
    const start = after > 0 ? `(${after}-0` : '-';
    const entries = await this.redis.xrange(this.keys.events(jobId), start, '+', 'COUNT', count);
    return entries.map(([id, fields]) => decodeEntry(jobId, id, fields));
  }

  /** Last `seq` appended for the job (0 if none or expired). */
  async lastSeq(jobId: string): Promise<number> {
    const seq = await this.redis.hget(this.keys.eventMeta(jobId), 'seq');
    return seq === null ? 0 : Number(seq);
  }

  channel(jobId: string): string {
    return this.keys.eventChannel(jobId);
  }

  private async write(jobId: string, body: JobEventBody, refresh: boolean): Promise<number | null> {
    const status = body.type === 'status' ? body.data.status : '';
    const position =
      body.type === 'status' && body.data.position !== undefined ? String(body.data.position) : '';
    const seq = await redisCommands.appendEvent.run(
      this.redis,
      [this.keys.events(jobId), this.keys.eventMeta(jobId)],
      [
        body.type,
        JSON.stringify(body.data),
        this.maxLength,
        this.ttlSeconds,
        this.keys.eventChannel(jobId),
        status,
        position,
        refresh ? '1' : '0',
        this.inlineBytes,
      ],
    );
    return typeof seq === 'number' && seq > 0 ? seq : null;
  }
}

function decodeEntry(jobId: string, id: string, fields: string[]): JobEvent {
  let type = '';
  let data = '';
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 't') type = fields[i + 1] ?? '';
    else if (fields[i] === 'd') data = fields[i + 1] ?? '';
  }
  const seq = Number(id.slice(0, id.indexOf('-')));
  // Entries are written only by JobEventLog.append, from already-validated payloads.
  return { type, data: JSON.parse(data), jobId, seq } as JobEvent;
}
