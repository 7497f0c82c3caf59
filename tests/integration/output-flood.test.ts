/**
 * A run that makes one-byte writes, alternating between stdout and stderr, through `POST /submit` → worker →
 * sandbox → Socket.IO: its live log arrives as a few `log` events, not one per write, and every byte still
 * arrives in order, each stream apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  base,
  cleanup,
  connect,
  startApi,
  startWorkerInProcess,
  submit,
  subscribe,
  testPrefix,
  waitFor,
  waitForResult,
} from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let url: string;
let worker: RunningWorker;

beforeAll(async () => {
  api = await startApi(prefix);
  url = base(api);
  worker = await startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '1' });
});

afterAll(async () => {
  await worker?.stop(2_000);
  await api?.close(1_000);
  await cleanup(prefix);
});

const WRITES = 20_000;

describe('a flood of one-byte writes', () => {
  it('reaches clients as a bounded number of log events, every byte in order', async () => {
    const client = connect(url);
    try {
      const code = [
        'import os',
        `for i in range(${WRITES}):`,
        '    os.write(1, b"a")',
        '    os.write(2, b"b")',
      ].join('\n');
      const jobId = await submit(url, { language: 'python', code, limits: { timeMs: 10_000 } });
      await subscribe(client.socket, jobId);
      const result = await waitForResult(url, jobId, 120_000);
      expect(result.verdict).toBe('ACCEPTED');
      expect(result.stdout).toBe('a'.repeat(WRITES));
      await waitFor(
        () => client.events.some((e) => e.type === 'result'),
        10_000,
        () => JSON.stringify(client.events.map((e) => e.type)),
      );
      const logs = client.events
        .filter((e) => e.type === 'log')
        .map((e) => e.payload as { stream: string; chunk: string });
      const joined = (stream: string) =>
        logs
          .filter((l) => l.stream === stream)
          .map((l) => l.chunk)
          .join('');
      expect(joined('stdout')).toBe('a'.repeat(WRITES));
      expect(joined('stderr')).toBe('b'.repeat(WRITES));
      // The batcher sends one event per stream per 25 ms window (its own test counts them on a simulated
      // clock); here, through the real path, far fewer events than the 40,000 writes.
      expect(logs.length).toBeGreaterThan(0);
      expect(logs.length).toBeLessThan(WRITES / 50);
    } finally {
      client.socket.close();
    }
  }, 180_000);
});
