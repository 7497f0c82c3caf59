/**
 * Piston v2's WebSocket (`/piston/api/v2/connect`) with a plain `ws` client through the real platform:
 * interactive programs (Python and C++) that read a line, answer, and read again while stdin comes in
 * live; SIGKILL; the end of stdin; every close code (4000-4005, 4999, 1009) and the per-client cap; and
 * Socket.IO still working on the same server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
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
} from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';

const prefix = testPrefix();
let api: ApiServer;
let worker: RunningWorker;
let wsUrl: string;

beforeAll(async () => {
  api = await startApi(prefix, { SUBMIT_RATE_PER_MINUTE_IP: '0' });
  worker = await startWorkerInProcess(prefix);
  wsUrl = `${base(api).replace('http', 'ws')}/piston/api/v2/connect`;
});

afterAll(async () => {
  await worker?.stop(1_000);
  await api?.close(1_000);
  await cleanup(prefix);
});

type Message = Record<string, unknown> & { type: string };

/** A client that records every message and resolves waits on them, and the close code and reason. */
class Client {
  readonly ws: WebSocket;
  readonly messages: Message[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  private waiters: (() => void)[] = [];

  constructor(url = wsUrl) {
    this.ws = new WebSocket(url);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.wake();
      }),
    );
    this.ws.on('message', (raw) => {
      this.messages.push(JSON.parse(String(raw)) as Message);
      this.wake();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Everything the program wrote to stdout so far. */
  stdout(): string {
    return this.messages
      .filter((m) => m.type === 'data' && m.stream === 'stdout')
      .map((m) => String(m.data))
      .join('');
  }

  /** Waits until `done()` holds (checked after each message), or fails when the socket closes first. */
  async until(done: () => boolean, what: string): Promise<void> {
    for (;;) {
      if (done()) return;
      if (this.ws.readyState === WebSocket.CLOSED)
        throw new Error(`closed before ${what}: ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

const INTERACTIVE: Record<string, { language: string; code: string }> = {
  python: {
    language: 'python',
    // No flush: interactive runs are unbuffered.
    code: 'name = input()\nprint("hello " + name)\nn = int(input())\nprint(n * 2)\n',
  },
  'c++': {
    language: 'c++',
    code:
      '#include <iostream>\n#include <string>\nint main() {\n  std::string name;\n  std::getline(std::cin, name);\n' +
      '  std::cout << "hello " << name << std::endl;\n  long n;\n  std::cin >> n;\n  std::cout << n * 2 << std::endl;\n}\n',
  },
};

function init(language: string, code: string, extra: Record<string, unknown> = {}): Message {
  return {
    type: 'init',
    language,
    version: '*',
    files: [{ content: code }],
    run_timeout: scaledMs(20_000),
    ...extra,
  };
}

describe('Piston WebSocket /api/v2/connect', () => {
  for (const [name, program] of Object.entries(INTERACTIVE)) {
    it(`runs an interactive ${name} program: each answer comes before the next line is sent`, async () => {
      const client = new Client();
      await client.opened;
      client.send(init(program.language, program.code));
      await client.until(
        () => client.messages.some((m) => m.type === 'stage' && m.stage === 'run'),
        'run stage',
      );
      client.send({ type: 'data', stream: 'stdin', data: 'ada\n' });
      await client.until(() => client.stdout().includes('hello ada\n'), 'the first answer');
      // The program is still running, waiting for its second line: nothing more has come out.
      expect(client.stdout()).toBe('hello ada\n');
      expect(client.messages.some((m) => m.type === 'exit' && m.stage === 'run')).toBe(false);
      client.send({ type: 'data', stream: 'stdin', data: '21\n' });
      const { code, reason } = await client.closed;
      expect({ code, reason }).toEqual({ code: 4999, reason: 'Job Completed' });
      expect(client.stdout()).toBe('hello ada\n42\n');
      const types = client.messages.filter((m) => m.type !== 'data');
      const compiled = name === 'c++';
      expect(types).toEqual([
        { type: 'runtime', language: program.language, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
        ...(compiled
          ? [
              { type: 'stage', stage: 'compile' },
              { type: 'exit', stage: 'compile', code: 0, signal: null },
            ]
          : []),
        { type: 'stage', stage: 'run' },
        { type: 'exit', stage: 'run', code: 0, signal: null },
      ]);
    });
  }

  it('SIGKILL ends a program that waits for input', async () => {
    const client = new Client();
    await client.opened;
    client.send(init('python', 'print("ready")\ninput()\nprint("never")\n'));
    await client.until(() => client.stdout() === 'ready\n', 'ready');
    client.send({ type: 'signal', signal: 'SIGKILL' });
    expect((await client.closed).code).toBe(4999);
    expect(client.messages.at(-1)).toEqual({ type: 'exit', stage: 'run', code: null, signal: 'SIGKILL' });
    expect(client.stdout()).toBe('ready\n');
  });

  it('ends stdin on request ({"type": "eof"}): the program reads end of file', async () => {
    const client = new Client();
    await client.opened;
    client.send(init('python', 'import sys\nprint(len(sys.stdin.read()))\n'));
    client.send({ type: 'data', stream: 'stdin', data: 'abc' });
    client.send({ type: 'eof' });
    expect((await client.closed).code).toBe(4999);
    expect(client.stdout()).toBe('3\n');
    expect(client.messages.at(-1)).toEqual({ type: 'exit', stage: 'run', code: 0, signal: null });
  });

  it('reports a compile error in the compile stage', async () => {
    const client = new Client();
    await client.opened;
    client.send(init('c++', 'int main() { return x; }'));
    expect((await client.closed).code).toBe(4999);
    const stderr = client.messages
      .filter((m) => m.type === 'data' && m.stream === 'stderr')
      .map((m) => m.data);
    expect(stderr.join('')).toContain('was not declared');
    expect(client.messages.filter((m) => m.type !== 'data').slice(1)).toEqual([
      { type: 'stage', stage: 'compile' },
      { type: 'exit', stage: 'compile', code: 1, signal: null },
    ]);
  });

  it('closes with 4001 when no init comes within a second', async () => {
    const client = new Client();
    await client.opened;
    expect(await client.closed).toEqual({ code: 4001, reason: 'Initialization Timeout' });
  });

  it('closes with 4003 for data or a signal before init', async () => {
    for (const message of [
      { type: 'data', stream: 'stdin', data: 'x' },
      { type: 'signal', signal: 'SIGKILL' },
    ]) {
      const client = new Client();
      await client.opened;
      client.send(message);
      expect(await client.closed).toEqual({ code: 4003, reason: 'Not yet initialized' });
    }
  });

  it('closes with 4000 for a second init, 4004 for another stream, 4005 for an unknown signal', async () => {
    const cases: [Message, number, string][] = [
      [init('python', 'input()'), 4000, 'Already Initialized'],
      [{ type: 'data', stream: 'stdout', data: 'x' }, 4004, 'Can only write to stdin'],
      [{ type: 'signal', signal: 'SIGNOPE' }, 4005, 'Invalid signal'],
    ];
    for (const [message, code, reason] of cases) {
      const client = new Client();
      await client.opened;
      client.send(init('python', 'input()'));
      client.send(message);
      expect(await client.closed).toEqual({ code, reason });
    }
  });

  it('closes with 4002 after an error message: bad JSON, a bad init, an unknown runtime', async () => {
    const cases: [unknown, string][] = [
      ['{not json', ''],
      [{ type: 'init', version: '*', files: [{ content: 'x' }] }, 'language is required as a string'],
      [
        { type: 'init', language: 'cobol', version: '*', files: [{ content: 'x' }] },
        'cobol-* runtime is unknown',
      ],
    ];
    for (const [message, text] of cases) {
      const client = new Client();
      await client.opened;
      client.send(message);
      expect(await client.closed).toEqual({ code: 4002, reason: 'Notified Error' });
      expect(client.messages).toHaveLength(1);
      expect(client.messages[0]?.type).toBe('error');
      if (text !== '') expect(client.messages[0]?.message).toBe(text);
    }
  });

  it('refuses a message over the size cap (1009) and a client over its socket cap (429)', async () => {
    const big = new Client();
    await big.opened;
    big.send(init('python', `# ${'x'.repeat(1024 * 1024)}`));
    expect((await big.closed).code).toBe(1009);

    const held = [new Client(), new Client(), new Client(), new Client()];
    await Promise.all(held.map((client) => client.opened));
    const refused = new WebSocket(wsUrl);
    const status = await new Promise<number | undefined>((resolve) => {
      refused.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      refused.once('open', () => resolve(undefined));
    });
    expect(status).toBe(429);
    for (const client of held) client.ws.close();
    await Promise.all(held.map((client) => client.closed));
  });

  it('leaves Socket.IO working on the same server', async () => {
    const jobId = await submit(base(api), { language: 'python', code: 'print(7)' });
    const { socket } = connect(base(api));
    try {
      const result = new Promise<unknown>((resolve) => socket.once('result', resolve));
      await subscribe(socket, jobId);
      expect(await result).toMatchObject({ stdout: '7\n' });
    } finally {
      socket.disconnect();
    }
  });
});
