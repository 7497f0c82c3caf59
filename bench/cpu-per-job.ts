/**
 * CPU per job, component by component, over a fixed batch of Python `print(1)` runs: the API and the
 * worker processes (/proc/<pid>/stat), Redis (`INFO cpu`), PostgreSQL (the backends serving the API's
 * connections, from /proc), the sandboxed runs from the workers' cgroup split into the program itself
 * (the CPU time each result reports, read from the run's cgroup) and the sandbox's set-up (the rest of
 * the CPU of the worker's reaped children and of its spawner's: bubblewrap, the sandbox's shell),
 * beside the same program run bare. Everything but the program is the platform's cost.
 *
 *   npm run bench:cpu-per-job -- [--jobs 300] [--clients 8] [--workers 1] [--concurrency 2] [--no-write]
 *                                 [--profile <dir>] [--sockets 0]
 *
 * Beside the CPU it reports the batch's latency (request sent → `result` event, p50/p95) and jobs per
 * second. `--sockets N` first connects N more Socket.IO clients that stay idle all through (open tabs
 * watching nothing), to see what holding them costs each job.
 *
 * `--profile <dir>` also records a V8 CPU profile of the API and of each worker over the measured batch
 * alone (bench/support/profile-preload.mjs), written as <dir>/<pid>.cpuprofile; summarise one with
 * `npx tsx bench/profile-summary.ts <file> --jobs <jobs>`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Redis } from 'ioredis';
import { DATABASE_URL } from '../tests/support/platform.js';
import { BenchClient, runClosedLoop } from './support/client.js';
import { connectIdleSockets, type IdleSockets } from './support/idle-sockets.js';
import { cpuMs, startPlatform, type Platform } from './support/platform.js';
import { LoadWatch, publish, type Table } from './support/report.js';
import { ms, percentile } from './support/stats.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '300' },
    clients: { type: 'string', default: '8' },
    workers: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '2' },
    'no-write': { type: 'boolean', default: false },
    profile: { type: 'string' },
    sockets: { type: 'string', default: '0' },
  },
});
const JOBS = Number(values.jobs);
const CLIENTS = Number(values.clients);
const WORKERS = Number(values.workers);
const CONCURRENCY = Number(values.concurrency);
const SOCKETS = Number(values.sockets);
const BODY = { language: 'python', code: 'print(1)' };
const PROFILE_DIR = values.profile === undefined ? undefined : resolve(values.profile);
/** What the API and the workers get to record a profile of the batch (nothing without `--profile`). */
const profileEnv: Record<string, string> =
  PROFILE_DIR === undefined
    ? {}
    : {
        BENCH_PROFILE_DIR: PROFILE_DIR,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${resolve(import.meta.dirname, 'support/profile-preload.mjs')}`,
      };

/** Starts or stops the profilers of the API and the workers (each SIGUSR2 toggles; see profile-preload.mjs). */
function toggleProfilers(platform: Platform): void {
  if (PROFILE_DIR === undefined) return;
  for (const app of [platform.api, ...platform.workers]) app.child.kill('SIGUSR2');
}

/** Redis's own CPU so far (`INFO cpu`: used_cpu_user + used_cpu_sys, main thread and the rest), in ms. */
async function redisCpuMs(url: string): Promise<number> {
  const redis = new Redis(url);
  try {
    const info = await redis.info('cpu');
    const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
    return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
  } finally {
    redis.disconnect();
  }
}

/** Local TCP ports of a process's connections to port 5432 (its sockets' inodes, matched in /proc/net/tcp*). */
function postgresClientPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode !== undefined) inodes.add(inode);
    } catch {
      // closed meanwhile
    }
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      const [local, remote, inode] = [f[1], f[2], f[9]];
      if (local === undefined || remote === undefined || inode === undefined) continue;
      if (remote.endsWith(':1538') && inodes.has(inode)) ports.push(parseInt(local.split(':')[1] ?? '', 16));
    }
  }
  return ports;
}

/** CPU so far of the PostgreSQL backends serving the API's connections, in ms (by backend pid). */
async function databaseCpu(platform: Platform): Promise<Map<number, number>> {
  const apiPid = platform.api.child.pid;
  const cpu = new Map<number, number>();
  if (apiPid === undefined) return cpu;
  const ports = postgresClientPorts(apiPid);
  if (ports.length === 0) return cpu;
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where client_port = any($1::int[])',
      [ports],
    );
    for (const { pid } of rows) cpu.set(pid, cpuMs(pid));
  } finally {
    await client.end();
  }
  return cpu;
}

/**
 * CPU time so far of the sandbox's processes under a worker, in ms: the worker's reaped children (cutime +
 * cstime, /proc/<pid>/stat), and its live spawner (`sandbox-helper serve`: its own CPU and that of its
 * reaped children, every cell's helper, bubblewrap and the processes under it).
 */
function childrenCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const fields = (p: number | string): string[] => {
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  };
  const own = fields(pid);
  let ticks = Number(own[13]) + Number(own[14]);
  for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean)) {
    try {
      if (readFileSync(`/proc/${child}/comm`, 'utf8').trim() !== 'sandbox-helper') continue;
      const f = fields(child);
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      // Exited meanwhile (a file writer): its CPU is in the worker's reaped children.
    }
  }
  return ticks * 10; // USER_HZ = 100
}

/** CPU per run of the bare program (`python3 -S -c "print(1)"`, `jobs` times), from the shell's `times`. */
function bareCpuMs(jobs: number): number {
  const script = `i=0; while [ $i -lt ${jobs} ]; do /usr/bin/python3 -S -c 'print(1)' >/dev/null; i=$((i + 1)); done\ntimes`;
  const out = spawnSync('/bin/sh', ['-c', script], { encoding: 'utf8' }).stdout.trim().split('\n');
  const children = [...(out.at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)];
  return children.reduce((sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000, 0) / jobs;
}

async function main(): Promise<void> {
  const load = new LoadWatch();
  if (PROFILE_DIR !== undefined) mkdirSync(PROFILE_DIR, { recursive: true });
  const platform = await startPlatform({
    workers: WORKERS,
    concurrency: CONCURRENCY,
    apiEnv: profileEnv,
    workerEnv: profileEnv,
  });
  const clients: BenchClient[] = [];
  let idle: IdleSockets | undefined;
  try {
    if (SOCKETS > 0) idle = await connectIdleSockets(platform.url, SOCKETS);
    for (let c = 0; c < CLIENTS; c += 1) clients.push(await BenchClient.connect(platform.url));
    // Warm-up: every slot, client and database connection once.
    await runClosedLoop(clients, CLIENTS * 4, () => BODY);
    const pids = platform.workers.map((w) => w.child.pid);
    const before = {
      api: cpuMs(platform.api.child.pid),
      workers: pids.map(cpuMs),
      children: pids.map(childrenCpuMs),
      redis: await redisCpuMs(platform.redisUrl),
      db: await databaseCpu(platform),
    };
    toggleProfilers(platform);
    const { runs, seconds } = await runClosedLoop(clients, JOBS, () => BODY);
    toggleProfilers(platform);
    const after = {
      api: cpuMs(platform.api.child.pid),
      workers: pids.map(cpuMs),
      children: pids.map(childrenCpuMs),
      redis: await redisCpuMs(platform.redisUrl),
      db: await databaseCpu(platform),
    };
    let program = 0;
    for (const run of runs) {
      if (run.result.status !== 'completed') throw new Error(`a run ended ${run.result.status}`);
      program += run.result.timeMs ?? NaN;
    }
    const perJob = (total: number) => total / runs.length;
    let database = 0;
    for (const [pid, cpu] of after.db) database += cpu - (before.db.get(pid) ?? 0);
    const parts: [string, number][] = [
      ['API', perJob(after.api - before.api)],
      ['worker', perJob(after.workers.reduce((s, v, i) => s + v - (before.workers[i] ?? NaN), 0))],
      ['Redis', perJob(after.redis - before.redis)],
      ['database (PostgreSQL backends of the API)', perJob(database)],
      [
        'sandbox set-up and tear-down (bubblewrap and the sandbox’s processes, minus the program)',
        perJob(after.children.reduce((s, v, i) => s + v - (before.children[i] ?? NaN), 0) - program),
      ],
    ];
    const platformTotal = parts.reduce((s, [, v]) => s + v, 0);
    const latency = runs.map((run) => run.resultAt - run.sentAt);
    if (idle !== undefined && idle.count !== SOCKETS) {
      throw new Error(`only ${idle.count} of the ${SOCKETS} idle sockets stayed connected`);
    }
    const bare = bareCpuMs(Math.min(JOBS, 200));
    const table: Table = {
      title: `CPU per job (ms, user + system, all cores): ${runs.length} Python \`print(1)\` runs, ${CLIENTS} clients in a closed loop, ${WORKERS} worker × ${CONCURRENCY} slots, after ${CLIENTS * 4} warm-up runs${SOCKETS > 0 ? `, with ${SOCKETS} more sockets connected and idle` : ''}.`,
      header: ['component', 'CPU ms per job'],
      align: ['l', 'r'],
      rows: [
        ...parts.map(([name, value]) => [name, ms(value, 2)]),
        ['**platform (all of the above)**', `**${ms(platformTotal, 2)}**`],
        ['the program in the sandbox (its cgroup, as the result reports)', ms(perJob(program), 2)],
        ['the bare program (`python3 -S -c "print(1)"` on the host)', ms(bare, 2)],
        [
          'latency p50 / p95 (ms, request sent → `result` event)',
          `${ms(percentile(latency, 50))} / ${ms(percentile(latency, 95))}`,
        ],
        ['jobs per second (the batch)', ms(runs.length / seconds)],
      ],
    };
    await publish({
      name: 'cpu-per-job',
      command: `npm run bench:cpu-per-job${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      tables: [table],
      load,
      write: !(values['no-write'] ?? false) && PROFILE_DIR === undefined,
      notes: [
        'The database row is the CPU of the PostgreSQL backends the API was connected to at both readings; the ' +
          'benchmark’s own clients, the kernel’s network work and the Node.js start-up are in none of the rows.',
      ],
    });
  } finally {
    for (const client of clients) client.close();
    idle?.close();
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
