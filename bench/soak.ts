/**
 * The soak: thousands of mixed submissions (six languages, every verdict a program can earn,
 * attacks on the sandbox, problem submissions) from many clients at once against an API process
 * and worker processes, bounded in time. Checks every job ends once with its expected verdict
 * and nothing is left queued or running, and samples the resident memory of the API and the
 * workers: after warm-up (the first 10% of jobs), the first quarter against the last.
 * Exits non-zero when a check fails. A full run writes its tables to docs/PERFORMANCE.md.
 *
 *   npm run bench:soak -- [--jobs 2000] [--clients 20] [--workers 1] [--concurrency 2]
 *                         [--deadline-min 30] [--seed 1] [--no-write]
 */
import { parseArgs } from 'node:util';
import { startPlatform, MemorySampler, type Platform } from './support/platform.js';
import { LoadWatch, publish, type Table } from './support/report.js';
import { generateSoak } from './support/soak-mix.js';
import { runSoak, type SoakReport } from './support/soak-run.js';
import { mean, ms, percentile } from './support/stats.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '20' },
    workers: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '2' },
    'deadline-min': { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    'no-write': { type: 'boolean', default: false },
  },
});
const JOBS = Number(values.jobs);
const CLIENTS = Number(values.clients);
const DEADLINE_MS = Number(values['deadline-min']) * 60_000;
/** Memory may grow this much (MiB) between the first and the last quarter after warm-up. */
const MEMORY_SLACK_MB = 30;

async function main(): Promise<void> {
  const load = new LoadWatch();
  const platform = await startPlatform({
    workers: Number(values.workers),
    concurrency: Number(values.concurrency),
  });
  const pids = [platform.api.child.pid, ...platform.workers.map((w) => w.child.pid)];
  const names = ['api', ...platform.workers.map((_, i) => `worker ${i + 1}`)];
  const sampler = new MemorySampler(pids);
  const warmUp = Math.ceil(JOBS / 10);
  let warmedAt = Infinity;
  let report: SoakReport;
  const deadline = setTimeout(() => {
    console.error(`the soak did not end within ${values['deadline-min']} min`);
    void platform.stop().finally(() => process.exit(2));
  }, DEADLINE_MS);
  try {
    report = await runSoak({
      url: platform.url,
      redisUrl: platform.redisUrl,
      prefix: platform.prefix,
      jobs: generateSoak(JOBS, Number(values.seed)),
      clients: CLIENTS,
      // A submit may wait long behind a flood of runs (runs always go first): ended is what counts.
      jobTimeoutMs: 600_000,
      onDone: (done) => {
        if (done === warmUp) warmedAt = Date.now();
        if (done % 100 === 0) console.error(`${done}/${JOBS} jobs done`);
      },
    });
    sampler.stop();
  } catch (error) {
    dumpLogs(platform);
    throw error;
  } finally {
    clearTimeout(deadline);
    sampler.stop();
    await platform.stop();
  }

  const verdicts: Table = {
    title: `${JOBS} submissions from ${CLIENTS} clients, ${values.workers} worker process(es) × ${values.concurrency} slots: ${report.seconds.toFixed(0)} s, ${(report.runs.length / report.seconds).toFixed(1)} jobs/s.`,
    header: ['case kind', 'jobs', 'right verdict', 'p50 ms', 'p99 ms', 'max ms'],
    align: ['l', 'r', 'r', 'r', 'r', 'r'],
    rows: [],
  };
  const failed = new Set(report.failures.map((f) => f.index));
  const byKind = new Map<string, typeof report.runs>();
  for (const entry of report.runs) {
    const kind = entry.job.label.startsWith('attack/')
      ? 'attacks'
      : entry.job.label.startsWith('two-sum/')
        ? 'problem submissions'
        : `${entry.job.verdict}`;
    byKind.set(kind, [...(byKind.get(kind) ?? []), entry]);
  }
  for (const [kind, entries] of [...byKind].sort()) {
    const latencies = entries.map(({ run }) => run.resultAt - run.sentAt);
    verdicts.rows.push([
      kind,
      String(entries.length),
      String(entries.filter(({ job }) => !failed.has(job.index)).length),
      ms(percentile(latencies, 50), 0),
      ms(percentile(latencies, 99), 0),
      ms(Math.max(...latencies), 0),
    ]);
  }

  const after = sampler.samples.filter((s) => s.at >= warmedAt);
  const quarter = Math.max(1, Math.floor(after.length / 4));
  const first = after.slice(0, quarter);
  const last = after.slice(-quarter);
  const memory: Table = {
    title: `Resident memory (MiB), sampled every second; after warm-up (the first ${warmUp} jobs), mean of the first quarter of the samples against the last.`,
    header: ['process', 'first quarter', 'last quarter', 'growth', 'peak'],
    align: ['l', 'r', 'r', 'r', 'r'],
    rows: [],
  };
  const growths: number[] = [];
  names.forEach((name, p) => {
    const a = mean(first.map((s) => s.mb[p] ?? NaN));
    const b = mean(last.map((s) => s.mb[p] ?? NaN));
    growths.push(b - a);
    const peak = Math.max(...sampler.samples.map((s) => s.mb[p] ?? 0));
    memory.rows.push([name, ms(a), ms(b), `${b - a >= 0 ? '+' : ''}${ms(b - a)}`, ms(peak)]);
  });

  const checks: Table = {
    title: 'Checks.',
    header: ['check', 'result'],
    align: ['l', 'l'],
    rows: [
      ['jobs ended', `${report.runs.length} of ${JOBS}`],
      ['wrong verdict, output, attempts or event order', String(report.failures.length - report.duplicates)],
      ['jobs with other than one `result` event', String(report.duplicates)],
      ['jobs left in the queue', String(report.stuck)],
      [
        `memory growth under ${MEMORY_SLACK_MB} MiB`,
        growths.every((g) => g < MEMORY_SLACK_MB) ? 'yes' : 'NO',
      ],
    ],
  };
  for (const failure of report.failures.slice(0, 20)) {
    console.error(`job ${failure.index} (${failure.label}): ${failure.problem}`);
  }
  const ok =
    report.failures.length === 0 &&
    report.stuck === 0 &&
    report.runs.length === JOBS &&
    growths.every((g) => g < MEMORY_SLACK_MB);
  const flags = process.argv.slice(2).filter((a) => a !== '--no-write');
  await publish({
    name: 'soak',
    command: `npm run bench:soak${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}`,
    tables: [verdicts, checks, memory],
    load,
    write: ok && !(values['no-write'] ?? false),
  });
  if (!ok) {
    console.error('the soak FAILED');
    process.exitCode = 1;
  }
}

function dumpLogs(platform: Platform): void {
  for (const child of [platform.api, ...platform.workers]) {
    console.error(child.output().split('\n').slice(-10).join('\n'));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
