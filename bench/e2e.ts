/**
 * End-to-end latency: from `POST /submit` until the `result` event arrives over Socket.IO, through
 * a real API and worker processes on the machine's Redis and PostgreSQL, one client at a time and
 * with several clients at once; beside each, the bare time of the same program run directly on the
 * host (the physical limit) and the ratio; and where the time goes, per stage, from the timestamps
 * each stage records. Prints Markdown tables; a full run also writes them to docs/PERFORMANCE.md.
 *
 *   npm run bench:e2e -- [--jobs 200] [--clients 1,8] [--only python,cpp-distinct,…]
 *                        [--workers 1] [--concurrency 2] [--sandbox bwrap|none] [--quick] [--no-write]
 *                        [--root /other/checkout]
 */
import { parseArgs } from 'node:util';
import { breakdownRow, BREAKDOWN_HEADER } from './support/breakdown.js';
import { bareLatencies } from './support/bare.js';
import { makeBenchCatalog } from './support/catalog.js';
import { BenchClient, runClosedLoop, type JobRun } from './support/client.js';
import { startPlatform, waitForPrecompiledHeader } from './support/platform.js';
import { LoadWatch, publish, type Table } from './support/report.js';
import { SCENARIOS } from './support/scenarios.js';
import { ms, percentile, ratio } from './support/stats.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string' },
    clients: { type: 'string', default: '1,8' },
    only: { type: 'string' },
    workers: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '2' },
    sandbox: { type: 'string', default: 'bwrap' },
    'bare-jobs': { type: 'string' },
    quick: { type: 'boolean', default: false },
    /** Run the API and workers of another checkout (for before/after comparisons); never written to the docs. */
    root: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const QUICK = values.quick ?? false;
const JOBS = Number(values.jobs ?? (QUICK ? 20 : 200));
/** Bare compiles take a second each: fewer of them. */
const BARE_JOBS = Number(values['bare-jobs'] ?? (QUICK ? 5 : 50));
const CLIENTS = (values.clients ?? '1,8').split(',').map(Number);
const ONLY = values.only?.split(',');
const scenarios = SCENARIOS.filter((s) => ONLY === undefined || ONLY.includes(s.id));

async function main(): Promise<void> {
  const load = new LoadWatch();
  const catalog = makeBenchCatalog();
  const platform = await startPlatform({
    workers: Number(values.workers),
    concurrency: Number(values.concurrency),
    sandbox: values.sandbox,
    problemsDir: catalog.dir,
    root: values.root,
  });
  const anonymous: BenchClient[] = [];
  const signedIn: BenchClient[] = [];
  try {
    const most = Math.max(...CLIENTS);
    for (let c = 0; c < most; c += 1) {
      anonymous.push(await BenchClient.connect(platform.url));
      if (scenarios.some((s) => s.signedIn)) {
        signedIn.push(await BenchClient.connect(platform.url, `bench-${c}-${platform.prefix.slice(5)}`));
      }
    }
    await waitForPrecompiledHeader(platform);

    const latency: Table = {
      title: `End to end, \`POST /submit\` → \`result\` event (ms), ${JOBS} jobs per row; ${values.workers} worker process(es) × ${values.concurrency} slots, sandbox ${values.sandbox}.`,
      header: ['program', 'clients', 'jobs', 'p50', 'p90', 'p99', 'bare p50', 'p50 / bare', 'jobs/s'],
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows: [],
    };
    const breakdown: Table = {
      title: 'Where the time goes: mean ms per stage (means add up to the mean total).',
      header: ['program', 'clients', ...BREAKDOWN_HEADER, 'total'],
      align: ['l', 'r', ...BREAKDOWN_HEADER.map(() => 'r' as const), 'r'],
      rows: [],
    };
    const notes: string[] = [];
    for (const scenario of scenarios) {
      const clients = scenario.signedIn ? signedIn : anonymous;
      // Warm-up: toolchains' page cache, the JVM's shared archive, the repeated source's compile.
      for (let i = 0; i < 3; i += 1) await clients[0]?.run(scenario.body(-1 - i));
      const program = await scenario.bare(catalog.dir);
      const bareTimes = await bareLatencies(
        program,
        scenario.compiles ? BARE_JOBS : Math.max(BARE_JOBS, 100),
      );
      const bareP50 = percentile(bareTimes, 50);
      notes.push(`- ${scenario.name}: bare = ${scenario.bareNote}, ${bareTimes.length} runs.`);
      for (const count of CLIENTS) {
        const { runs, seconds } = await runClosedLoop(clients.slice(0, count), JOBS, scenario.body);
        check(scenario.name, runs);
        const latencies = runs.map((run) => run.resultAt - run.sentAt);
        const p50 = percentile(latencies, 50);
        const row = [
          scenario.name,
          String(count),
          String(runs.length),
          ms(p50),
          ms(percentile(latencies, 90)),
          ms(percentile(latencies, 99)),
          ms(bareP50),
          ratio(p50, bareP50),
          (runs.length / seconds).toFixed(1),
        ];
        latency.rows.push(row);
        breakdown.rows.push(breakdownRow([scenario.name, String(count)], runs));
        console.error(`| ${row.join(' | ')} |`);
      }
    }
    const flags = process.argv.slice(2).filter((a) => a !== '--no-write');
    await publish({
      name: 'e2e',
      command: `npm run bench:e2e${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}`,
      tables: [latency, breakdown],
      notes,
      load,
      write: !QUICK && !(values['no-write'] ?? false) && values.root === undefined && ONLY === undefined,
    });
  } catch (error) {
    for (const child of [platform.api, ...platform.workers]) {
      console.error(child.output().split('\n').slice(-10).join('\n'));
    }
    throw error;
  } finally {
    for (const client of [...anonymous, ...signedIn]) client.close();
    await platform.stop();
    catalog.remove();
  }
}

/** Every job of a latency row must have been judged right, or its time means nothing. */
function check(name: string, runs: JobRun[]): void {
  for (const run of runs) {
    if (run.result.verdict !== 'ACCEPTED') {
      throw new Error(
        `${name}: job ${run.jobId} ended ${run.result.verdict}: ${run.result.compileOutput}${run.result.stderr}`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
