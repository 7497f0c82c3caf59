/**
 * Throughput at saturation: jobs per second with 1 and with 2 worker processes (each with its
 * slots), many clients keeping the queue full, against the bare programs run at the same
 * parallelism on the host; and the CPU each part of the platform spends per job, which is what
 * bounds throughput on a small machine. A full run writes its tables to docs/PERFORMANCE.md.
 *
 *   npm run bench:throughput -- [--jobs 600] [--workers 1,2] [--concurrency 2] [--clients 16]
 *                               [--only python,cpp-repeated] [--quick] [--no-write] [--root /other/checkout]
 */
import { parseArgs } from 'node:util';
import { bareThroughput } from './support/bare.js';
import { makeBenchCatalog } from './support/catalog.js';
import { BenchClient, runClosedLoop } from './support/client.js';
import {
  cpuMs,
  machineBusyMs,
  redisCommands,
  sandboxCpuMs,
  startPlatform,
  waitForPrecompiledHeader,
} from './support/platform.js';
import { LoadWatch, publish, type Table } from './support/report.js';
import { SCENARIOS } from './support/scenarios.js';
import { ms, ratio } from './support/stats.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string' },
    workers: { type: 'string', default: '1,2' },
    concurrency: { type: 'string', default: '2' },
    clients: { type: 'string', default: '16' },
    only: { type: 'string', default: 'python,cpp-repeated' },
    quick: { type: 'boolean', default: false },
    /** Run the API and workers of another checkout (for before/after comparisons); never written to the docs. */
    root: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const QUICK = values.quick ?? false;
const JOBS = Number(values.jobs ?? (QUICK ? 100 : 600));
const WORKERS = (values.workers ?? '1,2').split(',').map(Number);
const CONCURRENCY = Number(values.concurrency);
const CLIENTS = Number(values.clients);
const scenarios = SCENARIOS.filter((s) => (values.only ?? '').split(',').includes(s.id));

async function main(): Promise<void> {
  const load = new LoadWatch();
  const catalog = makeBenchCatalog();
  const throughput: Table = {
    title: `Jobs per second at saturation (${CLIENTS} clients, closed loop, ${JOBS} jobs per row); bare: the same program run directly, as many at once as the platform has slots.`,
    header: ['program', 'worker processes × slots', 'jobs/s', 'bare jobs/s', 'platform / bare'],
    align: ['l', 'l', 'r', 'r', 'r'],
    rows: [],
  };
  const cpu: Table = {
    title:
      'CPU per job (ms, all cores) while saturated: the API, the worker processes, Redis, the sandboxed runs (the programs with their sandbox’s shell, from the workers’ cgroups), and the rest of the machine (the kernel’s work for them all, the benchmark’s clients, PostgreSQL, and whatever else runs on the machine meanwhile); and the Redis commands one job costs (all of them, commands inside scripts included: BullMQ’s, the records’, the events’, the relay’s).',
    header: [
      'program',
      'worker processes × slots',
      'api',
      'workers',
      'redis',
      'sandboxed runs',
      'rest of the machine',
      'total',
      'Redis commands',
    ],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: [],
  };
  for (const workers of WORKERS) {
    const platform = await startPlatform({
      workers,
      concurrency: CONCURRENCY,
      problemsDir: catalog.dir,
      root: values.root,
    });
    const clients: BenchClient[] = [];
    try {
      for (let c = 0; c < CLIENTS; c += 1) {
        const signedIn = scenarios.some((s) => s.signedIn);
        clients.push(await BenchClient.connect(platform.url, signedIn ? `tp-${c}-${Date.now()}` : undefined));
      }
      await waitForPrecompiledHeader(platform);
      const shape = `${workers} × ${CONCURRENCY}`;
      for (const scenario of scenarios) {
        // Warm-up: every slot and every client once.
        await runClosedLoop(clients, CLIENTS * 2, scenario.body);
        const pids = [platform.api.child.pid, ...platform.workers.map((w) => w.child.pid)];
        const redis = platform.redis.pid;
        const commands = await redisCommands(platform.redisUrl);
        const before = {
          procs: pids.map(cpuMs),
          redis: cpuMs(redis),
          sandbox: sandboxCpuMs(platform),
          machine: machineBusyMs(),
        };
        const { runs, seconds } = await runClosedLoop(clients, JOBS, scenario.body);
        const after = {
          procs: pids.map(cpuMs),
          redis: cpuMs(redis),
          sandbox: sandboxCpuMs(platform),
          machine: machineBusyMs(),
        };
        const commandsPerJob = ((await redisCommands(platform.redisUrl)) - commands) / runs.length;
        for (const run of runs) {
          if (run.result.verdict !== 'ACCEPTED') throw new Error(`${scenario.name}: ${run.result.verdict}`);
        }
        const perJob = (a: number, b: number) => (b - a) / runs.length;
        const api = perJob(before.procs[0] ?? NaN, after.procs[0] ?? NaN);
        let workerCpu = 0;
        for (let i = 1; i < pids.length; i += 1) {
          workerCpu += perJob(before.procs[i] ?? NaN, after.procs[i] ?? NaN);
        }
        const redisCpu = perJob(before.redis, after.redis);
        const sandboxed = perJob(before.sandbox, after.sandbox);
        const total = perJob(before.machine, after.machine);
        const rate = runs.length / seconds;
        const bare = await bareThroughput(await scenario.bare(catalog.dir), JOBS, workers * CONCURRENCY);
        throughput.rows.push([scenario.name, shape, rate.toFixed(1), bare.toFixed(1), ratio(rate, bare)]);
        cpu.rows.push([
          scenario.name,
          shape,
          ms(api),
          ms(workerCpu),
          ms(redisCpu),
          ms(sandboxed),
          ms(total - api - workerCpu - redisCpu - (Number.isNaN(sandboxed) ? 0 : sandboxed)),
          ms(total),
          commandsPerJob.toFixed(1),
        ]);
        console.error(`| ${throughput.rows.at(-1)?.join(' | ')} |`);
      }
    } finally {
      for (const client of clients) client.close();
      await platform.stop();
    }
  }
  catalog.remove();
  const flags = process.argv.slice(2).filter((a) => a !== '--no-write');
  await publish({
    name: 'throughput',
    command: `npm run bench:throughput${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}`,
    tables: [throughput, cpu],
    load,
    write: !QUICK && !(values['no-write'] ?? false) && values.root === undefined,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
