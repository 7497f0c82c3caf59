/**
 * The soak's short form, as CI runs it: about 150 mixed submissions (six languages, every verdict
 * a program can earn, attacks on the sandbox, problem submissions) from 8 clients at once through
 * the real API, worker and sandbox. Every job must end once, with its expected verdict, and
 * nothing may stay queued or running; every result carries its per-stage timings, in order. The
 * long form with memory sampling is `npm run bench:soak`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobResult } from '@arbiter/contracts';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import { generateSoak, soakCases } from '../../bench/support/soak-mix.js';
import { runSoak } from '../../bench/support/soak-run.js';
import { REDIS_URL, base, cleanup, startApi, startWorkerInProcess, testPrefix } from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let worker: RunningWorker;

beforeAll(async () => {
  api = await startApi(prefix, {
    SUBMIT_RATE_PER_MINUTE_IP: '0',
    SUBMIT_RATE_PER_MINUTE_USER: '0',
    AUTH_RATE_PER_MINUTE_IP: '0',
  });
  worker = await startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '2' });
});

afterAll(async () => {
  await worker?.stop(2_000);
  await api?.close(1_000);
  await cleanup(prefix);
});

it('150 mixed submissions from 8 clients each end once, with the right verdict, none stuck', async () => {
  const jobs = generateSoak(150, 7);
  // The short form still covers every case of the mix.
  expect(new Set(jobs.map((job) => job.label)).size).toBe(soakCases().length);
  const report = await runSoak({
    url: base(api),
    redisUrl: REDIS_URL,
    prefix,
    jobs,
    clients: 8,
    jobTimeoutMs: 120_000,
  });
  expect(report.failures).toEqual([]);
  expect(report.runs).toHaveLength(150);
  expect(new Set(report.runs.map(({ run }) => run.jobId)).size).toBe(150);
  expect(report.duplicates).toBe(0);
  expect(report.stuck).toBe(0);
  // Every result says when its stages ran, in order, with the steps its language takes.
  const wrong = report.runs.flatMap(({ job, run }) => {
    const problem = timingProblem(job.body.language, run.result);
    return problem === null ? [] : [`${job.label} (${run.jobId}): ${problem}`];
  });
  expect(wrong).toEqual([]);
}, 180_000);

// JavaScript's syntax check and TypeScript's transpile are compile steps too (esbuild, in the sandbox).
const COMPILED = new Set(['c', 'cpp', 'java', 'javascript', 'typescript']);

function timingProblem(language: string, result: JobResult): string | null {
  const t = result.timings;
  if (t === undefined) return 'no timings';
  if (t.acceptedAt > t.enqueuedAt) return 'enqueued before accepted';
  const steps = [t.compile, t.run].filter((step) => step !== undefined);
  let last = t.pickedAt;
  for (const step of steps) {
    if (step.start < last || step.end < step.start) return 'steps out of order';
    if (step.programMs > step.end - step.start) return 'program longer than its step';
    last = step.end;
  }
  if (t.finishedAt < last) return 'finished before its last step';
  if (COMPILED.has(language) !== (t.compile !== undefined))
    return `compile step: ${JSON.stringify(t.compile)}`;
  if (t.compile !== undefined && t.compile.runs > 1) return 'compiled more than once';
  // Only a compile error stops before the run (Python reports its syntax errors from the run).
  const ran = result.verdict !== 'COMPILE_ERROR' || language === 'python';
  if (ran !== (t.run !== undefined)) return `run step: ${JSON.stringify(t.run)}`;
  return null;
}
