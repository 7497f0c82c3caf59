/**
 * The web's interactive run client (apps/web/src/lib/interactive-run.ts) against a Socket.IO server that is
 * slow to acknowledge the run: a line typed before the acknowledgement waits for it and reaches the run, in
 * order, instead of being refused (the input line is shown as soon as the run is asked for).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { startInteractiveRun, type InteractiveHandlers } from '../../apps/web/src/lib/interactive-run';

interface Received {
  type: string;
  data?: string;
  jobId: string;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A server whose `run` is answered only when `acknowledge(answer)` is called; `input`s are recorded. */
async function slowServer() {
  const http = createServer();
  const io = new Server(http);
  const received: Received[] = [];
  let acknowledge: (answer: unknown) => void = () => undefined;
  const asked = new Promise<void>((resolveAsked) => {
    io.on('connection', (socket) => {
      socket.on('run', (_request: unknown, ack: (answer: unknown) => void) => {
        acknowledge = ack;
        resolveAsked();
      });
      socket.on('input', (message: Received, ack: (answer: unknown) => void) => {
        received.push(message);
        ack({ ok: true });
      });
    });
  });
  await new Promise<void>((resolveListen) => http.listen(0, '127.0.0.1', resolveListen));
  closers.push(() => new Promise<void>((resolveClose) => void io.close(() => resolveClose())));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    asked,
    acknowledge: (answer: unknown) => acknowledge(answer),
  };
}

function handlers(events: string[]): InteractiveHandlers {
  return {
    onStarted: (jobId: string) => events.push(`started ${jobId}`),
    onProgramStarted: () => events.push('program'),
    onRefused: (message: string) => events.push(`refused ${message}`),
    onStatus: () => undefined,
    onLog: () => undefined,
    onResult: () => undefined,
    onError: () => undefined,
  };
}

/** A run asked of a slow server, which has received the `run` and not answered it yet. */
async function runAskedOfSlowServer() {
  const server = await slowServer();
  const events: string[] = [];
  const run = startInteractiveRun(server.url, { language: 'python', code: 'input()' }, handlers(events));
  closers.push(async () => run.stop());
  await server.asked;
  return { server, events, run };
}

describe('interactive run client', () => {
  it('sends lines typed before the run was acknowledged once it is, in order', async () => {
    const { server, events, run } = await runAskedOfSlowServer();
    const first = run.send('Ada\n');
    const second = run.send('21\n');
    server.acknowledge({ ok: true, jobId: 'job-1' });
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect(server.received).toEqual([
      { type: 'data', data: 'Ada\n', jobId: 'job-1' },
      { type: 'data', data: '21\n', jobId: 'job-1' },
    ]);
    expect(events).toEqual(['started job-1']);
  });

  it('refuses lines typed before a run that the server then refused', async () => {
    const { server, events, run } = await runAskedOfSlowServer();
    const line = run.send('Ada\n');
    server.acknowledge({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many runs.' } });
    expect(await line).toBe('The run is not taking input.');
    expect(server.received).toEqual([]);
    expect(events).toEqual(['refused Too many runs.']);
  });
});
