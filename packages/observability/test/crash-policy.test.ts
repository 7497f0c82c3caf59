/** The crash policy in a real process: what is logged, what is released, and how the process ends. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FIXTURE = fileURLToPath(new URL('./crash-fixture.ts', import.meta.url));

async function runFixture(
  mode: string,
  rejections: string,
): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, mode, rejections], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const lines = out
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, lines };
}

describe('crash policy', () => {
  it('an uncaught exception is logged as fatal with its origin and context, released, and exits 1', async () => {
    const { code, lines } = await runFixture('exception', 'log');
    expect(code).toBe(1);
    const fatal = lines.find((line) => line.level === 'fatal');
    expect(fatal).toMatchObject({ origin: 'uncaughtException', jobs: ['job-1'] });
    expect(JSON.stringify(fatal?.err)).toContain('Invalid string length');
    expect(lines.some((line) => line.msg === 'released')).toBe(true);
    expect(lines.some((line) => line.msg === 'still serving')).toBe(false);
  }, 30_000);

  it("an unhandled rejection exits 1 under 'exit' (the worker)", async () => {
    const { code, lines } = await runFixture('rejection', 'exit');
    expect(code).toBe(1);
    expect(lines.find((line) => line.level === 'fatal')).toMatchObject({ origin: 'unhandledRejection' });
    expect(lines.some((line) => line.msg === 'released')).toBe(true);
  }, 30_000);

  it("an unhandled rejection is logged and the process keeps serving under 'log' (the API)", async () => {
    const { code, lines } = await runFixture('rejection', 'log');
    expect(code).toBe(0);
    expect(lines.find((line) => line.level === 'error')).toMatchObject({ origin: 'unhandledRejection' });
    expect(lines.some((line) => line.msg === 'still serving')).toBe(true);
  }, 30_000);
});
