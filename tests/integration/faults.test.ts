/**
 * Faults under load: a few dozen submissions in flight from several Socket.IO clients while
 * (1) a worker process is killed with SIGKILL, (2) Redis is killed and started again, (3) the
 * API instance the clients are connected to is killed, (4) the database is cut off for 10 s.
 * Every accepted submission ends with its verdict (or INTERNAL_ERROR), each client stream gets
 * every event once, in order, with exactly one `result`, and what the database holds matches
 * what Redis holds. See docs/RESILIENCE.md.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { ApiServer } from '@arbiter/api';
import { createSubmissionQueue } from '@arbiter/queue';
import type { RunningWorker } from '@arbiter/worker';
import type { Verdict } from '@arbiter/contracts';
import {
  DATABASE_URL,
  REDIS_URL,
  USING_PGLITE,
  base,
  cleanup,
  connect,
  getStatus,
  listeningPort,
  post,
  spawnApp,
  startApi,
  startWorkerInProcess,
  submit,
  subscribe,
  testPrefix,
  testSql,
  waitFor,
  type ChildApp,
  type ClientSocket,
  type ReceivedEvent,
} from '../support/platform.js';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { scaledMs } from '../support/speed-factor.js';

/** Many submissions from one address: the rate limits would refuse most of them. */
const NO_LIMITS = { SUBMIT_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0' };

/** What each test started, stopped afterwards whatever happened. */
const teardown: { what: string; run: () => Promise<unknown>; doing?: () => string | null }[] = [];

/** `doing` names what a step that hangs is waiting on, for the failure message. */
function onTeardown(what: string, run: () => Promise<unknown>, doing?: () => string | null): void {
  teardown.push({ what, run, ...(doing === undefined ? {} : { doing }) });
}

/** A hang guard, not a speed check: closing BullMQ's connections can take seconds on a loaded machine. */
const TEARDOWN_STEP_MS = scaledMs(30_000);
/** Each test's own budget: its waits are scaled, so its timeout is too. */
const TEST_MS = scaledMs(120_000);

/** Undoes each test's setup, last first; a step that hangs is reported and left behind. */
afterEach(async () => {
  const stuck: string[] = [];
  for (const { what, run, doing } of teardown.splice(0).reverse()) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'stuck'>((resolve) => {
      timer = setTimeout(() => resolve('stuck'), TEARDOWN_STEP_MS);
    });
    const outcome = await Promise.race([run().catch(() => undefined), timeout]);
    clearTimeout(timer);
    if (outcome === 'stuck')
      stuck.push(doing === undefined ? what : `${what} (waiting on: ${doing() ?? '?'})`);
  }
  expect(stuck, `teardown steps that did not finish within ${TEARDOWN_STEP_MS} ms`).toEqual([]);
}, 4 * TEARDOWN_STEP_MS);

function spawned(app: ChildApp): ChildApp {
  onTeardown(`stop ${app.child.pid ?? 'a process'}`, async () => {
    if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
    await app.exited;
  });
  return app;
}

async function spawnApi(env: Record<string, string>): Promise<{ app: ChildApp; url: string }> {
  const app = spawned(await spawnApp('api', { PORT: '0', ...NO_LIMITS, ...env }, 'api listening'));
  return { app, url: `http://127.0.0.1:${listeningPort(app)}` };
}

async function spawnWorker(env: Record<string, string>): Promise<ChildApp> {
  return spawned(await spawnApp('worker', env, 'worker ready'));
}

async function inProcessApi(prefix: string, env: Record<string, string> = {}): Promise<ApiServer> {
  const api = await startApi(prefix, { ...NO_LIMITS, ...env });
  onTeardown(
    'close the in-process API',
    () => api.close(500),
    () => api.closingStep(),
  );
  return api;
}

async function inProcessWorker(prefix: string, env: Record<string, string>): Promise<RunningWorker> {
  const worker = await startWorkerInProcess(prefix, env);
  onTeardown('stop the in-process worker', () => worker.stop(500));
  return worker;
}

function newPrefix(): string {
  const prefix = testPrefix();
  onTeardown('drop the test data', () => cleanup(prefix));
  return prefix;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The load: a few programs with known verdicts, each sleeping a little so jobs stay in flight. */
const PROGRAMS: { body: Record<string, unknown>; verdict: Verdict }[] = [
  {
    body: {
      language: 'python',
      code: 'import time\ntime.sleep(0.3)\nprint(sum(map(int, input().split())))',
      stdin: '2 3',
      expectedOutput: '5',
    },
    verdict: 'ACCEPTED',
  },
  {
    body: {
      language: 'python',
      code: 'import time\ntime.sleep(0.3)\nprint(sum(map(int, input().split())))',
      stdin: '2 3',
      expectedOutput: '6',
    },
    verdict: 'WRONG_ANSWER',
  },
  {
    body: { language: 'python', code: 'import time\ntime.sleep(0.2)\nraise SystemExit(3)' },
    verdict: 'RUNTIME_ERROR',
  },
  { body: { language: 'python', code: 'print("quick")', expectedOutput: 'quick' }, verdict: 'ACCEPTED' },
];

interface Client {
  /** Its connections in order: a new one after a fail-over, the old one closed by then. */
  connections: { socket: ClientSocket; events: ReceivedEvent[] }[];
  /** jobId → the verdict its program should get. */
  jobs: Map<string, Verdict>;
}

/** Opens a (further) connection for the client to `apiUrl` and returns its socket. */
function reconnect(client: Client, apiUrl: string): ClientSocket {
  const connection = connect(apiUrl);
  onTeardown('close a client socket', async () => connection.socket.close());
  client.connections.push(connection);
  return connection.socket;
}

function newClient(apiUrl: string): Client {
  const client: Client = { connections: [], jobs: new Map() };
  reconnect(client, apiUrl);
  return client;
}

/** Everything the client received, over all its connections, in arrival order. */
function eventsOf(client: Client): ReceivedEvent[] {
  return client.connections.flatMap((connection) => connection.events);
}

function socketOf(client: Client): ClientSocket {
  const last = client.connections.at(-1);
  if (last === undefined) throw new Error('client without a connection');
  return last.socket;
}

/** `clients` clients each submit `perClient` jobs and subscribe to each, all clients at once. */
async function startLoad(apiUrl: string, clients: number, perClient: number): Promise<Client[]> {
  const all = Array.from({ length: clients }, () => newClient(apiUrl));
  await Promise.all(
    all.map(async (client, c) => {
      for (let i = 0; i < perClient; i += 1) {
        const program = PROGRAMS[(c + i) % PROGRAMS.length];
        if (program === undefined) throw new Error('no program');
        const jobId = await submit(apiUrl, program.body);
        client.jobs.set(jobId, program.verdict);
        await subscribe(socketOf(client), jobId);
      }
    }),
  );
  return all;
}

function resultsOf(client: Client): ReceivedEvent[] {
  return eventsOf(client).filter((e) => e.type === 'result');
}

async function allResults(clients: Client[], timeoutMs: number): Promise<void> {
  await waitFor(
    () =>
      clients.every((client) =>
        [...client.jobs.keys()].every((id) => resultsOf(client).some((e) => e.jobId === id)),
      ),
    timeoutMs,
    () => {
      const missing = clients.flatMap((client) =>
        [...client.jobs.keys()].filter((id) => !resultsOf(client).some((e) => e.jobId === id)),
      );
      return `no result for ${missing.length} jobs: ${missing.join(', ')}`;
    },
  );
}

/**
 * Each job's stream on each client: seq 1, 2, 3 … without gaps or repeats, ending with exactly one
 * `result` whose verdict is the program's (or INTERNAL_ERROR, when `internalErrorAllowed`).
 */
function checkStreams(clients: Client[], internalErrorAllowed: boolean): void {
  for (const client of clients) {
    for (const [jobId, verdict] of client.jobs) {
      const stream = eventsOf(client).filter((e) => e.jobId === jobId);
      expect(
        stream.map((e) => e.seq),
        `seqs of ${jobId}`,
      ).toEqual(stream.map((_, i) => i + 1));
      expect(
        stream.filter((e) => e.type === 'result'),
        `results of ${jobId}`,
      ).toHaveLength(1);
      const last = stream.at(-1);
      expect(last?.type).toBe('result');
      const got = last?.payload.verdict;
      if (internalErrorAllowed && got === 'INTERNAL_ERROR') continue;
      expect(got, `verdict of ${jobId}`).toBe(verdict);
    }
  }
}

/** Rows of the prefix's `submissions` table, once every one of `jobIds` (and no other) is final. */
async function finalRows(prefix: string, jobIds: string[], timeoutMs: number): Promise<Map<string, string>> {
  let rows = new Map<string, string>();
  await waitFor(
    async () => {
      const result = await testSql(prefix, 'select id, status, verdict from submissions');
      rows = new Map(
        result.rows.map((row: { id: string; verdict: string | null }) => [row.id, row.verdict ?? '']),
      );
      const final = result.rows.filter(
        (row: { status: string }) => row.status === 'completed' || row.status === 'failed',
      );
      return final.length === jobIds.length && rows.size === jobIds.length;
    },
    timeoutMs,
    () => `database rows: ${JSON.stringify([...rows])}, expected final rows for ${jobIds.length} jobs`,
  );
  expect([...rows.keys()].sort()).toEqual([...jobIds].sort());
  return rows;
}

function jobsOf(clients: Client[]): string[] {
  return clients.flatMap((client) => [...client.jobs.keys()]);
}

describe.skipIf(USING_PGLITE)('faults under load', () => {
  it(
    'a worker process killed with SIGKILL mid-job: every submission still ends, one result per stream',
    async () => {
      const prefix = newPrefix();
      const api = await inProcessApi(prefix);
      const url = base(api);
      // Quick stall checks so the dead worker's jobs move on within seconds.
      const workerEnv = {
        REDIS_PREFIX: prefix,
        WORKER_CONCURRENCY: '2',
        JOB_LOCK_MS: '1500',
        STALLED_INTERVAL_MS: '500',
      };
      const doomedId = `doomed-${prefix}`;
      const survivorId = `survivor-${prefix}`;
      const [doomed] = await Promise.all([
        spawnWorker({ ...workerEnv, WORKER_ID: doomedId }),
        spawnWorker({ ...workerEnv, WORKER_ID: survivorId }),
      ]);
      // First as many long jobs as both workers have slots, so each worker holds two of them.
      const holder = newClient(url);
      // Long enough that the kill lands mid-job even when a loaded machine delays the worker's log lines (the
      // test learns from them that a job is running) by a second or more; at most 30 s, well inside the wall
      // limit below (3 × 15 s + 1 s), however loaded the machine.
      const long = {
        language: 'python',
        code: `import time\ntime.sleep(${Math.min(scaledMs(5_000), 30_000) / 1_000})\nprint("slept")`,
        expectedOutput: 'slept',
        // Wall time is 3 × CPU + 1 s: room for the scaled sleep.
        limits: { timeMs: 15_000 },
      };
      for (let i = 0; i < 4; i += 1) {
        const jobId = await submit(url, long);
        holder.jobs.set(jobId, 'ACCEPTED');
        await subscribe(socketOf(holder), jobId);
      }
      const clients = [holder, ...(await startLoad(url, 4, 6))];

      // Killed while it runs long jobs (far from done when it dies).
      const logged = (message: string) =>
        doomed
          .output()
          .split('\n')
          .filter((line) => line.includes(`"${message}"`))
          .map((line) => (JSON.parse(line) as { jobId: string }).jobId);
      // Long jobs it started and had not finished (on a slow machine it may finish one before the kill).
      const runningThere = () => {
        const completed = new Set(logged('job completed'));
        return logged('job running').filter((jobId) => holder.jobs.has(jobId) && !completed.has(jobId));
      };
      await waitFor(
        () => runningThere().length > 0,
        20_000,
        () => `the doomed worker never ran a long job:\n${doomed.output()}`,
      );
      doomed.child.kill('SIGKILL');
      await doomed.exited;
      const orphaned = runningThere();

      await allResults(clients, scaledMs(60_000));
      checkStreams(clients, true);
      // The long jobs the dead worker was running are not handed to the survivor (one of them may be what
      // killed it): they end failed, with the reason; every other job is judged by the survivor.
      for (const jobId of orphaned) {
        const status = await getStatus(url, jobId);
        expect(status.body).toMatchObject({ status: 'failed', verdict: 'INTERNAL_ERROR' });
        expect(status.body.error).toMatch(/the worker judging it stopped while running it/);
      }
      expect(survivorId).toMatch(/^survivor-/);
      await finalRows(prefix, jobsOf(clients), 20_000);
    },
    TEST_MS,
  );

  it('Redis killed and started again: API and worker reconnect, queued jobs finish, submits meanwhile get 503', async () => {
    const prefix = newPrefix();
    const redis: PrivateRedis = await startPrivateRedis();
    onTeardown('dispose of the private Redis', () => redis.dispose());
    const env = { REDIS_URL: redis.url, REDIS_PREFIX: prefix };
    // A crash can swallow the reply to a command Redis did run: a job handed to the worker that
    // never heard of it waits for its lock to lapse and the stall check. Quick ones here.
    const workerEnv = { ...env, WORKER_CONCURRENCY: '2', JOB_LOCK_MS: '2000', STALLED_INTERVAL_MS: '1000' };
    const [{ url }] = await Promise.all([spawnApi(env), spawnWorker(workerEnv)]);
    const clients = await startLoad(url, 3, 8);
    // Some done, most still queued or running.
    await waitFor(
      () => clients.reduce((sum, client) => sum + resultsOf(client).length, 0) >= 3,
      20_000,
      () => 'no job finished before the restart',
    );

    await redis.stop();
    const stoppedAt = Date.now();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = Date.now();
      const answer = await post(url, '/submit', PROGRAMS[3]?.body);
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: expect.stringMatching(/not reachable.*nothing was saved/),
        },
      });
      // Refused at once rather than held until Redis is back (scaled: the machine may be busy).
      expect(Date.now() - started).toBeLessThan(scaledMs(3_000));
    }
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready', redis: 'unreachable' });
    await sleep(Math.max(0, 2_000 - (Date.now() - stoppedAt)));
    await redis.start();

    await allResults(clients, scaledMs(40_000));
    checkStreams(clients, false);
    const after = await submit(url, PROGRAMS[3]?.body);
    // Every accepted submission, and only those (the refused ones left no row), is saved. A result
    // whose hand-out to the API was swallowed by the crash stays pending until an `XAUTOCLAIM` pass
    // takes it over (15 s idle), hence the long wait allowed here.
    await finalRows(prefix, [...jobsOf(clients), after], 70_000);
  }, 120_000);

  it(
    'the API a client is connected to is killed: the client resumes on another API with every event once, in order',
    async () => {
      const prefix = newPrefix();
      await inProcessWorker(prefix, { WORKER_CONCURRENCY: '3' });
      const [a, b] = await Promise.all([
        spawnApi({ REDIS_PREFIX: prefix }),
        spawnApi({ REDIS_PREFIX: prefix }),
      ]);
      const lines = Array.from({ length: 30 }, (_, i) => `${i}\n`).join('');
      const watcher = newClient(a.url);
      const long = await submit(a.url, {
        language: 'python',
        // Three seconds of output on the reference machine, longer on a slower one: the kill lands mid-stream.
        code: `import time\nfor i in range(30):\n    print(i, flush=True)\n    time.sleep(${scaledMs(100) / 1_000})`,
        expectedOutput: lines,
        limits: { timeMs: 15_000 },
      });
      watcher.jobs.set(long, 'ACCEPTED');
      await subscribe(socketOf(watcher), long);
      const onA = [watcher, ...(await startLoad(a.url, 3, 4))];
      const onB = await startLoad(b.url, 1, 4);

      await waitFor(
        () => eventsOf(watcher).filter((e) => e.type === 'log').length >= 5,
        20_000,
        () => `the long job did not get going: ${JSON.stringify(eventsOf(watcher))}`,
      );
      a.app.child.kill('SIGKILL');
      await a.app.exited;

      // Each client on A reconnects to B and resumes every unfinished job after the last seq it saw.
      await Promise.all(
        onA.map(async (client) => {
          const dropped = socketOf(client);
          if (dropped.connected) await new Promise((resolve) => dropped.once('disconnect', resolve));
          const seen = eventsOf(client);
          const next = reconnect(client, b.url);
          for (const jobId of client.jobs.keys()) {
            const mine = seen.filter((e) => e.jobId === jobId);
            if (mine.some((e) => e.type === 'result')) continue;
            await subscribe(next, jobId, mine.at(-1)?.seq ?? 0);
          }
        }),
      );

      await allResults([...onA, ...onB], scaledMs(40_000));
      checkStreams([...onA, ...onB], false);
      const output = eventsOf(watcher)
        .filter((e) => e.type === 'log' && e.payload.stream === 'stdout')
        .map((e) => e.payload.chunk)
        .join('');
      expect(output).toBe(lines);
      // The resumed stream really spans both instances.
      expect(watcher.connections.map((connection) => connection.events.length)).toEqual([
        expect.any(Number),
        expect.any(Number),
      ]);
      expect(watcher.connections.every((connection) => connection.events.length > 0)).toBe(true);
    },
    TEST_MS,
  );

  it(
    'the database cut off for 10 s: submits get 503 at once, nothing is half-written, everything accepted is saved',
    async () => {
      const prefix = newPrefix();
      const target = new URL(DATABASE_URL);
      const proxy: TcpProxy = await startTcpProxy({
        host: target.hostname,
        port: Number(target.port || 5432),
      });
      onTeardown('close the proxy', () => proxy.close());
      const proxied = new URL(DATABASE_URL);
      proxied.host = `127.0.0.1:${proxy.port}`;
      const api = await inProcessApi(prefix, { DATABASE_URL: proxied.toString() });
      const url = base(api);
      await inProcessWorker(prefix, { WORKER_CONCURRENCY: '2' });
      const clients = await startLoad(url, 3, 8);
      const accepted = jobsOf(clients);

      proxy.cut();
      const cutAt = Date.now();
      // The cut lasts at least 10 s and five refused submits, however slow the machine is.
      let refused = 0;
      while (refused < 5 || Date.now() - cutAt < 10_000) {
        const started = Date.now();
        const answer = await post(url, '/submit', PROGRAMS[3]?.body);
        expect(answer.status).toBe(503);
        expect(answer.body).toMatchObject({
          error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/database is not reachable/) },
        });
        expect(Date.now() - started).toBeLessThan(scaledMs(3_500));
        refused += 1;
        expect((await fetch(`${url}/health`)).status).toBe(200);
        const ready = await fetch(`${url}/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({
          status: 'not ready',
          redis: 'ok',
          database: 'unreachable',
        });
        // A job Redis holds is still answered (from Redis) while the database is away.
        const status = await getStatus(url, accepted[accepted.length - 1] ?? '');
        expect(status.status).toBe(200);
        await sleep(1_000);
      }
      proxy.restore();

      // Back at once: the pool opens new connections on demand.
      const after = await submit(url, PROGRAMS[3]?.body);
      await allResults(clients, scaledMs(40_000));
      checkStreams(clients, false);
      // Results that finished during the cut stayed pending on the results stream and were tried again until they landed.
      const rows = await finalRows(prefix, [...accepted, after], scaledMs(40_000));
      for (const client of clients) {
        for (const [jobId, verdict] of client.jobs) expect(rows.get(jobId), jobId).toBe(verdict);
      }

      // Nothing half-written: every row has its Redis record and its queue job, and the reverse.
      const redis = new Redis(REDIS_URL);
      onTeardown('disconnect from Redis', async () => redis.disconnect());
      const records = new Set<string>();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:job:*`, 'COUNT', 1000);
        cursor = next;
        for (const key of keys) records.add(/\{(.+)\}$/.exec(key)?.[1] ?? key);
      } while (cursor !== '0');
      const queue = createSubmissionQueue({ connection: redis, prefix });
      onTeardown('close the queue', () => queue.close());
      const queued = new Set(
        (await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed', 'prioritized'])).map(
          (job) => job.id,
        ),
      );
      const saved = [...rows.keys()].sort();
      expect([...records].sort()).toEqual(saved);
      expect([...queued].sort()).toEqual(saved);
    },
    TEST_MS,
  );
});
