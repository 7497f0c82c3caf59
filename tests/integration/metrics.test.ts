/**
 * Prometheus metrics through the real API, two workers and the sandbox: a mix of runs and
 * signed-in submits in several languages, then every instance's `/metrics` scraped and checked
 * against what happened (accepted, judged, persisted, HTTP routes, queue depth, sockets), each
 * instance with a registry of its own, and METRICS_TOKEN guarding the endpoints (required outside
 * development: without it they refuse every scrape).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobResult, LanguageId, SubmissionMode } from '@arbiter/contracts';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import type { Sandbox } from '@arbiter/sandbox';
import { CATALOG_ROOT, loadCatalog } from '@arbiter/problems';
import {
  ROOT,
  base,
  cleanup,
  connect,
  signUp,
  startApi,
  startWorkerInProcess,
  submit,
  testPrefix,
  waitFor,
  waitForResult,
} from '../support/platform.js';

const prefix = testPrefix();
const TOKEN = 'metrics-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}` };
let api: ApiServer;
/** workers[0] wants the token; workers[1] has none and runs in development, so it is open. */
const workers: RunningWorker[] = [];
let url: string;

beforeAll(async () => {
  api = await startApi(prefix, {
    SUBMIT_RATE_PER_MINUTE_IP: '0',
    SUBMIT_RATE_PER_MINUTE_USER: '0',
    METRICS_TOKEN: TOKEN,
  });
  url = base(api);
  workers.push(
    ...(await Promise.all([
      startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '1', METRICS_PORT: '0', METRICS_TOKEN: TOKEN }),
      startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '1', METRICS_PORT: '0', NODE_ENV: 'development' }),
    ])),
  );
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop(1_000)));
  await api?.close(1_000);
  await cleanup(prefix);
});

// ---------------------------------------------------------------------------------------------
// The Prometheus text format, just enough of it.

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/.exec(line);
    if (match === null) throw new Error(`not a sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const label of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[label[1] ?? ''] = (label[2] ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    // Go's ParseFloat, which Prometheus uses, takes NaN and Inf in any case (prom-client writes `Nan`).
    const raw = (match[3] ?? '').toLowerCase();
    const value = raw === '+inf' ? Infinity : raw === '-inf' ? -Infinity : Number(raw === 'nan' ? NaN : raw);
    if (Number.isNaN(value) && raw !== 'nan') throw new Error(`not a value: ${line}`);
    samples.push({ name: match[1] ?? '', labels, value });
  }
  return samples;
}

/** Sum of the samples named `name` whose labels include `where`. */
function total(samples: Sample[], name: string, where: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

function find(samples: Sample[], name: string): Sample[] {
  return samples.filter((s) => s.name === name);
}

async function scrape(target: string, headers: Record<string, string> = {}): Promise<Sample[]> {
  const response = await fetch(`${target}/metrics`, { headers });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(await response.text());
}

const workerUrl = (worker: RunningWorker) => `http://127.0.0.1:${worker.metricsPort ?? 0}`;
const scrapeWorkers = () =>
  Promise.all([
    scrape(workerUrl(workers[0] as RunningWorker), AUTH),
    scrape(workerUrl(workers[1] as RunningWorker)),
  ]);

// ---------------------------------------------------------------------------------------------

interface Job {
  body: Record<string, unknown>;
  expected: string;
}

describe('metrics', () => {
  it('refuses /metrics without the token when METRICS_TOKEN is set, on the API and the worker', async () => {
    expect(workers.every((worker) => typeof worker.metricsPort === 'number' && worker.metricsPort > 0)).toBe(
      true,
    );
    for (const target of [url, workerUrl(workers[0] as RunningWorker)]) {
      expect((await fetch(`${target}/metrics`)).status, target).toBe(401);
      const wrong = await fetch(`${target}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status, target).toBe(401);
      expect((await fetch(`${target}/metrics`, { headers: AUTH })).status, target).toBe(200);
    }
    // No token configured, in development: open, as is the worker's /health.
    expect((await fetch(`${workerUrl(workers[1] as RunningWorker)}/metrics`)).status).toBe(200);
    const health = await fetch(`${workerUrl(workers[0] as RunningWorker)}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', workerId: (workers[0] as RunningWorker).id });
  });

  it('refuses every scrape, with a 403 that says what to set, when no METRICS_TOKEN is set outside development', async () => {
    // An API and a worker of their own (another prefix: they take none of the jobs counted below).
    const other = testPrefix();
    const lonelyApi = await startApi(other);
    const lonelyWorker = await startWorkerInProcess(other, { WORKER_CONCURRENCY: '1', METRICS_PORT: '0' });
    try {
      for (const target of [base(lonelyApi), workerUrl(lonelyWorker)]) {
        for (const headers of [{}, AUTH, { authorization: 'Bearer ' }]) {
          const response = await fetch(`${target}/metrics`, { headers });
          expect(response.status, target).toBe(403);
          expect(await response.text(), target).toMatch(/METRICS_TOKEN.*Authorization: Bearer/);
        }
      }
      // The worker's health check stays open.
      expect((await fetch(`${workerUrl(lonelyWorker)}/health`)).status).toBe(200);
    } finally {
      await lonelyWorker.stop(1_000);
      await lonelyApi.close(1_000);
      await cleanup(other);
    }
  });

  it('counts what the API accepted, the workers judged and the API persisted', async () => {
    const catalog = await loadCatalog(CATALOG_ROOT);
    const solution = (language: LanguageId) => {
      const code = catalog.get('two-sum')?.solutions.find((s) => s.language === language)?.code;
      if (code === undefined) throw new Error(`no ${language} two-sum`);
      return code;
    };
    const run = (language: LanguageId, code: string, expected: string, extra: object = {}): Job => ({
      body: { language, code, ...extra },
      expected,
    });
    const submitted = (language: LanguageId, code: string, expected: string): Job => ({
      body: { language, code, problem: 'two-sum', mode: 'submit' },
      expected,
    });
    const jobs: Job[] = [
      run('python', 'print("hello")', 'ACCEPTED'),
      run('python', 'print("hello again")', 'ACCEPTED', { mode: 'run' }),
      run('python', 'raise SystemExit(3)', 'RUNTIME_ERROR'),
      run('python', 'print("no")', 'WRONG_ANSWER', { expectedOutput: 'yes' }),
      run('javascript', 'console.log("hello")', 'ACCEPTED'),
      run('cpp', '#include <cstdio>\nint main() { puts("hello"); }', 'ACCEPTED'),
      run('cpp', 'int main() { return missing; }', 'COMPILE_ERROR'),
      run('c', '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }', 'ACCEPTED'),
      submitted('python', solution('python'), 'ACCEPTED'),
      submitted('cpp', solution('cpp'), 'ACCEPTED'),
      submitted('javascript', solution('javascript'), 'ACCEPTED'),
      submitted(
        'python',
        'class Solution:\n    def twoSum(self, nums, target):\n        return [0, 0]',
        'WRONG_ANSWER',
      ),
    ];
    const N = jobs.length;
    const cookie = await signUp(url, 'metered');
    const client = connect(url, cookie);

    const ids = await Promise.all(
      jobs.map(async (job) => {
        const response = await fetch(`${url}/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify(job.body),
        });
        const answer = (await response.json()) as { jobId?: string };
        expect(response.status, JSON.stringify(answer)).toBe(202);
        return answer.jobId as string;
      }),
    );
    // One refused submission: timed under its route, never counted as accepted.
    expect(
      (
        await fetch(`${url}/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(400);

    // Unknown paths: one `unmatched` route label, not one per URL.
    expect((await fetch(`${url}/no-such-page/${ids[0] ?? ''}`)).status).toBe(404);

    const results: JobResult[] = await Promise.all(ids.map((id) => waitForResult(url, id, 60_000, cookie)));
    expect(results.map((r) => r.verdict)).toEqual(jobs.map((job) => job.expected));
    for (const id of ids)
      expect((await fetch(`${url}/status/${id}`, { headers: { cookie } })).status).toBe(200);

    // The API: accepted by language and mode; finished once each result reached the database.
    let apiSamples: Sample[] = [];
    await waitFor(
      async () => {
        apiSamples = await scrape(url, AUTH);
        return total(apiSamples, 'arbiter_jobs_finished_total') >= N;
      },
      15_000,
      () => `finished counter stayed at ${total(apiSamples, 'arbiter_jobs_finished_total')} of ${N}`,
    );
    const count = (pick: (r: JobResult) => boolean) => results.filter(pick).length;
    expect(total(apiSamples, 'arbiter_submissions_accepted_total')).toBe(N);
    for (const language of ['python', 'javascript', 'cpp', 'c'] as LanguageId[]) {
      for (const mode of ['run', 'submit'] as SubmissionMode[]) {
        const expected = count((r) => r.language === language && r.mode === mode);
        expect(
          total(apiSamples, 'arbiter_submissions_accepted_total', { language, mode }),
          `${language} ${mode}`,
        ).toBe(expected);
        expect(
          total(apiSamples, 'arbiter_jobs_finished_total', { language, mode }),
          `${language} ${mode}`,
        ).toBe(expected);
      }
    }
    expect(total(apiSamples, 'arbiter_jobs_finished_total')).toBe(N);
    expect(total(apiSamples, 'arbiter_jobs_finished_total', { status: 'completed' })).toBe(N);
    expect(total(apiSamples, 'arbiter_jobs_finished_total', { verdict: 'ACCEPTED' })).toBe(
      count((r) => r.verdict === 'ACCEPTED'),
    );
    expect(total(apiSamples, 'arbiter_queue_wait_seconds_count')).toBe(N);
    expect(total(apiSamples, 'arbiter_queue_wait_seconds_count', { mode: 'submit' })).toBe(4);

    // HTTP: route patterns, never raw ids, in any label of any instance.
    const http = 'arbiter_http_request_duration_seconds_count';
    expect(total(apiSamples, http, { method: 'POST', route: '/submit', status_code: '202' })).toBe(N);
    expect(total(apiSamples, http, { method: 'POST', route: '/submit', status_code: '400' })).toBe(1);
    expect(total(apiSamples, http, { method: 'GET', route: '/status/:jobId' })).toBeGreaterThanOrEqual(N * 2);
    expect(total(apiSamples, http, { method: 'GET', route: 'unmatched', status_code: '404' })).toBe(1);
    const workerSamples = await scrapeWorkers();
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    for (const sample of [apiSamples, ...workerSamples].flat()) {
      for (const value of Object.values(sample.labels)) expect(value, sample.name).not.toMatch(uuid);
    }

    // The workers: together they judged every job once, each with a registry of its own.
    const [first, second] = workerSamples as [Sample[], Sample[]];
    const processed = 'arbiter_worker_jobs_processed_total';
    expect(total(first, processed) + total(second, processed)).toBe(N);
    for (const result of results) {
      const labels = { language: result.language, mode: result.mode, verdict: result.verdict ?? '' };
      const expected = count(
        (r) => r.language === result.language && r.mode === result.mode && r.verdict === result.verdict,
      );
      expect(total(first, processed, labels) + total(second, processed, labels), JSON.stringify(labels)).toBe(
        expected,
      );
    }
    const both = (name: string, where: Record<string, string> = {}) =>
      total(first, name, where) + total(second, name, where);
    // Run time: every job that ran its program; compile time: every C/C++ compile (no cache hits here).
    for (const language of ['python', 'javascript', 'cpp', 'c']) {
      const ran = count((r) => r.language === language && r.wallTimeMs !== null);
      expect(both('arbiter_worker_run_seconds_count', { language }), language).toBe(ran);
    }
    expect(both('arbiter_worker_compile_seconds_count', { language: 'cpp' })).toBe(3);
    expect(both('arbiter_worker_compile_seconds_count', { language: 'c' })).toBe(1);
    expect(both('arbiter_worker_compile_seconds_count', { language: 'python' })).toBe(0);
    expect(both('arbiter_worker_compile_seconds_sum', { language: 'cpp' })).toBeGreaterThan(0);
    expect(both('arbiter_worker_sandbox_failures_total')).toBe(0);
    expect(both('arbiter_worker_job_attempts_failed_total')).toBe(0);
    expect(both('arbiter_worker_active_jobs')).toBe(0);
    expect(total(first, 'arbiter_worker_concurrency')).toBe(1);
    // No metric leaks between registries: the API has no worker metrics, the workers no API ones.
    expect(find(apiSamples, processed)).toEqual([]);
    expect(find(first, 'arbiter_submissions_accepted_total')).toEqual([]);
    // Process metrics, labelled by app.
    expect(total(apiSamples, 'process_resident_memory_bytes', { app: 'api' })).toBeGreaterThan(0);
    expect(total(first, 'process_resident_memory_bytes', { app: 'worker' })).toBeGreaterThan(0);
    expect(find(apiSamples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);

    // Every series the Grafana dashboard and the KEDA trigger query is one the instances export.
    const exported = new Set([apiSamples, ...workerSamples].flat().map((sample) => sample.name));
    const queried = [
      await readFile(join(ROOT, 'deploy/grafana/arbiter-dashboard.json'), 'utf8'),
      await readFile(join(ROOT, 'deploy/k8s/41-worker-keda.yaml'), 'utf8'),
    ].flatMap((text) => [...text.matchAll(/\b(?:arbiter|process|nodejs)_[a-z0-9_]+/g)].map((m) => m[0]));
    expect(queried.length).toBeGreaterThan(20);
    expect(queried.filter((name) => !exported.has(name))).toEqual([]);

    // The queue, read at scrape time: empty now, every state reported.
    for (const state of ['wait', 'prioritized', 'active', 'delayed']) {
      const gauge = find(apiSamples, 'arbiter_queue_jobs').filter((s) => s.labels.state === state);
      expect(gauge, state).toHaveLength(1);
      expect(gauge[0]?.value, state).toBe(0);
    }
    expect(find(apiSamples, 'arbiter_queue_oldest_waiting_seconds').map((s) => s.value)).toEqual([0]);

    // Socket.IO clients of this instance.
    await waitFor(
      () => client.socket.connected,
      5_000,
      () => 'socket did not connect',
    );
    expect(total(await scrape(url, AUTH), 'arbiter_socketio_connected_clients')).toBe(1);
    client.socket.disconnect();
    await waitFor(
      async () => total(await scrape(url, AUTH), 'arbiter_socketio_connected_clients') === 0,
      5_000,
      () => 'the socket gauge did not go back to 0',
    );
  });

  it('counts platform faults: attempts that threw, and the INTERNAL_ERROR that ends them', async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop(1_000)));
    const broken: Sandbox = {
      kind: 'broken',
      driver: 'none',
      run: async () => {
        throw new Error('cgroup controller vanished');
      },
      runGroup: async () => {
        throw new Error('cgroup controller vanished');
      },
      close: async () => undefined,
    };
    const faulty = await startWorkerInProcess(
      prefix,
      { WORKER_CONCURRENCY: '1', METRICS_PORT: '0', METRICS_TOKEN: TOKEN },
      // The broken sandbox would fail the languages' self-test: the jobs' faults are what is tested.
      { sandbox: broken, skipSelfTest: true },
    );
    workers.push(faulty);
    const before = total(await scrape(url, AUTH), 'arbiter_jobs_finished_total');
    const jobId = await submit(url, { language: 'python', code: 'print("never")' });
    expect(await waitForResult(url, jobId, 20_000)).toMatchObject({ status: 'failed', attempts: 3 });

    const samples = await scrape(workerUrl(faulty), AUTH);
    expect(total(samples, 'arbiter_worker_sandbox_failures_total', { language: 'python' })).toBe(3);
    expect(total(samples, 'arbiter_worker_job_attempts_failed_total', { final: 'false' })).toBe(2);
    expect(total(samples, 'arbiter_worker_job_attempts_failed_total', { final: 'true' })).toBe(1);
    expect(
      total(samples, 'arbiter_worker_jobs_processed_total', {
        language: 'python',
        verdict: 'INTERNAL_ERROR',
      }),
    ).toBe(1);
    expect(total(samples, 'arbiter_worker_run_seconds_count')).toBe(0);
    expect(total(samples, 'arbiter_worker_active_jobs')).toBe(0);
    let apiSamples: Sample[] = [];
    await waitFor(
      async () => {
        apiSamples = await scrape(url, AUTH);
        return total(apiSamples, 'arbiter_jobs_finished_total') > before;
      },
      15_000,
      () => 'the failed job was not counted as finished',
    );
    expect(
      total(apiSamples, 'arbiter_jobs_finished_total', { status: 'failed', verdict: 'INTERNAL_ERROR' }),
    ).toBe(1);
  });

  it('reports waiting jobs by state and the age of the oldest while no worker takes them', async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop(1_000)));
    const cookie = await signUp(url, 'waiting');
    const send = (body: object) =>
      fetch(`${url}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      }).then((r) => expect(r.status).toBe(202));
    // The submit first: the oldest waiting job is not at the head (the user's runs go before it).
    await send({ language: 'python', code: solutionStub, problem: 'two-sum', mode: 'submit' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    await send({ language: 'python', code: 'print(1)' });
    await send({ language: 'python', code: 'print(2)' });
    const samples = await scrape(url, AUTH);
    // Every job waits in the prioritized set (fair share).
    expect(total(samples, 'arbiter_queue_jobs', { state: 'wait' })).toBe(0);
    expect(total(samples, 'arbiter_queue_jobs', { state: 'prioritized' })).toBe(3);
    expect(total(samples, 'arbiter_queue_jobs', { state: 'active' })).toBe(0);
    const age = total(samples, 'arbiter_queue_oldest_waiting_seconds');
    expect(age).toBeGreaterThanOrEqual(0.6);
    expect(age).toBeLessThan(30);
  });
});

const solutionStub = 'class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]';
