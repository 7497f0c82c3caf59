/**
 * Job event streams on real Redis: gap-free seq, reads after a seq, position refresh rules, expiry,
 * announcements (small events inside them), and moving a job on (running, finished) in one step each.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { JobEventLog, JobStore, createKeys, newJobRecord, parseAnnouncement } from '../src/index.js';
import { freeRunJob } from '../../../tests/support/job-data.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-${randomUUID().slice(0, 8)}`;
const keys = createKeys(prefix);
let redis: Redis;
let log: JobEventLog;

beforeAll(() => {
  redis = new Redis(url);
  log = new JobEventLog({ redis, keys, maxLength: 100, ttlSeconds: 60 });
});

afterAll(async () => {
  const found = await redis.keys(`${prefix}:*`);
  if (found.length > 0) await redis.del(...found);
  redis.disconnect();
});

describe('JobEventLog', () => {
  it('numbers events 1, 2, 3… and reads everything after a seq', async () => {
    const jobId = randomUUID();
    expect(await log.append(jobId, { type: 'status', data: { status: 'queued', position: 1 } })).toBe(1);
    expect(await log.append(jobId, { type: 'status', data: { status: 'running' } })).toBe(2);
    expect(await log.append(jobId, { type: 'log', data: { stream: 'stdout', chunk: 'hi\n' } })).toBe(3);
    const all = await log.readAfter(jobId, 0);
    expect(all.map((e) => [e.seq, e.type])).toEqual([
      [1, 'status'],
      [2, 'status'],
      [3, 'log'],
    ]);
    expect(all[2]).toEqual({ jobId, seq: 3, type: 'log', data: { stream: 'stdout', chunk: 'hi\n' } });
    expect((await log.readAfter(jobId, 2)).map((e) => e.seq)).toEqual([3]);
    expect(await log.readAfter(jobId, 3)).toEqual([]);
    expect(await log.lastSeq(jobId)).toBe(3);
  });

  it('keeps seq gap-free under concurrent writers', async () => {
    const jobId = randomUUID();
    const seqs = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        log.append(jobId, { type: 'log', data: { stream: 'stdout', chunk: `${i}` } }),
      ),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await log.readAfter(jobId, 0)).map((e) => e.seq)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it('records a queue position only while queued and only when it went down', async () => {
    const jobId = randomUUID();
    await log.append(jobId, { type: 'status', data: { status: 'queued', position: 3 } });
    expect(await log.refreshPosition(jobId, 3)).toBeNull();
    expect(await log.refreshPosition(jobId, 4)).toBeNull();
    expect(await log.refreshPosition(jobId, 2)).toBe(2);
    await log.append(jobId, { type: 'status', data: { status: 'running' } });
    expect(await log.refreshPosition(jobId, 1)).toBeNull();
    const positions = (await log.readAfter(jobId, 0)).map((e) =>
      e.type === 'status' ? e.data.position : undefined,
    );
    expect(positions).toEqual([3, 2, undefined]);
  });

  it('expires the stream and its counter, and announces each append on the job channel', async () => {
    const jobId = randomUUID();
    const subscriber = new Redis(url);
    const heard: string[] = [];
    try {
      await subscriber.subscribe(log.channel(jobId));
      subscriber.on('message', (_channel, message: string) => heard.push(message));
      await log.append(jobId, { type: 'status', data: { status: 'running' } });
      await log.append(jobId, { type: 'status', data: { status: 'completed' } });
      // Over the inline size: the announcement is the seq alone.
      await log.append(jobId, { type: 'log', data: { stream: 'stdout', chunk: 'x'.repeat(20_000) } });
      const ttl = await redis.ttl(keys.events(jobId));
      expect(ttl).toBeGreaterThan(50);
      expect(ttl).toBeLessThanOrEqual(60);
      expect(await redis.ttl(keys.eventMeta(jobId))).toBeGreaterThan(50);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard.map((message) => parseAnnouncement(jobId, message))).toEqual([
        { seq: 1, event: { type: 'status', data: { status: 'running' }, jobId, seq: 1 } },
        { seq: 2, event: { type: 'status', data: { status: 'completed' }, jobId, seq: 2 } },
        { seq: 3, event: null },
      ]);
    } finally {
      subscriber.disconnect();
    }
  });

  it('finishes a job once: record and result event together, lastSeq = the event seq', async () => {
    const store = new JobStore({ redis, keys, ttlSeconds: 120 });
    const data = freeRunJob();
    const { jobId } = data;
    expect(await store.finish(jobId, { status: 'completed' }, log)).toBeNull(); // no record yet
    await store.create(newJobRecord(data));
    await log.append(jobId, { type: 'status', data: { status: 'queued', position: 1 } });
    const final = await store.finish(jobId, { status: 'completed', verdict: 'ACCEPTED', stdout: '1\n' }, log);
    expect(final).toMatchObject({ status: 'completed', verdict: 'ACCEPTED', lastSeq: 2 });
    expect(await store.get(jobId)).toEqual(final);
    const events = await log.readAfter(jobId, 1);
    expect(events).toEqual([{ type: 'result', data: final, jobId, seq: 2 }]);
    expect(await redis.ttl(keys.record(jobId))).toBeGreaterThan(100);
    // A finished job is never finished again.
    expect(await store.finish(jobId, { status: 'failed', verdict: 'INTERNAL_ERROR' }, log)).toBeNull();
    expect(await log.lastSeq(jobId)).toBe(2);
    expect((await store.get(jobId))?.verdict).toBe('ACCEPTED');
  });

  it('moves an unfinished job on in one step: record and status event, the event also for a final record', async () => {
    const store = new JobStore({ redis, keys, ttlSeconds: 120 });
    const data = freeRunJob();
    const { jobId } = data;
    const running = { ...newJobRecord(data), startedAt: new Date().toISOString(), attempts: 1, worker: 'w1' };
    // No record: nothing stored, the event is appended all the same.
    expect(await store.advance(running, { status: 'running', attempt: 1 }, log)).toBeNull();
    expect(await store.get(jobId)).toBeNull();
    await store.create(newJobRecord(data));
    const advanced = await store.advance(running, { status: 'running', attempt: 1 }, log);
    expect(advanced).toEqual({ ...running, status: 'running' });
    expect(await store.get(jobId)).toEqual(advanced);
    expect(await redis.ttl(keys.record(jobId))).toBeGreaterThan(100);
    expect(await redis.hget(keys.record(jobId), 'status')).toBe('running');
    // The event's status counts like any append's: no queue position after `running`.
    expect(await log.refreshPosition(jobId, 1)).toBeNull();
    const final = await store.finish(
      jobId,
      { status: 'completed', verdict: 'ACCEPTED' },
      log,
      advanced ?? undefined,
    );
    expect(final).toMatchObject({ status: 'completed', worker: 'w1', lastSeq: 3 });
    // A late hand-back never undoes a final record.
    expect(await store.advance(newJobRecord(data), { status: 'queued' }, log)).toBeNull();
    expect(await store.get(jobId)).toEqual(final);
    expect(
      (await log.readAfter(jobId, 0)).map((e) => [e.seq, e.type, e.type === 'status' ? e.data : null]),
    ).toEqual([
      [1, 'status', { status: 'running', attempt: 1 }],
      [2, 'status', { status: 'running', attempt: 1 }],
      [3, 'result', null],
      [4, 'status', { status: 'queued' }],
    ]);
  });
});
