/**
 * Socket.IO's interactive runs through the real platform, with socket.io-client: a program that reads a
 * line, answers, and reads again while its stdin comes live; end of file; a kill; the run killed when its
 * connection goes away; and the caps and ownership (only the connection that started a run feeds it, input
 * per message and per second, runs at once per connection, a bad request).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_INTERACTIVE_RUNS_PER_SOCKET,
  MAX_LIVE_STDIN_CHUNK_BYTES,
  type InputAck,
  type InteractiveRunRequest,
  type RunAck,
  type RunInput,
} from '@arbiter/contracts';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  base,
  cleanup,
  connect,
  startApi,
  startWorkerInProcess,
  subscribe,
  testPrefix,
  type ClientSocket,
  type ReceivedEvent,
} from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';

const prefix = testPrefix();
let api: ApiServer;
let worker: RunningWorker;

beforeAll(async () => {
  api = await startApi(prefix, { SUBMIT_RATE_PER_MINUTE_IP: '0' });
  worker = await startWorkerInProcess(prefix);
});

afterAll(async () => {
  await worker?.stop(1_000);
  await api?.close(1_000);
  await cleanup(prefix);
});

const ACK_MS = scaledMs(10_000);

/** A socket.io-client connection that records its events and wakes waits on them. */
class Client {
  readonly socket: ClientSocket;
  readonly events: ReceivedEvent[];
  private waiters: (() => void)[] = [];
  private gone = false;

  constructor() {
    const { socket, events } = connect(base(api));
    this.socket = socket;
    this.events = events;
    for (const type of ['status', 'log', 'stage', 'result', 'disconnect'] as const)
      socket.on(type, () => this.wake());
    socket.on('disconnect', () => (this.gone = true));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  async ready(): Promise<void> {
    if (!this.socket.connected)
      await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
  }

  async run(request: InteractiveRunRequest | Record<string, unknown>): Promise<RunAck> {
    await this.ready();
    return (await this.socket.timeout(ACK_MS).emitWithAck('run', request as InteractiveRunRequest)) as RunAck;
  }

  async start(request: InteractiveRunRequest): Promise<string> {
    const answer = await this.run(request);
    if (!answer.ok) throw new Error(`run refused: ${JSON.stringify(answer.error)}`);
    return answer.jobId;
  }

  async input(message: RunInput | Record<string, unknown>): Promise<InputAck> {
    return (await this.socket.timeout(ACK_MS).emitWithAck('input', message as RunInput)) as InputAck;
  }

  stdout(jobId: string): string {
    return this.events
      .filter((e) => e.jobId === jobId && e.type === 'log' && e.payload.stream === 'stdout')
      .map((e) => String(e.payload.chunk))
      .join('');
  }

  result(jobId: string): Record<string, unknown> | undefined {
    return this.events.find((e) => e.jobId === jobId && e.type === 'result')?.payload;
  }

  /** Waits until `done()` holds (checked after each event), failing if the connection drops first. */
  async until(done: () => boolean, what: string): Promise<void> {
    for (;;) {
      if (done()) return;
      if (this.gone) throw new Error(`disconnected before ${what}: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.socket.close();
  }
}

const ECHO = 'name = input()\nprint("hello " + name)\nn = int(input())\nprint(n * 2)\n';
const WAITS = 'print("ready")\ninput()\nprint("never")\n';

describe('Socket.IO interactive runs', () => {
  it('runs a program that reads a line, answers, and reads again as stdin comes', async () => {
    const client = new Client();
    try {
      const jobId = await client.start({ language: 'python', code: ECHO });
      // Sent before the program starts: it waits in the run's input stream.
      expect(await client.input({ jobId, type: 'data', data: 'world\n' })).toEqual({ ok: true });
      await client.until(() => client.stdout(jobId) === 'hello world\n', 'the first answer');
      expect(client.events.some((e) => e.jobId === jobId && e.type === 'stage')).toBe(true);
      // The program is still running, waiting for its second line.
      expect(client.result(jobId)).toBeUndefined();
      expect(await client.input({ jobId, type: 'data', data: '21\n' })).toEqual({ ok: true });
      await client.until(() => client.result(jobId) !== undefined, 'the result');
      expect(client.stdout(jobId)).toBe('hello world\n42\n');
      expect(client.result(jobId)).toMatchObject({ status: 'completed', verdict: 'ACCEPTED' });
      // The run is over: its stream no longer takes anything that matters, and the ack says so or is ok.
    } finally {
      client.close();
    }
  });

  it('ends stdin on eof: the program reads end of file', async () => {
    const client = new Client();
    try {
      const jobId = await client.start({
        language: 'python',
        code: 'import sys\nprint(len(sys.stdin.read()))\n',
      });
      expect(await client.input({ jobId, type: 'data', data: 'abc' })).toEqual({ ok: true });
      expect(await client.input({ jobId, type: 'eof' })).toEqual({ ok: true });
      const afterEof = await client.input({ jobId, type: 'data', data: 'more' });
      expect(afterEof).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      await client.until(() => client.result(jobId) !== undefined, 'the result');
      expect(client.stdout(jobId)).toBe('3\n');
      expect(client.result(jobId)).toMatchObject({ verdict: 'ACCEPTED' });
    } finally {
      client.close();
    }
  });

  it('kills a program that waits for input', async () => {
    const client = new Client();
    try {
      const jobId = await client.start({ language: 'python', code: WAITS });
      await client.until(() => client.stdout(jobId) === 'ready\n', 'ready');
      expect(await client.input({ jobId, type: 'kill' })).toEqual({ ok: true });
      await client.until(() => client.result(jobId) !== undefined, 'the result');
      const result = client.result(jobId) as {
        verdict: string;
        stderr: string;
        wallTimeMs: number;
        limits: { wallTimeMs: number };
      };
      expect(result.verdict).toBe('RUNTIME_ERROR');
      expect(result.stderr).toContain('SIGKILL');
      expect(client.stdout(jobId)).toBe('ready\n');
      // Killed, not stopped by its wall clock.
      expect(result.wallTimeMs).toBeLessThan(result.limits.wallTimeMs);
      expect(await client.input({ jobId, type: 'data', data: 'x\n' })).toMatchObject({ ok: false });
    } finally {
      client.close();
    }
  });

  it('lets only the connection that started a run feed it, and kills the run when that connection goes', async () => {
    const owner = new Client();
    const other = new Client();
    try {
      const jobId = await owner.start({ language: 'python', code: WAITS });
      await owner.until(() => owner.stdout(jobId) === 'ready\n', 'ready');
      await other.ready();
      // Another connection may watch the run, but not feed it.
      await subscribe(other.socket, jobId);
      for (const message of [
        { jobId, type: 'data', data: 'x\n' },
        { jobId, type: 'eof' },
        { jobId, type: 'kill' },
      ] as const) {
        expect(await other.input(message)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }
      expect(owner.result(jobId)).toBeUndefined();
      owner.close();
      await other.until(() => other.result(jobId) !== undefined, 'the result after the owner left');
      const result = other.result(jobId) as {
        verdict: string;
        wallTimeMs: number;
        limits: { wallTimeMs: number };
      };
      expect(result.verdict).not.toBe('ACCEPTED');
      expect(result.wallTimeMs).toBeLessThan(result.limits.wallTimeMs);
    } finally {
      owner.close();
      other.close();
    }
  });

  it('caps input per message and per second, and runs at once per connection', async () => {
    const client = new Client();
    try {
      const jobs: string[] = [];
      for (let i = 0; i < MAX_INTERACTIVE_RUNS_PER_SOCKET; i += 1)
        jobs.push(await client.start({ language: 'python', code: WAITS }));
      expect(await client.run({ language: 'python', code: WAITS })).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });
      const jobId = jobs[0] ?? '';
      const big = 'x'.repeat(MAX_LIVE_STDIN_CHUNK_BYTES + 1);
      expect(await client.input({ jobId, type: 'data', data: big })).toMatchObject({
        ok: false,
        error: { code: 'PAYLOAD_TOO_LARGE' },
      });
      // The per-connection pace: a burst of two seconds' worth of messages passes, then refusals.
      const answers = await Promise.all(
        Array.from({ length: 260 }, () => client.input({ jobId, type: 'data', data: '' })),
      );
      const refused = answers.filter((answer) => !answer.ok);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      for (const id of jobs) await client.input({ jobId: id, type: 'kill' }).catch(() => undefined);
      await client.until(() => jobs.every((id) => client.result(id) !== undefined), 'both results');
      // Finished runs leave room for a new one.
      const next = await client.run({ language: 'python', code: 'print(1)' });
      expect(next).toMatchObject({ ok: true });
    } finally {
      client.close();
    }
  });

  it('refuses a malformed run or input, an unknown language, and input for a job it did not start', async () => {
    const client = new Client();
    try {
      expect(await client.run({ language: 'python' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
      expect(await client.run({ language: 'python', code: 'print(1)', stdin: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
      expect(await client.run({ language: 'cobol', code: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_LANGUAGE' },
      });
      expect(await client.input({ jobId: 'x', type: 'shout' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
      expect(
        await client.input({ jobId: '00000000-0000-4000-8000-000000000000', type: 'data', data: 'x' }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      client.close();
    }
  });
});
