/**
 * A run's channel (fd 0 as a socket to the caller): messages go both ways one at a time, no stdin file
 * exists in the sandbox, and the resource use read between messages comes from outside the program. One
 * program's stdout relayed into another's channel holds back like a pipe: a writer whose reader does not
 * read blocks in its write. The end of a program's stdout is told as soon as it (and every child) closed
 * it, while it goes on running. Both the bubblewrap sandbox (needs root) and the unsandboxed runner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUnsandboxedSandbox,
  type ChannelPort,
  type RunReport,
  type RunRequest,
  type RunUsage,
  type Sandbox,
} from '../src/index.js';
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

/** Writes 64 KiB blocks to stdout, `blocks` of them or without end. */
const writer = (blocks?: number): string =>
  [
    'import os',
    "block = b'x' * 65536",
    blocks === undefined ? 'while True:' : `for _ in range(${blocks}):`,
    '    os.write(1, block)',
  ].join('\n');

/** Reads its fd 0 to the end and prints how many bytes came. */
const COUNTER = [
  'import os',
  'n = 0',
  'while True:',
  '    chunk = os.read(0, 65536)',
  '    if not chunk:',
  '        break',
  '    n += len(chunk)',
  'print(n)',
].join('\n');

/**
 * Runs `writerCode` and `readerCode` together, the writer's stdout relayed into the reader's channel with
 * backpressure (the relay waits for room before more of the writer's output is read), as an interactive
 * case does. The reader is killed once the writer has ended, unless `endReader` half-closes it instead.
 */
async function relay(
  sb: Sandbox,
  writerRequest: Omit<RunRequest, 'onOutput'>,
  readerCode: string,
  endReader: boolean,
): Promise<{ writer: RunReport; reader: RunReport; relayed: number }> {
  let port: ChannelPort | undefined;
  let opened: () => void = () => undefined;
  const open = new Promise<void>((resolve) => (opened = resolve));
  let relayed = 0;
  const forward = (chunk: Uint8Array): Promise<void> | undefined => {
    relayed += chunk.length;
    if (port?.write(chunk)) return undefined;
    return new Promise((resolve) => port?.onDrain(resolve));
  };
  const [w, r] = await sb.runGroup(
    [
      {
        ...writerRequest,
        onOutput: (stream, chunk) => {
          if (stream !== 'stdout') return undefined;
          return port ? forward(chunk) : open.then(() => forward(chunk));
        },
      },
      {
        argv: [PYTHON, '-c', readerCode],
        limits: limits({ wallMs: 30_000, outputBytes: 1024 }),
        channel: {
          open(p) {
            port = p;
            opened();
          },
          data: () => undefined,
        },
      },
    ],
    (index) => {
      if (index === 0) {
        if (endReader) port?.end();
        else port?.kill();
      }
    },
  );
  return { writer: w as RunReport, reader: r as RunReport, relayed };
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

  it('blocks a writer whose reader does not read: only what the pipes hold is read of it', async () => {
    // Without backpressure the writer would reach its 64 MiB output cap within its wall limit.
    const outputBytes = 64 << 20;
    const { writer: w, relayed } = await relay(
      sb,
      { argv: [PYTHON, '-c', writer()], limits: limits({ wallMs: 2_000, outputBytes }, 'wall') },
      'import time\ntime.sleep(3600)',
      false,
    );
    expect(w.status, describeReport(w)).toBe('wall_limit');
    // The pipes (its stdout, the reader's socket) and the worker's buffers hold a few hundred KiB at most.
    expect(relayed).toBeLessThan(2 << 20);
    expect(w.stdout.length).toBe(relayed);
  });

  it('goes on as the reader reads: everything arrives, and both end by themselves', async () => {
    const blocks = 128; // 8 MiB
    const { writer: w, reader: r } = await relay(
      sb,
      { argv: [PYTHON, '-c', writer(blocks)], limits: limits({ outputBytes: 16 << 20, wallMs: 30_000 }) },
      COUNTER,
      true,
    );
    expect(w.status, describeReport(w)).toBe('exited');
    expect(r.status, describeReport(r)).toBe('exited');
    expect(text(r.stdout)).toBe(`${blocks * 65536}\n`);
  });

  it('tells the end of stdout as soon as the program closes it, while it goes on running', async () => {
    // Writes, closes its stdout (its child, started before, closes its copy too), then waits for the
    // caller's word on its channel, which comes only once the caller has seen that end of file.
    const code = [
      'import os, subprocess, sys',
      "child = subprocess.Popen([sys.executable, '-c', 'import os, time; os.close(1); time.sleep(3600)'])",
      "os.write(1, b'all of it\\n')",
      'os.close(1)',
      'word = os.read(0, 100)',
      "os.write(0, b'heard ' + word)",
      'child.kill()',
    ].join('\n');
    const events: string[] = [];
    let port: ChannelPort | undefined;
    const report = await sb.run({
      argv: [PYTHON, '-c', code],
      limits: limits({ pids: 16 }),
      onOutput: (stream, chunk) => void events.push(`${stream} ${text(chunk).trim()}`),
      onOutputEnd: (stream) => {
        events.push(`${stream} ended`);
        if (stream === 'stdout') port?.write('go');
      },
      channel: {
        open: (p) => (port = p),
        data: (chunk) => void events.push(`channel ${text(chunk)}`),
      },
    });
    expect(report.status, describeReport(report)).toBe('exited');
    expect(report.exitCode, text(report.stderr)).toBe(0);
    expect(text(report.stdout)).toBe('all of it\n');
    // Not the end of stderr: that came with the run's end, which the report tells.
    expect(events).toEqual(['stdout all of it', 'stdout ended', 'channel heard go']);
  });

  it('refuses stdin and a channel together', async () => {
    const channel = { open: () => undefined, data: () => undefined };
    await expect(sb.run({ argv: ['cat'], stdin: 'x', channel, limits: limits() })).rejects.toThrow(/either/);
  });
});
