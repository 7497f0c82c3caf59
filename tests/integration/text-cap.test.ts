/**
 * The text cap (`MAX_TEXT_BYTES`) through `POST /submit` → worker → sandbox → Redis → `GET /status` and the
 * Socket.IO result: a program whose stdout decodes to exactly the cap keeps it whole; one byte more is
 * clipped, with a marker saying how much was dropped, within the cap. Bytes that are not UTF-8 become
 * U+FFFD (3 bytes each) when decoded, so a run within its 1 MiB output limit can reach the cap.
 * And 4 KB of TypeScript with hundreds of errors stores a few KiB of compile output, not megabytes.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, utf8Bytes } from '@arbiter/contracts';
import { connect, submit, subscribe, waitFor, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ worker: { WORKER_CONCURRENCY: '1' } });

/** Prints invalid bytes that decode to `MAX_TEXT_BYTES + extra` UTF-8 bytes: 3 per 0xFF, then ASCII. */
function printer(extra: number): string {
  const replacements = Math.floor(MAX_TEXT_BYTES / 3);
  const ascii = MAX_TEXT_BYTES - replacements * 3 + extra;
  return `import sys\nsys.stdout.buffer.write(b"\\xff" * ${replacements} + b"a" * ${ascii})`;
}

describe('the text cap', () => {
  it('keeps stdout of exactly the cap whole', async () => {
    const jobId = await submit(platform.url, { language: 'python', code: printer(0) });
    const result = await waitForResult(platform.url, jobId, 60_000);
    expect(result.verdict).toBe('ACCEPTED');
    expect(utf8Bytes(result.stdout)).toBe(MAX_TEXT_BYTES);
    expect(result.stdout.endsWith('a')).toBe(true);
    expect(result.stdout).not.toMatch(/clipped\]$/);
  }, 90_000);

  it('clips stdout one byte over the cap, with a marker, in GET /status and the socket result', async () => {
    const client = connect(platform.url);
    try {
      const jobId = await submit(platform.url, { language: 'python', code: printer(1) });
      await subscribe(client.socket, jobId);
      const result = await waitForResult(platform.url, jobId, 60_000);
      expect(result.verdict).toBe('ACCEPTED');
      expect(utf8Bytes(result.stdout)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
      const dropped = Number(/\n… \[(\d+) more bytes clipped\]$/.exec(result.stdout)?.[1]);
      expect(dropped).toBeGreaterThan(0);
      // What is kept plus what was dropped is the whole decoded output.
      const kept = utf8Bytes(result.stdout.slice(0, result.stdout.lastIndexOf('\n… [')));
      expect(kept + dropped).toBe(MAX_TEXT_BYTES + 1);

      await waitFor(
        () => client.events.some((e) => e.type === 'result'),
        10_000,
        () => JSON.stringify(client.events.map((e) => e.type)),
      );
      const sent = client.events.find((e) => e.type === 'result')?.payload as { stdout?: string };
      expect(sent.stdout).toBe(result.stdout);
    } finally {
      client.socket.close();
    }
  }, 90_000);

  it('stores a few KiB of compile output for 4 KB of TypeScript with 400 errors', async () => {
    const code = 'let a = 1; '.repeat(400);
    const jobId = await submit(platform.url, { language: 'typescript', code });
    const result = await waitForResult(platform.url, jobId, 60_000);
    expect(result.verdict).toBe('COMPILE_ERROR');
    expect(result.compileOutput).toMatch(/^main\.ts:1:16: error: The symbol "a" has already been declared/);
    expect(utf8Bytes(result.compileOutput)).toBeLessThan(16 * 1024);
  }, 90_000);
});
