/**
 * A run that makes one-byte writes, alternating between stdout and stderr, through `POST /submit` → worker →
 * sandbox → Socket.IO: its live log arrives as a few `log` events, not one per write, and every byte still
 * arrives in order, each stream apart.
 */
import { describe, expect, it } from 'vitest';
import { connect, submit, subscribe, waitFor, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ worker: { WORKER_CONCURRENCY: '1' } });

const WRITES = 20_000;

describe('a flood of one-byte writes', () => {
  it('reaches clients as a bounded number of log events, every byte in order', async () => {
    const client = connect(platform.url);
    try {
      const code = [
        'import os',
        `for i in range(${WRITES}):`,
        '    os.write(1, b"a")',
        '    os.write(2, b"b")',
      ].join('\n');
      const jobId = await submit(platform.url, { language: 'python', code, limits: { timeMs: 10_000 } });
      await subscribe(client.socket, jobId);
      const result = await waitForResult(platform.url, jobId, 120_000);
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
