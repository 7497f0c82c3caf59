/**
 * The floor of CPU per job: what each building block of a job costs on this machine bare, measured with
 * the kernel's counters as `bench:cpu-per-job` does, beside what the platform spends on it. The blocks: process creation (fork + exec of a static
 * no-op and of /bin/true, and the bare `python3 -S -c "print(1)"`, from a shell loop: the shell's `times`);
 * bubblewrap with the sandbox's own argv (`bwrapArgs`, as the cell's kind of unprivileged uid, started
 * from a shell, no cgroup, no tmpfs reset, no spawner) and with the same namespaces but only `/usr`
 * bound; BullMQ with a no-op processor on a private redis-server (producer and worker in this process,
 * `process.cpuUsage`; Redis from `INFO cpu`); Express 5 with one POST route parsing JSON and a zod schema
 * (its own process, /proc/<pid>/stat); Socket.IO delivering one event to a subscribed client (its own
 * process); PostgreSQL, one INSERT and one UPDATE per job with `pg` (the backends from /proc, the client
 * from `process.cpuUsage`).
 *
 * The platform's side is measured in the same run first (`bench:cpu-per-job -- --jobs 200 --no-write`,
 * so that both sides see the machine at the same speed); `--quick` takes it from docs/PERFORMANCE.md.
 *
 *   npm run bench:cpu-floor -- [--quick] [--no-write]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { io } from 'socket.io-client';
import { bwrapArgs, hostLayout, shQuote } from '../packages/sandbox/src/bwrap-args.js';
import { buildNativeTools, installNativeTools } from '../packages/sandbox/src/native-tools.js';
import { DATABASE_URL, ROOT } from '../tests/support/platform.js';
import { jobsPerSecondCeiling, ratio, readPlatformCpu, type PlatformCpu } from './support/floor-table.js';
import { cpuMs, startRedis } from './support/platform.js';
import { LoadWatch, PERFORMANCE_DOC, publish, type Table } from './support/report.js';
import { ms } from './support/stats.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const QUICK = values.quick ?? false;
const scale = (n: number) => (QUICK ? Math.max(20, Math.round(n / 10)) : n);
const PROCESS_RUNS = scale(300);
const QUEUE_JOBS = scale(3000);
const HTTP_REQUESTS = scale(3000);
const SOCKET_EVENTS = scale(10_000);
const DB_JOBS = scale(2000);
/** The cpu-per-job run measured beside the floors (its table's own batch). */
const PLATFORM_JOBS = 200;
/** As cpu-per-job: 8 clients in a closed loop, the worker's 2 slots. */
const CLIENTS = 8;
const CONCURRENCY = 2;
/** An unprivileged uid for bubblewrap, as the sandbox's cells have (no cell uses it). */
const CELL_UID = 65534;
const PYTHON = ['/usr/bin/python3', '-S', '-c', 'print(1)'];

/** Node's own CPU so far (user + system), in ms. */
function selfCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU per run of `command` (a shell command line) run `runs` times in a loop by /bin/sh (as `uid` if
 * given), in ms: the children's times from the shell's `times`, after 5 runs untimed. Throws if a run fails.
 */
function shellLoopCpuMs(command: string, runs: number, uid?: number): number {
  const loop = (n: number) =>
    `i=0; while [ $i -lt ${n} ]; do ${command} >/dev/null || exit 97; i=$((i + 1)); done`;
  const script = `${loop(5)}\ntimes\n${loop(runs)}\ntimes`;
  const argv =
    uid === undefined
      ? ['/bin/sh', '-c', script]
      : ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', '/bin/sh', '-c', script];
  const result = spawnSync(argv[0] ?? '', argv.slice(1), { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0)
    throw new Error(`${command}: exit ${result.status}: ${result.stderr.slice(0, 500)}`);
  // `times` prints two lines: the shell's own, then its reaped children's (user, system).
  const lines = result.stdout.trim().split('\n');
  const children = (line: string | undefined) =>
    [...(line ?? '').matchAll(/(\d+)m([\d.]+)s/g)].reduce(
      (sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000,
      0,
    );
  return (children(lines.at(-1)) - children(lines.at(-3))) / runs;
}

/** Process creation and bubblewrap, from a shell loop each. */
interface ProcessRows {
  helper: number;
  true: number;
  python: number;
  pythonUnprivileged: number;
  bwrapFull: number;
  bwrapMinimal: number;
  bwrapUserMount: number;
}

async function processRows(): Promise<ProcessRows> {
  const root = mkdtempSync(join(tmpdir(), 'cpu-floor-'));
  try {
    const { helperPath, seccompPath } = installNativeTools(await buildNativeTools(), root);
    const boxDir = mkdtempSync(join(root, 'box-'));
    const ioDir = mkdtempSync(join(root, 'io-'));
    for (const dir of [root, boxDir, ioDir]) chownSync(dir, CELL_UID, CELL_UID);
    const layout = hostLayout();
    const inside = ['/bin/sh', '-c', PYTHON.map(shQuote).join(' ')];
    const full = bwrapArgs({
      layout,
      boxDir,
      ioDir,
      tmpBytes: 64 << 20,
      shmBytes: 64 << 20,
      seccompFd: 4,
      command: inside,
    });
    const usrOnly = [
      '--ro-bind',
      '/usr',
      '/usr',
      ...layout.symlinks.flatMap(([target, link]) => ['--symlink', target, link]),
      '--',
      ...inside,
    ];
    const minimal = [
      ...['--unshare-all', '--unshare-user', '--disable-userns', '--as-pid-1', '--die-with-parent'],
      ...['--new-session', '--clearenv'],
      ...usrOnly,
    ];
    // Only the user and mount namespaces bubblewrap needs to mount anything at all.
    const userMount = ['--unshare-user', '--die-with-parent', '--clearenv', ...usrOnly];
    const bwrap = (args: string[]) => ['bwrap', ...args].map(shQuote).join(' ');
    // The static helper with no arguments prints its usage and exits 2: a static program's start and exit.
    const helper = `${shQuote(helperPath)} 2>/dev/null || true`;
    return {
      helper: shellLoopCpuMs(helper, PROCESS_RUNS),
      true: shellLoopCpuMs('/bin/true', PROCESS_RUNS),
      python: shellLoopCpuMs(PYTHON.map(shQuote).join(' '), PROCESS_RUNS),
      pythonUnprivileged: shellLoopCpuMs(PYTHON.map(shQuote).join(' '), PROCESS_RUNS, CELL_UID),
      bwrapFull: shellLoopCpuMs(`${bwrap(full)} 4<${shQuote(seccompPath)}`, PROCESS_RUNS, CELL_UID),
      bwrapMinimal: shellLoopCpuMs(bwrap(minimal), PROCESS_RUNS, CELL_UID),
      bwrapUserMount: shellLoopCpuMs(bwrap(userMount), PROCESS_RUNS, CELL_UID),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Redis's own CPU so far (`INFO cpu`), in ms. */
async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

/** Runs `jobs` calls of `one` with `lanes` in flight at a time. */
async function closedLoop(jobs: number, lanes: number, one: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < jobs) await one(next++);
    }),
  );
}

/** BullMQ, a no-op processor: Node (producer + worker, this process) and Redis CPU per job. */
async function queueRows(): Promise<{ node: number; redis: number }> {
  const server = await startRedis();
  const connection = { url: server.url, maxRetriesPerRequest: null };
  const queue = new Queue('floor', { connection, prefix: 'floor' });
  const waiting = new Map<string, () => void>();
  const worker = new Worker('floor', async () => ({ ok: true }), {
    connection,
    prefix: 'floor',
    concurrency: CONCURRENCY,
  });
  worker.on('completed', (job) => waiting.get(job.id ?? '')?.());
  const probe = new Redis(server.url);
  try {
    await worker.waitUntilReady();
    const one = async () => {
      const done = new Promise<void>((resolve) => {
        void queue
          .add(
            'job',
            { submissionId: crypto.randomUUID(), mode: 'run' },
            { priority: 1, attempts: 3, removeOnComplete: { age: 3600 }, removeOnFail: { age: 3600 } },
          )
          .then((job) => waiting.set(job.id ?? '', resolve));
      });
      await done;
    };
    await closedLoop(CLIENTS * 4, CLIENTS, one);
    const node0 = selfCpuMs();
    const redis0 = await redisCpuMs(probe);
    await closedLoop(QUEUE_JOBS, CLIENTS, one);
    const node = selfCpuMs() - node0;
    const redis = (await redisCpuMs(probe)) - redis0;
    return { node: node / QUEUE_JOBS, redis: redis / QUEUE_JOBS };
  } finally {
    probe.disconnect();
    await worker.close();
    await queue.close();
    server.server.kill('SIGTERM');
  }
}

/** Starts bench/support/floor-server.ts of `kind`; resolves with the process and its port. */
async function startServer(kind: 'http' | 'socket'): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/support/floor-server.ts'), kind],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /port (\d+)/.exec(out)?.[1];
      if (found !== undefined) resolve(Number(found));
    });
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited (${code})`)));
  });
  return { child, port };
}

/** Express 5 + zod: the server's CPU per POST, the same `fetch` the bench clients use. */
async function httpRow(): Promise<number> {
  const { child, port } = await startServer('http');
  try {
    const body = JSON.stringify({ language: 'python', code: 'print(1)' });
    const one = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (response.status !== 202) throw new Error(`HTTP ${response.status}`);
      await response.arrayBuffer();
    };
    await closedLoop(CLIENTS * 20, CLIENTS, one);
    const before = cpuMs(child.pid);
    await closedLoop(HTTP_REQUESTS, CLIENTS, one);
    return (cpuMs(child.pid) - before) / HTTP_REQUESTS;
  } finally {
    child.kill('SIGTERM');
  }
}

/** Socket.IO: the server's CPU per event delivered to one subscribed client (websocket, as the benches). */
async function socketRow(): Promise<number> {
  const { child, port } = await startServer('socket');
  const socket = io(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const burst = (n: number) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        const on = () => {
          seen += 1;
          if (seen === n) {
            socket.off('result', on);
            resolve();
          }
        };
        socket.on('result', on);
        socket.emit('emit', n);
      });
    await burst(200);
    const before = cpuMs(child.pid);
    await burst(SOCKET_EVENTS);
    return (cpuMs(child.pid) - before) / SOCKET_EVENTS;
  } finally {
    socket.close();
    child.kill('SIGTERM');
  }
}

/** PostgreSQL: one INSERT and one UPDATE per job with `pg`; backend and client CPU per job. */
async function databaseRows(): Promise<{ backend: number; client: number }> {
  const table = `cpu_floor_${process.pid}`;
  const clients = Array.from(
    { length: CONCURRENCY },
    () => new pg.Client({ connectionString: DATABASE_URL }),
  );
  for (const client of clients) await client.connect();
  const [first] = clients;
  if (first === undefined) throw new Error('no client');
  try {
    await first.query(
      `create table ${table} (id uuid primary key, user_id text not null, language text not null, code text not null,
        status text not null, result jsonb, created_at timestamptz not null default now(), finished_at timestamptz)`,
    );
    const pids: number[] = [];
    for (const client of clients)
      pids.push((await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? NaN);
    let lane = 0;
    const one = async () => {
      const client = clients[lane++ % clients.length];
      if (client === undefined) throw new Error('no client');
      const id = crypto.randomUUID();
      await client.query(
        `insert into ${table} (id, user_id, language, code, status) values ($1, $2, $3, $4, 'queued')`,
        [id, 'user-1', 'python', 'print(1)'],
      );
      await client.query(
        `update ${table} set status = 'completed', result = $2, finished_at = now() where id = $1`,
        [id, JSON.stringify({ status: 'completed', stdout: '1\n', timeMs: 7, memoryKb: 9000 })],
      );
    };
    await closedLoop(50, CONCURRENCY, one);
    const backend0 = pids.map(cpuMs);
    const client0 = selfCpuMs();
    await closedLoop(DB_JOBS, CONCURRENCY, one);
    const client = selfCpuMs() - client0;
    const backend = pids.reduce((s, pid, i) => s + cpuMs(pid) - (backend0[i] ?? NaN), 0);
    return { backend: backend / DB_JOBS, client: client / DB_JOBS };
  } finally {
    await first.query(`drop table if exists ${table}`).catch(() => undefined);
    for (const client of clients) await client.end();
  }
}

/** The platform's CPU per job: a cpu-per-job run now (its printed table), or with `--quick` the doc's table. */
function platformCpu(): PlatformCpu {
  let text: string;
  if (QUICK) {
    text = readFileSync(PERFORMANCE_DOC, 'utf8');
  } else {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench/cpu-per-job.ts'), '--jobs', String(PLATFORM_JOBS), '--no-write'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    if (run.status !== 0) throw new Error(`bench:cpu-per-job failed: ${run.stderr.slice(-2000)}`);
    text = run.stdout;
  }
  const found = readPlatformCpu(text);
  if (found === null) throw new Error('no cpu-per-job table to compare with');
  return found;
}

async function main(): Promise<void> {
  const load = new LoadWatch();
  const platform = platformCpu();
  const proc = await processRows();
  const queue = await queueRows();
  const http = await httpRow();
  const socket = await socketRow();
  const db = await databaseRows();
  // bubblewrap's own share: the run under it minus the same program run bare by the same uid.
  const bwrapFull = proc.bwrapFull - proc.pythonUnprivileged;
  const bwrapMinimal = proc.bwrapMinimal - proc.pythonUnprivileged;
  const bwrapUserMount = proc.bwrapUserMount - proc.pythonUnprivileged;
  const node = queue.node + http + socket + db.client;
  const floors = bwrapFull + queue.node + queue.redis + http + socket + db.backend + db.client;
  const platformTotal =
    platform.api + platform.worker + platform.redis + platform.database + platform.sandbox;
  const bare = proc.python;
  const row = (name: string, floor: number, spent?: number, spentName = ''): string[] => [
    name,
    ms(floor, 2),
    spent === undefined ? '–' : `${ms(spent, 2)}${spentName === '' ? '' : ` (${spentName})`}`,
    spent === undefined ? '–' : ratio(spent, floor),
  ];
  const table: Table = {
    title:
      `Floor CPU per job (ms, user + system, all cores) of each building block bare, beside what the platform ` +
      `spends on it (${QUICK ? 'the cpu-per-job table above' : `a \`bench:cpu-per-job -- --jobs ${PLATFORM_JOBS}\` run just before, in the same command`}). Process rows: ${PROCESS_RUNS} runs from a shell loop; ` +
      `BullMQ ${QUEUE_JOBS} jobs, ${CLIENTS} producers in a closed loop, ${CONCURRENCY} slots; ` +
      `HTTP ${HTTP_REQUESTS} requests from ${CLIENTS} clients; Socket.IO ${SOCKET_EVENTS} events; ` +
      `PostgreSQL ${DB_JOBS} jobs on ${CONCURRENCY} connections.`,
    header: ['building block', 'floor CPU ms per job', 'the platform spends', 'ratio'],
    align: ['l', 'r', 'r', 'r'],
    rows: [
      row('fork + exec of a static no-op (the sandbox’s helper) from a shell', proc.helper),
      row('fork + exec of `/bin/true` (dynamically linked) from a shell', proc.true),
      row('the bare program, `python3 -S -c "print(1)"`', bare, platform.bare, 'bare, cpu-per-job'),
      row(
        'bubblewrap with the sandbox’s argv (namespaces, mounts, seccomp, its `sh`), minus the bare program',
        bwrapFull,
        platform.sandbox,
        'sandbox set-up',
      ),
      row('bubblewrap, the same namespaces, only `/usr` bound, minus the bare program', bwrapMinimal),
      row('bubblewrap, user and mount namespaces only, `/usr` bound, minus the bare program', bwrapUserMount),
      row('BullMQ, no-op processor: Node (producer + worker)', queue.node),
      row('BullMQ, no-op processor: Redis', queue.redis, platform.redis, 'Redis'),
      row('HTTP: Express 5, JSON + zod, the server', http),
      row('Socket.IO: one event to a subscribed client, the server', socket),
      row('PostgreSQL: INSERT + UPDATE, the backend', db.backend, platform.database, 'database'),
      row('PostgreSQL: INSERT + UPDATE, the `pg` client', db.client),
      row(
        'Node: BullMQ + HTTP + Socket.IO + `pg` client',
        node,
        platform.api + platform.worker,
        'API + worker',
      ),
      row(
        '**the design we keep: bubblewrap + BullMQ + HTTP + Socket.IO + PostgreSQL**',
        floors,
        platformTotal,
        'platform',
      ),
    ],
  };
  const cores = 2;
  const ceilings: Table = {
    title: `Python \`print(1)\` jobs per second on ${cores} cores if the cores did nothing else (${cores * 1000} ms of CPU a second ÷ CPU per job).`,
    header: ['a job costs', 'CPU ms per job', 'jobs/s ceiling'],
    align: ['l', 'r', 'r'],
    rows: [
      ['the bare program alone', ms(bare, 2), ms(jobsPerSecondCeiling(cores, bare))],
      ['the bare program + the floors', ms(bare + floors, 2), ms(jobsPerSecondCeiling(cores, bare + floors))],
      [
        'the bare program + the platform (cpu-per-job)',
        ms(bare + platformTotal, 2),
        ms(jobsPerSecondCeiling(cores, bare + platformTotal)),
      ],
    ],
  };
  await publish({
    name: 'cpu-floor',
    command: `npm run bench:cpu-floor${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    tables: [table, ceilings],
    load,
    write: !(values['no-write'] ?? false) && !QUICK,
    notes: [
      `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}; the process rows run as uid ${CELL_UID} where bubblewrap runs ` +
        `(the bare program as that uid: ${ms(proc.pythonUnprivileged, 2)} ms).`,
    ],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
