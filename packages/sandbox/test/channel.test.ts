/**
 * A run's channel (fd 0 as a socket to the caller): messages go both ways one at a time, no stdin file
 * exists in the sandbox, and the resource use read between messages comes from outside the program.
 * Both the bubblewrap sandbox (needs root) and the unsandboxed runner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnsandboxedSandbox, type RunUsage, type Sandbox } from '../src/index.js';
import { describeReport, limits, PYTHON, testSandbox, text } from './helpers.js';

/** Answers each line `n` with `done n` after burning n ms of CPU; exits at end of file. */
const ECHO = `
import os, time
print(os.path.exists('/run/sandbox/stdin'), flush=True)
buf = b''
while True:
    chunk = os.read(0, 65536)
    if not chunk:
        break
    buf += chunk
    while b'\\n' in buf:
        line, buf = buf.split(b'\\n', 1)
        n = int(line)
        t = time.process_time()
        while time.process_time() - t < n / 1000:
            pass
        os.write(0, b'done %d\\n' % n)
`;

interface Turn {
  line: string;
  /** CPU of the run between sending the request and receiving the answer, in ms. */
  cpuMs: number;
  memoryKb: number;
}

async function converse(sb: Sandbox, requests: number[]): Promise<{ turns: Turn[]; stdout: string }> {
  const turns: Turn[] = [];
  let sentAt: RunUsage = { cpuMs: 0, memoryKb: 0 };
  let buffer = '';
  let next = 0;
  let port: { write(d: string): void; end(): void; usage(): RunUsage } | undefined;
  const send = (): void => {
    const n = requests[next++];
    if (n === undefined) return port?.end();
    port?.write(`${n}\n`);
    sentAt = port?.usage() ?? sentAt;
  };
  const report = await sb.run({
    argv: [PYTHON, '-c', ECHO],
    limits: limits({ cpuMs: 10_000, wallMs: 20_000 }),
    channel: {
      open(p) {
        port = p;
        send();
      },
      data(chunk, usage) {
        buffer += Buffer.from(chunk).toString('utf8');
        for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
          turns.push({
            line: buffer.slice(0, at),
            cpuMs: usage.cpuMs - sentAt.cpuMs,
            memoryKb: usage.memoryKb,
          });
          buffer = buffer.slice(at + 1);
          send();
        }
      },
    },
  });
  expect(report.status, describeReport(report)).toBe('exited');
  expect(report.exitCode, text(report.stderr)).toBe(0);
  return { turns, stdout: text(report.stdout) };
}

describe.each([
  ['bwrap', () => testSandbox('channel')],
  ['unsandboxed', () => Promise.resolve(createUnsandboxedSandbox())],
] as const)('a run with a channel (%s)', (kind, make) => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await make();
  });
  afterAll(async () => {
    await sb?.close();
  });

  it('answers one message at a time, with the CPU of each turn measured from outside', async () => {
    const { turns, stdout } = await converse(sb, [0, 120, 0]);
    expect(turns.map((t) => t.line)).toEqual(['done 0', 'done 120', 'done 0']);
    // No stdin file: all the program ever holds is what was written to it.
    if (kind === 'bwrap') expect(stdout).toBe('False\n');
    // The unsandboxed runner samples in clock ticks (10 ms).
    expect(turns[1]?.cpuMs).toBeGreaterThanOrEqual(100);
    expect(turns[1]?.memoryKb).toBeGreaterThan(1024);
  });

  it('refuses stdin and a channel together', async () => {
    const channel = { open: () => undefined, data: () => undefined };
    await expect(sb.run({ argv: ['cat'], stdin: 'x', channel, limits: limits() })).rejects.toThrow(/either/);
  });
});
