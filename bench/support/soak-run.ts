/**
 * Runs a soak mix against a platform from many clients at once (closed loop, half of them signed
 * in, which problem submissions need) and checks what must hold however loaded the platform is:
 * every job ends with its expected verdict (and output, where given), judged in one attempt, with
 * exactly one `result` event and events in `seq` order, and nothing left in the queue.
 */
import { Redis } from 'ioredis';
import { BenchClient, type JobRun } from './client.js';
import type { SoakJob } from './soak-mix.js';

export interface SoakOptions {
  url: string;
  /** The platform's Redis and `REDIS_PREFIX`, to look for stuck jobs. */
  redisUrl: string;
  prefix: string;
  jobs: SoakJob[];
  clients: number;
  /** Longest one job may take from submit to result. */
  jobTimeoutMs: number;
  /** Called as each job ends (progress, memory sampling). */
  onDone?: (done: number) => void;
}

export interface SoakFailure {
  index: number;
  label: string;
  problem: string;
}

export interface SoakReport {
  runs: Array<{ job: SoakJob; run: JobRun }>;
  failures: SoakFailure[];
  /** Jobs with more than one `result` event. */
  duplicates: number;
  /** Jobs still in the queue (waiting, prioritized, active, delayed) after the last result. */
  stuck: number;
  seconds: number;
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const clients: BenchClient[] = [];
  const failures: SoakFailure[] = [];
  const runs: SoakReport['runs'] = [];
  const started = performance.now();
  try {
    for (let c = 0; c < options.clients; c += 1) {
      const signed = c % 2 === 0;
      clients.push(await BenchClient.connect(options.url, signed ? `soak-${c}-${Date.now()}` : undefined));
    }
    const signedJobs = options.jobs.filter((job) => job.signedIn);
    const otherJobs = options.jobs.filter((job) => !job.signedIn);
    let done = 0;
    await Promise.all(
      clients.map(async (client) => {
        for (;;) {
          const job =
            client.cookie !== undefined ? (signedJobs.shift() ?? otherJobs.shift()) : otherJobs.shift();
          if (job === undefined) return;
          try {
            const run = await client.run(job.body, options.jobTimeoutMs);
            runs.push({ job, run });
            const problem = checkRun(job, run);
            if (problem !== null) failures.push({ index: job.index, label: job.label, problem });
          } catch (error) {
            failures.push({ index: job.index, label: job.label, problem: String(error) });
          }
          options.onDone?.(++done);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // A duplicate `result` would come right behind the first: give it a moment to show.
    await new Promise((resolve) => setTimeout(resolve, 500));
    let duplicates = 0;
    for (const { job, run } of runs) {
      const count = clients.reduce((sum, client) => sum + (client.resultCounts.get(run.jobId) ?? 0), 0);
      if (count !== 1) {
        duplicates += 1;
        failures.push({ index: job.index, label: job.label, problem: `${count} result events` });
      }
    }
    return { runs, failures, duplicates, stuck: await stuckJobs(options.redisUrl, options.prefix), seconds };
  } finally {
    for (const client of clients) client.close();
  }
}

/** What is wrong with one finished job, or null. */
export function checkRun(job: SoakJob, run: JobRun): string | null {
  const { result } = run;
  if (result.status !== 'completed') return `status ${result.status}: ${result.error ?? ''}`;
  if (result.verdict !== job.verdict) {
    const detail = `${result.compileOutput}${result.stderr}`.slice(0, 300);
    return `verdict ${result.verdict}, expected ${job.verdict} (stdout ${JSON.stringify(result.stdout.slice(0, 100))}, ${detail})`;
  }
  if (job.stdout !== undefined && result.stdout !== job.stdout) {
    return `stdout ${JSON.stringify(result.stdout.slice(0, 200))}, expected ${JSON.stringify(job.stdout)}`;
  }
  if (result.attempts !== 1) return `${result.attempts} attempts`;
  for (let i = 1; i < run.seqs.length; i += 1) {
    if ((run.seqs[i] ?? 0) <= (run.seqs[i - 1] ?? 0)) return `events out of order: ${run.seqs.join(',')}`;
  }
  if (run.seqs.at(-1) !== result.seq) return `the result (seq ${result.seq}) was not the last event`;
  return null;
}

/** Jobs BullMQ still holds in any unfinished state. */
async function stuckJobs(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url);
  try {
    const base = `${prefix}:submissions`;
    const [wait, active, prioritized, delayed] = await Promise.all([
      redis.llen(`${base}:wait`),
      redis.llen(`${base}:active`),
      redis.zcard(`${base}:prioritized`),
      redis.zcard(`${base}:delayed`),
    ]);
    return wait + active + prioritized + delayed;
  } finally {
    redis.disconnect();
  }
}
