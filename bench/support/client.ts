/**
 * A benchmark client as a browser would be: `POST /submit` over HTTP, then `subscribe` over its
 * Socket.IO connection until the `result` event arrives. Records when each step happened and
 * counts every `result` event per job, so a duplicate shows up even after the job was done.
 */
import { io } from 'socket.io-client';
import { preciseNow, type SocketEventPayload } from '@arbiter/contracts';
import { signUp, type ClientSocket } from '../../tests/support/platform.js';

export type ResultEvent = SocketEventPayload<'result'>;

export interface JobRun {
  jobId: string;
  /** Epoch ms (`preciseNow()`): the request was sent, the 202 came back, the `result` event arrived. */
  sentAt: number;
  answeredAt: number;
  resultAt: number;
  result: ResultEvent;
  /** Events received for the job (all kinds), in arrival order: their `seq`. */
  seqs: number[];
}

export interface SubmitBody {
  language: string;
  code: string;
  stdin?: string;
  expectedOutput?: string;
  problem?: string;
  mode?: 'run' | 'submit';
  limits?: { timeMs?: number; memoryMb?: number };
}

interface Waiter {
  resolve: (event: ResultEvent) => void;
  reject: (error: Error) => void;
}

/** Subscribes one connection makes before the client opens a fresh one (the API allows 100 a minute each). */
const SUBSCRIBES_PER_CONNECTION = 90;

/** Opens a Socket.IO connection as a browser tab would, and waits until it is up. */
async function openSocket(url: string, cookie: string | undefined): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(cookie === undefined ? {} : { extraHeaders: { cookie } }),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export class BenchClient {
  /** `result` events received per job over the client's life. */
  readonly resultCounts = new Map<string, number>();
  private readonly seqs = new Map<string, number[]>();
  private readonly waiters = new Map<string, Waiter>();
  /** Subscribes sent on the current connection. */
  private subscribes = 0;

  private constructor(
    private readonly url: string,
    private socket: ClientSocket,
    /** Session cookie of a signed-in client. */
    readonly cookie: string | undefined,
  ) {
    this.listen(socket);
  }

  private listen(socket: ClientSocket): void {
    for (const type of ['status', 'log', 'test'] as const) {
      socket.on(type, (event: { jobId: string; seq: number }) => this.seen(event));
    }
    socket.on('result', (event) => {
      this.seen(event);
      this.resultCounts.set(event.jobId, (this.resultCounts.get(event.jobId) ?? 0) + 1);
      const waiter = this.waiters.get(event.jobId);
      this.waiters.delete(event.jobId);
      waiter?.resolve(event);
    });
  }

  /** Connects (signed in as a new user `username` when given) and waits for the socket. */
  static async connect(url: string, username?: string): Promise<BenchClient> {
    const cookie = username === undefined ? undefined : await signUp(url, username);
    return new BenchClient(url, await openSocket(url, cookie), cookie);
  }

  /** Submits `body` and waits for its `result` event, at most `timeoutMs`. */
  async run(body: SubmitBody, timeoutMs = 60_000): Promise<JobRun> {
    if (this.subscribes >= SUBSCRIBES_PER_CONNECTION && this.waiters.size === 0) {
      // As a user opening a new tab: one connection may subscribe to 100 jobs a minute.
      const fresh = await openSocket(this.url, this.cookie);
      this.socket.close();
      this.socket = fresh;
      this.listen(fresh);
      this.subscribes = 0;
    }
    this.subscribes += 1;
    const sentAt = preciseNow();
    const response = await fetch(`${this.url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { jobId?: string };
    const answeredAt = preciseNow();
    if (response.status !== 202 || answer.jobId === undefined) {
      throw new Error(`submit answered ${response.status}: ${JSON.stringify(answer)}`);
    }
    const jobId = answer.jobId;
    let timer: NodeJS.Timeout | undefined;
    const result = await new Promise<ResultEvent>((resolve, reject) => {
      this.waiters.set(jobId, { resolve, reject });
      timer = setTimeout(() => {
        this.waiters.delete(jobId);
        reject(new Error(`job ${jobId}: no result within ${timeoutMs} ms`));
      }, timeoutMs);
      this.socket.emit('subscribe', { jobId }, (ack) => {
        if (!ack.ok) {
          this.waiters.delete(jobId);
          reject(new Error(`job ${jobId}: subscribe refused: ${ack.error.message}`));
        }
      });
    }).finally(() => clearTimeout(timer));
    return { jobId, sentAt, answeredAt, resultAt: preciseNow(), result, seqs: this.seqs.get(jobId) ?? [] };
  }

  close(): void {
    for (const waiter of this.waiters.values()) waiter.reject(new Error('client closed'));
    this.waiters.clear();
    this.socket.close();
  }

  private seen(event: { jobId: string; seq: number }): void {
    let list = this.seqs.get(event.jobId);
    if (list === undefined) {
      list = [];
      this.seqs.set(event.jobId, list);
    }
    list.push(event.seq);
  }
}

/**
 * Runs `count` jobs from `clients` at once (closed loop: each client sends its next job when the
 * last one is done). `body(i)` is job `i`. Returns the runs in order of `i`, and the elapsed seconds.
 */
export async function runClosedLoop(
  clients: BenchClient[],
  count: number,
  body: (i: number) => SubmitBody,
  options: { timeoutMs?: number; onDone?: (run: JobRun, i: number) => void } = {},
): Promise<{ runs: JobRun[]; seconds: number }> {
  const runs: JobRun[] = new Array<JobRun>(count);
  let next = 0;
  const started = preciseNow();
  await Promise.all(
    clients.map(async (client) => {
      while (next < count) {
        const i = next++;
        const run = await client.run(body(i), options.timeoutMs);
        runs[i] = run;
        options.onDone?.(run, i);
      }
    }),
  );
  return { runs, seconds: (preciseNow() - started) / 1000 };
}
