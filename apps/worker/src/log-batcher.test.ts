/**
 * The log batcher on a real Redis event stream, with a simulated clock: a program alternating one-byte writes
 * between stdout and stderr for a second produces at most one event per stream per window, every byte kept
 * in order per stream; and each stream's live text stops at its byte cap with a marker.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Redis } from 'ioredis';
import { JobEventLog, createKeys } from '@arbiter/queue';
import { createLogBatcher, liveLogClippedMarker } from './log-batcher.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-${randomUUID().slice(0, 8)}`;
let redis: Redis;
let events: JobEventLog;

beforeAll(() => {
  redis = new Redis(url);
  events = new JobEventLog({ redis, keys: createKeys(prefix), maxLength: 100_000, ttlSeconds: 60 });
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  const found = await redis.keys(`${prefix}:*`);
  if (found.length > 0) await redis.del(...found);
  redis.disconnect();
});

async function logs(jobId: string): Promise<Array<{ stream: string; chunk: string }>> {
  const all = await events.readAfter(jobId, 0);
  return all.flatMap((e) => (e.type === 'log' ? [e.data] : []));
}

describe('createLogBatcher', () => {
  it('sends one event per stream per 25 ms window for a second of alternating one-byte writes', async () => {
    vi.useFakeTimers();
    const jobId = randomUUID();
    const batcher = createLogBatcher(events, jobId);
    // 1,000 ms of a program writing 20 bytes a millisecond, alternating streams: 20,000 writes.
    for (let ms = 0; ms < 1000; ms += 1) {
      for (let i = 0; i < 10; i += 1) {
        batcher.push('stdout', 'a');
        batcher.push('stderr', 'b');
      }
      vi.advanceTimersByTime(1);
    }
    vi.useRealTimers();
    await batcher.flush();
    const sent = await logs(jobId);
    // 40 windows a second, two streams, and the last partial window.
    expect(sent.length).toBeLessThanOrEqual(2 * (1000 / 25 + 1));
    expect(
      sent
        .filter((l) => l.stream === 'stdout')
        .map((l) => l.chunk)
        .join(''),
    ).toBe('a'.repeat(10_000));
    expect(
      sent
        .filter((l) => l.stream === 'stderr')
        .map((l) => l.chunk)
        .join(''),
    ).toBe('b'.repeat(10_000));
  });

  it('keeps another event after the output written before it', async () => {
    const jobId = randomUUID();
    const batcher = createLogBatcher(events, jobId);
    batcher.push('stdout', 'before');
    batcher.event({ type: 'status', data: { status: 'running' } });
    batcher.push('stdout', 'after');
    await batcher.flush();
    const all = await events.readAfter(jobId, 0);
    expect(all.map((e) => e.type)).toEqual(['log', 'status', 'log']);
  });

  it('holds each stream of the live log to its byte cap, with one marker', async () => {
    const jobId = randomUUID();
    const batcher = createLogBatcher(events, jobId, { maxBytesPerStream: 1000 });
    for (let i = 0; i < 50; i += 1) batcher.push('stdout', 'é'.repeat(50));
    batcher.push('stderr', 'fine');
    await batcher.flush();
    const sent = await logs(jobId);
    const stdout = sent
      .filter((l) => l.stream === 'stdout')
      .map((l) => l.chunk)
      .join('');
    expect(Buffer.byteLength(stdout)).toBeLessThanOrEqual(1000);
    expect(stdout.endsWith(liveLogClippedMarker())).toBe(true);
    expect(stdout.split(liveLogClippedMarker()).length).toBe(2);
    expect(stdout).not.toContain('\uFFFD');
    expect(sent.filter((l) => l.stream === 'stderr').map((l) => l.chunk)).toEqual(['fine']);
  });
});
