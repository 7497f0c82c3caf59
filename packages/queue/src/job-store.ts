/**
 * Job records in Redis: the state a job is in and, once finished, its result, as
 * `GET /status/:jobId` serves them. A finished record is never overwritten, so a
 * late or duplicate writer (a retried attempt, a failure handler) cannot undo a verdict.
 */
import type { Redis } from 'ioredis';
import type { JobData, JobResult, StatusPayload } from '@arbiter/contracts';
import type { JobEventLog } from './job-event-log.js';
import type { Keys } from './keys.js';
import { redisCommands } from './redis-commands.js';

export interface JobStoreOptions {
  redis: Redis;
  keys: Keys;
  /**
   * Seconds a record stays readable after its last change.
   * @defaultValue 86400
   */
  ttlSeconds?: number;
}

export class JobStore {
  private readonly redis: Redis;
  private readonly keys: Keys;
  private readonly ttlSeconds: number;

  constructor(options: JobStoreOptions) {
    this.redis = options.redis;
    this.keys = options.keys;
    this.ttlSeconds = options.ttlSeconds ?? 24 * 3600;
  }

  async create(record: JobResult): Promise<void> {
    const key = this.keys.record(record.jobId);
    await this.redis
      .multi()
      .hset(key, 'status', record.status, 'json', JSON.stringify(record))
      .expire(key, this.ttlSeconds)
      .exec();
  }

  /**
   * Stores a new job's record (`newJobRecord` of its data, `queued`) and appends its first event, `queued`
   * at `position`, in one round trip where `create` and `JobEventLog.append` took two (and four commands).
   */
  async createQueued(record: JobResult, position: number, events: JobEventLog): Promise<void> {
    await events.appendQueuedWithRecord(record, position, this.ttlSeconds);
  }

  async get(jobId: string): Promise<JobResult | null> {
    const json = await this.redis.hget(this.keys.record(jobId), 'json');
    // Records are written only by this class, from typed values.
    return json === null ? null : (JSON.parse(json) as JobResult);
  }

  /**
   * Merges `patch` into an unfinished record. Returns the new record, or null when
   * there is no record or it is already finished (the patch is then dropped).
   */
  async update(jobId: string, patch: Partial<JobResult>): Promise<JobResult | null> {
    const current = await this.get(jobId);
    if (current === null) return null;
    const next: JobResult = { ...current, ...patch, jobId };
    const written = await redisCommands.updateRecord.run(
      this.redis,
      [this.keys.record(jobId)],
      [next.status, JSON.stringify(next), this.ttlSeconds],
    );
    return written === 1 ? next : null;
  }

  /**
   * Stores `next` as an unfinished record's new state (its status being `status.status`) and appends
   * `status` as the job's event, in one round trip. Unlike `update` it reads nothing: the caller knows the
   * whole record (a queued record is always `newJobRecord` of its job's data, and only the worker holding
   * the job changes it before it is final). Returns `next`, or null when the record was missing or already
   * final (the record is then left alone; the event is appended all the same, as `update` and
   * `JobEventLog.append` side by side did).
   */
  async advance(next: JobResult, status: StatusPayload, events: JobEventLog): Promise<JobResult | null> {
    const record: JobResult = { ...next, status: status.status };
    return (await events.appendStatusWithRecord(record, status, this.ttlSeconds)) ? record : null;
  }

  /**
   * Merges `patch` into an unfinished record, stores it as final and appends it as the job's
   * `result` event, in one atomic step with its `lastSeq` set to that event's seq (see
   * `JobEventLog.appendResult`). Returns the final record, or null when there is no record or
   * it is already finished (nothing is written then). `known` is the record as the caller last
   * wrote it, which saves reading it again (the script still refuses a finished record).
   */
  async finish(
    jobId: string,
    patch: Partial<JobResult>,
    events: JobEventLog,
    known?: JobResult,
  ): Promise<JobResult | null> {
    const current = known ?? (await this.get(jobId));
    if (current === null || current.status === 'completed' || current.status === 'failed') return null;
    return events.appendResult({ ...current, ...patch, jobId }, this.ttlSeconds);
  }

  async delete(jobId: string): Promise<void> {
    await this.redis.del(this.keys.record(jobId));
  }
}

/** The record of a job that was just accepted: queued, no verdict. */
export function newJobRecord(data: JobData): JobResult {
  return {
    jobId: data.jobId,
    status: 'queued',
    language: data.language,
    mode: data.mode,
    problem: data.problem,
    userId: data.userId,
    verdict: null,
    stdout: '',
    stderr: '',
    compileOutput: '',
    exitCode: null,
    signal: null,
    timeMs: null,
    wallTimeMs: null,
    memoryKb: null,
    tests: [],
    passed: null,
    total: null,
    failedTest: null,
    percentile: null,
    limits: data.limits,
    error: null,
    worker: null,
    attempts: 0,
    lastSeq: 0,
    createdAt: new Date(data.createdAt).toISOString(),
    startedAt: null,
    finishedAt: null,
  };
}
