/**
 * Starts real pieces of the platform for tests: API instances and workers (in-process or
 * as child processes) on the machine's Redis, each test under its own key prefix, and
 * clients that speak HTTP and Socket.IO to them.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { rm } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { openDatabase, type Database } from '@arbiter/db';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import {
  apiEnvSchema,
  workerEnvSchema,
  type ClientToServerEvents,
  type JobResult,
  type ServerToClientEvents,
} from '@arbiter/contracts';
import { startApiServer, type ApiServer } from '@arbiter/api';
import { startWorker, type RunningWorker, type StartWorkerOverrides } from '@arbiter/worker';
import { createLogger } from '@arbiter/observability';
import { TEST_WORKER_ENV } from './worker-env.js';

export { TEST_WORKER_ENV };
import { spawnOwned } from './owned-processes.js';
import { scaledMs } from './speed-factor.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The machine's PostgreSQL; every test prefix gets a schema of its own (see `databaseEnv`). */
export const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Which database the suites run against: PostgreSQL (default) or embedded PGlite
 * (`TEST_DATABASE=pglite`; one API process at a time per data folder).
 */
export const USING_PGLITE = process.env.TEST_DATABASE === 'pglite';

/** Database settings of the API instances of one test prefix: one PostgreSQL schema, or one PGlite folder. */
export function databaseEnv(prefix: string): Record<string, string> {
  return USING_PGLITE ? { DATA_DIR: dataDirOf(prefix) } : { DATABASE_URL, DATABASE_SCHEMA: schemaOf(prefix) };
}

function dataDirOf(prefix: string): string {
  return join(tmpdir(), `arbiter-test-${prefix}`);
}

/** Opens the test prefix's database directly (with PGlite: only while no API holds it). */
export function openTestDatabase(prefix: string): Promise<Database> {
  return USING_PGLITE
    ? openDatabase({ dataDir: join(dataDirOf(prefix), 'pglite') })
    : openDatabase({ url: DATABASE_URL, schema: schemaOf(prefix) });
}

/** Runs one SQL statement in the test prefix's PostgreSQL schema (not for PGlite runs). */
export async function testSql(prefix: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({
    connectionString: DATABASE_URL,
    options: `-c search_path=${schemaOf(prefix)}`,
  });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

function schemaOf(prefix: string): string {
  return `t_${prefix.replace(/[^a-z0-9]/g, '_')}`;
}
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const silent = createLogger({
  service: 'test',
  level: process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent',
});

export function testPrefix(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

export async function startApi(prefix: string, env: Record<string, string> = {}): Promise<ApiServer> {
  return startApiServer(
    apiEnvSchema.parse({
      REDIS_URL,
      REDIS_PREFIX: prefix,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      ...databaseEnv(prefix),
      ...env,
    }),
    silent,
  );
}

export async function startWorkerInProcess(
  prefix: string,
  env: Record<string, string> = {},
  overrides: StartWorkerOverrides = {},
): Promise<RunningWorker> {
  return startWorker(
    workerEnvSchema.parse({
      REDIS_URL,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      ...TEST_WORKER_ENV,
      ...env,
    }),
    silent,
    overrides,
  );
}

export interface ChildApp {
  child: ChildProcess;
  /** Everything the process logged so far. */
  output(): string;
  /** Resolves with the exit code once it exits. */
  exited: Promise<number | null>;
}

/**
 * Runs `apps/<app>/src/main.ts` as its own process and waits until its log says `readyLine`.
 * The process (and its process group) dies with the test process (see owned-processes.ts).
 * `root` is the checkout to run it from (benchmarks compare another one against this one).
 */
export async function spawnApp(
  app: 'api' | 'worker',
  env: Record<string, string>,
  readyLine: string,
  root = ROOT,
): Promise<ChildApp> {
  const child = spawnOwned(process.execPath, ['--import', 'tsx', `apps/${app}/src/main.ts`], {
    cwd: root,
    env: {
      ...process.env,
      REDIS_URL,
      LOG_LEVEL: 'info',
      ...(app === 'worker' ? TEST_WORKER_ENV : databaseEnv(env.REDIS_PREFIX ?? 'default')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    // Generous: a worker probes 30-odd toolchains and self-tests its sandbox first, on a machine shared with
    // other suites (at load average 20 on two cores that alone took over a minute); scaled by the speed factor.
    await waitFor(
      () => output.includes(readyLine),
      scaledMs(60_000),
      () => `${app} did not start:\n${output}`,
    );
  } catch (error) {
    // Never leave the process behind when the caller gets no handle to stop it.
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return { child, output: () => output, exited };
}

export async function cleanup(prefix: string): Promise<void> {
  await rm(dataDirOf(prefix), { recursive: true, force: true });
  // With PGlite the data folder was the database (and there may be no PostgreSQL at all, as in the guest of
  // test:cgroup-v2).
  if (!USING_PGLITE) {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schemaOf(prefix)} CASCADE`).finally(() => client.end());
  }
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Polls `check` until it holds. The pause between polls scales with the start-up factor: on a slow machine
 * (a User-Mode Linux guest with one CPU) a poll through the API costs much CPU, and polling every 25 ms
 * there left a busy loop under test a third of the CPU.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  message: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pauseMs = scaledMs(25);
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

export async function post(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export async function submit(base: string, body: unknown): Promise<string> {
  const answer = await post(base, '/submit', body);
  if (answer.status !== 202)
    throw new Error(`submit answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return (answer.body as { jobId: string }).jobId;
}

export async function getStatus(
  base: string,
  jobId: string,
  cookie?: string,
): Promise<HttpAnswer<JobResult>> {
  const response = await fetch(`${base}/status/${jobId}`, {
    headers: cookie === undefined ? {} : { cookie },
  });
  return { status: response.status, body: (await response.json()) as JobResult };
}

/** Polls `GET /status` until the job is finished (with the owner's session cookie for a signed-in user's job). */
export async function waitForResult(
  base: string,
  jobId: string,
  timeoutMs = 20_000,
  cookie?: string,
): Promise<JobResult> {
  let last: JobResult | null = null;
  await waitFor(
    async () => {
      last = (await getStatus(base, jobId, cookie)).body;
      return last.status === 'completed' || last.status === 'failed';
    },
    timeoutMs,
    () => `job ${jobId} did not finish: ${JSON.stringify(last)}`,
  );
  if (last === null) throw new Error('unreachable');
  return last;
}

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A received socket event, flattened: its name and payload. */
export interface ReceivedEvent {
  type: 'status' | 'log' | 'test' | 'stage' | 'result';
  seq: number;
  jobId: string;
  payload: Record<string, unknown>;
}

/** A Socket.IO client that records every event it receives. */
export function connect(base: string, cookie?: string): { socket: ClientSocket; events: ReceivedEvent[] } {
  const socket: ClientSocket = io(base, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(cookie === undefined ? {} : { extraHeaders: { cookie } }),
  });
  const events: ReceivedEvent[] = [];
  for (const type of ['status', 'log', 'test', 'stage', 'result'] as const) {
    socket.on(type, (payload: { seq: number; jobId: string }) => {
      events.push({
        type,
        seq: payload.seq,
        jobId: payload.jobId,
        payload: payload as unknown as Record<string, unknown>,
      });
    });
  }
  return { socket, events };
}

export async function subscribe(socket: ClientSocket, jobId: string, after?: number): Promise<void> {
  if (!socket.connected) await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const answer = await socket
    .timeout(5_000)
    .emitWithAck('subscribe', after === undefined ? { jobId } : { jobId, after });
  if (!answer.ok) throw new Error(`subscribe refused: ${answer.error.message}`);
}

/** Signs a new user up and returns the session cookie (`name=value`) to send with requests. */
export async function signUp(
  base: string,
  username: string,
  password = 'a long enough secret',
): Promise<string> {
  const response = await fetch(`${base}/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 201 || cookie === undefined) {
    throw new Error(`sign-up of ${username} answered ${response.status}: ${await response.text()}`);
  }
  return cookie;
}

export function base(server: ApiServer): string {
  return `http://127.0.0.1:${server.port}`;
}

/** The port a spawned API logged in its `api listening` line. */
export function listeningPort(app: ChildApp): number {
  const line = app
    .output()
    .split('\n')
    .find((entry) => entry.includes('"api listening"'));
  const port = line === undefined ? undefined : (JSON.parse(line) as { port?: unknown }).port;
  if (typeof port !== 'number') throw new Error(`no "api listening" line with a port:\n${app.output()}`);
  return port;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or null when it is not JSON (or empty). */
  body: unknown;
  text: string;
}

/**
 * Sends one request exactly as given, for hostile-input tests: the path is not normalised or
 * re-encoded (fetch would resolve `..` and escape characters), the body is any bytes.
 */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      {
        host: hostname,
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: {
          ...(body === undefined ? {} : { 'content-length': String(body.length) }),
          ...options.headers,
        },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = null;
          try {
            parsed = text === '' ? null : JSON.parse(text);
          } catch {
            parsed = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
        });
      },
    );
    // The server may answer (413, 431) and close before it has read the whole body: wait for
    // that answer a moment before calling the broken connection a failure.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      else setTimeout(() => answered || reject(error), 2_000);
    });
    req.end(body);
  });
}
