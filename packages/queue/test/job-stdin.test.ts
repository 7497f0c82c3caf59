/**
 * An interactive job's input stream on real Redis: the caps its append script enforces (opened jobs only,
 * bytes and records per job, nothing after end of file but a signal, nothing after a signal), the default
 * caps being the contracts' ones, and the reader handing records over in order until a signal.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import {
  MAX_LIVE_STDIN_BYTES,
  MAX_LIVE_STDIN_CHUNK_BYTES,
  MAX_LIVE_STDIN_RECORDS,
  type LiveStdinRecord,
} from '@arbiter/contracts';
import { JobStdin, createKeys } from '../src/index.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-${randomUUID().slice(0, 8)}`;
const keys = createKeys(prefix);
let redis: Redis;
/** Small caps, so each is reached in a few appends. */
let small: JobStdin;

beforeAll(() => {
  redis = new Redis(url);
  small = new JobStdin({ redis, keys, maxBytes: 10, maxRecords: 4, ttlSeconds: 60 });
});

afterAll(async () => {
  const found = await redis.keys(`${prefix}:*`);
  if (found.length > 0) await redis.del(...found);
  redis.disconnect();
});

async function opened(stdin: JobStdin): Promise<string> {
  const jobId = randomUUID();
  await stdin.open(jobId);
  return jobId;
}

/** The records stored in the job's input stream, in order. */
async function stored(jobId: string): Promise<LiveStdinRecord[]> {
  const entries = await redis.xrange(keys.stdin(jobId), '-', '+');
  return entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as LiveStdinRecord);
}

describe('JobStdin caps', () => {
  it('refuses a job that was not opened as interactive, and stores nothing for it', async () => {
    const jobId = randomUUID();
    expect(await small.append(jobId, { type: 'data', data: 'x' })).toBe('unknown');
    expect(await small.append(jobId, { type: 'signal', signal: 'SIGKILL' })).toBe('unknown');
    expect(await redis.exists(keys.stdin(jobId))).toBe(0);
  });

  it('takes bytes up to the cap exactly and refuses the byte past it, counting UTF-8 bytes', async () => {
    const jobId = await opened(small);
    expect(await small.append(jobId, { type: 'data', data: 'ab' })).toBe('ok');
    // "é" is two bytes: 2 + 2×3 = 8.
    expect(await small.append(jobId, { type: 'data', data: 'ééé' })).toBe('ok');
    expect(await small.append(jobId, { type: 'data', data: 'éx' })).toBe('bytes'); // 8 + 3 > 10
    expect(await small.append(jobId, { type: 'data', data: 'xy' })).toBe('ok'); // 10: at the cap
    expect(await small.append(jobId, { type: 'data', data: 'z' })).toBe('bytes');
    expect((await stored(jobId)).map((r) => (r.type === 'data' ? r.data : r.type))).toEqual([
      'ab',
      'ééé',
      'xy',
    ]);
    // A refused record costs nothing: end of file and a signal still go in.
    expect(await small.append(jobId, { type: 'eof' })).toBe('ok');
  });

  it('counts every record (data, end of file, signal) against the record cap', async () => {
    const jobId = await opened(small);
    for (let i = 0; i < 3; i += 1) expect(await small.append(jobId, { type: 'data', data: '' })).toBe('ok');
    expect(await small.append(jobId, { type: 'eof' })).toBe('ok');
    expect(await small.append(jobId, { type: 'signal', signal: 'SIGKILL' })).toBe('records');
    expect(await stored(jobId)).toHaveLength(4);
  });

  it('refuses data after end of file but takes a signal, and nothing after a signal', async () => {
    const jobId = await opened(small);
    expect(await small.append(jobId, { type: 'data', data: 'a' })).toBe('ok');
    expect(await small.append(jobId, { type: 'eof' })).toBe('ok');
    expect(await small.append(jobId, { type: 'data', data: 'b' })).toBe('eof');
    expect(await small.append(jobId, { type: 'signal', signal: 'SIGINT' })).toBe('ok');
    expect(await small.append(jobId, { type: 'signal', signal: 'SIGKILL' })).toBe('closed');
    expect(await small.append(jobId, { type: 'eof' })).toBe('closed');
    expect(await stored(jobId)).toEqual([
      { type: 'data', data: 'a' },
      { type: 'eof' },
      { type: 'signal', signal: 'SIGINT' },
    ]);
  });

  it('keeps the stream and its counts only for the ttl', async () => {
    const jobId = await opened(small);
    await small.append(jobId, { type: 'data', data: 'a' });
    const [streamTtl, metaTtl] = await Promise.all([
      redis.ttl(keys.stdin(jobId)),
      redis.ttl(keys.stdinMeta(jobId)),
    ]);
    expect(streamTtl).toBeGreaterThan(0);
    expect(streamTtl).toBeLessThanOrEqual(60);
    expect(metaTtl).toBeGreaterThan(0);
    expect(metaTtl).toBeLessThanOrEqual(60);
  });

  it('defaults to the contracts caps: MAX_LIVE_STDIN_BYTES and MAX_LIVE_STDIN_RECORDS', async () => {
    const stdin = new JobStdin({ redis, keys, ttlSeconds: 60 });
    const bytesJob = await opened(stdin);
    const chunk = 'x'.repeat(MAX_LIVE_STDIN_CHUNK_BYTES);
    for (let sent = 0; sent < MAX_LIVE_STDIN_BYTES; sent += chunk.length) {
      expect(await stdin.append(bytesJob, { type: 'data', data: chunk })).toBe('ok');
    }
    expect(await stdin.append(bytesJob, { type: 'data', data: 'x' })).toBe('bytes');

    const recordsJob = await opened(stdin);
    // The counter is the script's own: set it one short of the cap rather than appending 4095 records.
    await redis.hset(keys.stdinMeta(recordsJob), 'records', MAX_LIVE_STDIN_RECORDS - 1);
    expect(await stdin.append(recordsJob, { type: 'data', data: 'a' })).toBe('ok');
    expect(await stdin.append(recordsJob, { type: 'data', data: 'b' })).toBe('records');
  });
});

describe('JobStdin reader', () => {
  it('hands records over in order, from records sent before it started, and stops at a signal', async () => {
    const stdin = new JobStdin({ redis, keys, ttlSeconds: 60 });
    const jobId = await opened(stdin);
    await stdin.append(jobId, { type: 'data', data: 'first\n' });
    const seen: LiveStdinRecord[] = [];
    let sawSecond: () => void = () => undefined;
    const second = new Promise<void>((resolve) => (sawSecond = resolve));
    const reader = stdin.read(jobId, (record) => {
      seen.push(record);
      if (seen.length === 2) sawSecond();
    });
    await stdin.append(jobId, { type: 'data', data: 'second\n' });
    await second;
    await stdin.append(jobId, { type: 'signal', signal: 'SIGKILL' });
    await reader.done;
    expect(seen).toEqual([
      { type: 'data', data: 'first\n' },
      { type: 'data', data: 'second\n' },
      { type: 'signal', signal: 'SIGKILL' },
    ]);
  });
});
