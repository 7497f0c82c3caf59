/**
 * A whole platform for a benchmark: one API process and N worker processes (spawned as
 * `tests/support/platform.ts` spawns them) on a Redis of its own (so other suites running on the
 * machine neither share its keys nor its command counts) and the machine's PostgreSQL under a
 * private schema, plus samplers of their memory and CPU.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { cleanup, spawnApp, testPrefix, waitFor, type ChildApp } from '../../tests/support/platform.js';

export interface PlatformOptions {
  /** Worker processes. */
  workers: number;
  /** Jobs each worker runs at once (`WORKER_CONCURRENCY`). */
  concurrency: number;
  /** `bwrap` (default) or `none`. */
  sandbox?: string;
  /** A catalog of problems other than `problems/` (`PROBLEMS_DIR`, for the API and the workers). */
  problemsDir?: string;
  apiEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
  /** Run the API and workers of another checkout (with its dependencies installed), to compare. */
  root?: string;
}

export interface Platform {
  prefix: string;
  /** The platform's own Redis: its URL and its server process. */
  redisUrl: string;
  redis: ChildProcess;
  /** `http://127.0.0.1:<port>` of the API. */
  url: string;
  api: ChildApp;
  workers: ChildApp[];
  /** Stops every process and removes the prefix's keys and schema. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts a redis-server of our own, without persistence, and waits until it answers. */
export async function startRedis(): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined); // refused until the server listens
  try {
    await waitFor(
      () =>
        probe.connect().then(
          () => true,
          () => false,
        ),
      10_000,
      () => 'redis-server did not start (apt-get install -y redis-server)',
    );
  } finally {
    probe.disconnect();
  }
  return { url, server };
}

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const prefix = testPrefix();
  const children: ChildApp[] = [];
  const redis = await startRedis();
  const redisEnv = { REDIS_URL: redis.url };
  const catalog: Record<string, string> =
    options.problemsDir === undefined ? {} : { PROBLEMS_DIR: options.problemsDir };
  const stop = async () => {
    for (const child of [...children].reverse()) {
      if (child.child.exitCode === null) child.child.kill('SIGTERM');
      await child.exited;
    }
    redis.server.kill('SIGTERM');
    await cleanup(prefix);
  };
  try {
    const api = await spawnApp(
      'api',
      {
        ...redisEnv,
        REDIS_PREFIX: prefix,
        PORT: '0',
        LOG_LEVEL: 'info',
        // Benchmark clients send far more than people would.
        SUBMIT_RATE_PER_MINUTE_IP: '0',
        SUBMIT_RATE_PER_MINUTE_USER: '0',
        AUTH_RATE_PER_MINUTE_IP: '0',
        SIGNUP_RATE_PER_HOUR_IP: '0',
        ...catalog,
        ...options.apiEnv,
      },
      'api listening',
      options.root,
    );
    children.push(api);
    const workers = await Promise.all(
      Array.from({ length: options.workers }, (_, w) =>
        spawnApp(
          'worker',
          {
            ...redisEnv,
            REDIS_PREFIX: prefix,
            SANDBOX: options.sandbox ?? 'bwrap',
            ALLOW_UNSANDBOXED: options.sandbox === 'none' ? 'true' : 'false',
            WORKER_CONCURRENCY: String(options.concurrency),
            LOG_LEVEL: 'info',
            WORKER_ID: `bench-${prefix}-${w}`,
            ...catalog,
            ...options.workerEnv,
          },
          'worker ready',
          options.root,
        ).then((worker) => {
          children.push(worker);
          return worker;
        }),
      ),
    );
    const port = /"port":(\d+)/.exec(api.output())?.[1];
    if (port === undefined) throw new Error(`the API did not say its port:\n${api.output()}`);
    return {
      prefix,
      redisUrl: redis.url,
      redis: redis.server,
      url: `http://127.0.0.1:${port}`,
      api,
      workers,
      stop,
    };
  } catch (error) {
    for (const child of children) console.error(child.output().split('\n').slice(-15).join('\n'));
    await stop();
    throw error;
  }
}

/** Waits until every worker has its precompiled C++ header (built once per host, then reused). */
export async function waitForPrecompiledHeader(platform: Platform, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !platform.workers.every((w) =>
      /precompiled C\+\+ header ready|could not build the precompiled/.test(w.output()),
    )
  ) {
    if (Date.now() > deadline) throw new Error('the precompiled C++ header was not ready in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resident memory of a process, in MiB (NaN once it is gone). */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? NaN : Number(kb) / 1024;
  } catch {
    return NaN;
  }
}

/** Samples the resident memory of some processes every `everyMs` until stopped. */
export class MemorySampler {
  readonly samples: Array<{ at: number; mb: number[] }> = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: Array<number | undefined>,
    everyMs = 1_000,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  sample(): void {
    this.samples.push({ at: Date.now(), mb: this.pids.map(rssMb) });
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time a process has used so far (user + system), in ms; NaN once it is gone. */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    // Fields after the command (which may hold spaces) start at the state, field 3.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** CPU time the whole machine has spent busy (every core, everything but idle and iowait), in ms. */
export function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, ...ticks] = line.trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}

/** Redis commands served so far (`INFO commandstats`, every command). */
export async function redisCommands(url: string): Promise<number> {
  const redis = new Redis(url);
  try {
    const info = await redis.info('commandstats');
    let total = 0;
    for (const match of info.matchAll(/calls=(\d+)/g)) total += Number(match[1]);
    return total;
  } finally {
    redis.disconnect();
  }
}

/**
 * CPU time the sandboxed runs of the platform's workers have used so far (programs, compilers, and
 * the sandbox's own shell and bubblewrap), in ms, from each worker's cgroup folder (cgroup v1
 * `cpuacct`; NaN where it cannot be read).
 */
export function sandboxCpuMs(platform: Platform): number {
  let total = 0;
  for (const worker of platform.workers) {
    const instance = /"instance":(\d+)[^\n]*sandbox ready/.exec(worker.output())?.[1];
    if (instance === undefined) return NaN;
    try {
      total += Number(readFileSync(`/sys/fs/cgroup/cpuacct/arbiter-${instance}/cpuacct.usage`, 'utf8')) / 1e6;
    } catch {
      return NaN;
    }
  }
  return total;
}
