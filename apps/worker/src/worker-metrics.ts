/**
 * The worker's Prometheus metrics, in a registry of this worker's own: jobs finished by verdict,
 * compile and run times by language (from the sandbox steps in the result's `timings`), job
 * attempts that threw, active jobs, sandbox cells retired as not provably clean. Counted where
 * the final record is stored, so a job counts once over all workers.
 */
import { LANGUAGE_IDS, languageIdSchema, type JobResult, type StepTiming } from '@arbiter/contracts';
import {
  Counter,
  DURATION_BUCKETS_SECONDS,
  Gauge,
  Histogram,
  createMetricsRegistry,
  type Registry,
} from '@arbiter/observability';
import type { SandboxCounters } from '@arbiter/sandbox';

export interface WorkerMetricsOptions {
  /** Jobs this worker runs at once (reported as a gauge, for utilisation). */
  concurrency: number;
}

export interface WorkerMetrics {
  registry: Registry;
  /** Where the number of running jobs is read from at scrape time (once the service exists). */
  countActiveWith(count: () => number): void;
  /** Where the sandbox's health counters are read from at scrape time (a sandbox without any: zeros). */
  countSandboxWith(read: () => SandboxCounters | undefined): void;
  /** A job's final record was written by this worker (a verdict, or INTERNAL_ERROR after the last attempt). */
  jobFinished(record: JobResult): void;
  /** Judging threw: a platform fault in the judge or the sandbox (not a hand-back on shutdown). */
  judgingFailed(data: unknown): void;
  /** BullMQ recorded a failed attempt of a job this worker held; `final`: no attempt is left. */
  attemptFailed(final: boolean): void;
}

export function createWorkerMetrics(options: WorkerMetricsOptions): WorkerMetrics {
  const registry = createMetricsRegistry({ app: 'worker' });
  const registers = [registry];

  const processed = new Counter({
    name: 'arbiter_worker_jobs_processed_total',
    help: 'Jobs whose final result this worker stored, by language, mode and verdict (INTERNAL_ERROR: the queue gave up on it).',
    labelNames: ['language', 'mode', 'verdict'] as const,
    registers,
  });
  const compileSeconds = new Histogram({
    name: 'arbiter_worker_compile_seconds',
    help: 'Compile steps run in the sandbox (cache hits are not), by language: from asking the sandbox to its report.',
    labelNames: ['language'] as const,
    buckets: [...DURATION_BUCKETS_SECONDS],
    registers,
  });
  const runSeconds = new Histogram({
    name: 'arbiter_worker_run_seconds',
    help: "A judged program's run step (all its runs, for a problem judged test by test), by language: from asking the sandbox to the last report.",
    labelNames: ['language'] as const,
    buckets: [...DURATION_BUCKETS_SECONDS],
    registers,
  });
  const sandboxFailures = new Counter({
    name: 'arbiter_worker_sandbox_failures_total',
    help: 'Job attempts whose judging threw: platform faults in the judge or the sandbox, retried by the queue.',
    labelNames: ['language'] as const,
    registers,
  });
  const attemptsFailed = new Counter({
    name: 'arbiter_worker_job_attempts_failed_total',
    help: 'Failed job attempts BullMQ recorded on this worker (any platform fault); final="true": no attempt was left.',
    labelNames: ['final'] as const,
    registers,
  });
  let countActive: () => number = () => 0;
  let readSandbox: () => SandboxCounters | undefined = () => undefined;
  new Counter({
    name: 'arbiter_worker_sandbox_cells_retired_total',
    help: 'Sandbox cells taken out of use because they could not be proven clean after a run (each is rebuilt; the failure is logged).',
    registers,
    collect() {
      this.reset();
      this.inc(readSandbox()?.cellsRetired ?? 0);
    },
  });
  new Gauge({
    name: 'arbiter_worker_sandbox_cells_out_of_service',
    help: 'Sandbox cells whose rebuild failed and that no run uses until a rebuild succeeds.',
    registers,
    collect() {
      this.set(readSandbox()?.cellsOutOfService ?? 0);
    },
  });
  new Gauge({
    name: 'arbiter_worker_active_jobs',
    help: 'Jobs this worker is running now.',
    registers,
    collect() {
      this.set(countActive());
    },
  });
  // Fault counters start at 0, so a query or an alert sees a series before the first fault.
  for (const language of LANGUAGE_IDS) sandboxFailures.inc({ language }, 0);
  for (const final of ['true', 'false']) attemptsFailed.inc({ final }, 0);
  new Gauge({
    name: 'arbiter_worker_concurrency',
    help: 'Jobs this worker runs at once at most (WORKER_CONCURRENCY).',
    registers,
  }).set(options.concurrency);

  // Label values stay within the known languages, whatever a malformed job carries.
  const languageOf = (data: unknown): string => {
    const raw = typeof data === 'object' && data !== null && 'language' in data ? data.language : undefined;
    const parsed = languageIdSchema.safeParse(raw);
    return parsed.success ? parsed.data : 'unknown';
  };

  return {
    registry,
    countActiveWith(count) {
      countActive = count;
    },
    countSandboxWith(read) {
      readSandbox = read;
    },
    jobFinished(record) {
      const language = languageOf(record);
      processed.inc({ language, mode: record.mode, verdict: record.verdict ?? 'none' });
      const observe = (histogram: Histogram<'language'>, step: StepTiming | undefined) => {
        // runs 0: a compile served from the cache, no sandbox run to time.
        if (step !== undefined && step.runs > 0)
          histogram.observe({ language }, (step.end - step.start) / 1000);
      };
      observe(compileSeconds, record.timings?.compile);
      observe(runSeconds, record.timings?.run);
    },
    judgingFailed(data) {
      sandboxFailures.inc({ language: languageOf(data) });
    },
    attemptFailed(final) {
      attemptsFailed.inc({ final: String(final) });
    },
  };
}
