/**
 * Interactive runs go ahead of submits waiting in the queue, submits ahead of an admin's
 * rejudges, and queue positions count that way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  base,
  cleanup,
  getStatus,
  post,
  signUp,
  startApi,
  startWorkerInProcess,
  testPrefix,
  testSql,
  waitForResult,
  USING_PGLITE,
} from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let worker: RunningWorker | undefined;
let url: string;
/** The first user: an admin. */
let cookie = '';

beforeAll(async () => {
  api = await startApi(prefix);
  url = base(api);
});

afterAll(async () => {
  await worker?.stop(1_000);
  await api?.close(1_000);
  await cleanup(prefix);
});

describe('priorities', () => {
  it('runs a later run before earlier submits', async () => {
    cookie = await signUp(url, 'hurried');
    const post = async (body: object) => {
      const response = await fetch(`${url}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      });
      return ((await response.json()) as { jobId: string }).jobId;
    };
    const code = 'class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]';
    // No worker yet: everything waits.
    const submits = [
      await post({ language: 'python', code, problem: 'two-sum', mode: 'submit' }),
      await post({ language: 'python', code, problem: 'two-sum', mode: 'submit' }),
    ];
    const run = await post({ language: 'python', code: 'print("first")' });
    expect((await getStatus(url, run, cookie)).body).toMatchObject({ status: 'queued', position: 1 });
    expect((await getStatus(url, submits[1] ?? '', cookie)).body).toMatchObject({
      status: 'queued',
      position: 3,
    });

    worker = await startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '1' });
    const results = await Promise.all([run, ...submits].map((id) => waitForResult(url, id, 30_000, cookie)));
    const finished = results.map((result) => Date.parse(result.finishedAt ?? ''));
    expect(finished[0]).toBeLessThan(Math.min(...finished.slice(1)));
  });

  it.skipIf(USING_PGLITE)('runs a run, then a submit, before 100 rejudges queued earlier', async () => {
    await worker?.stop(1_000);
    worker = undefined;
    // 100 finished submits of the past, straight into the table.
    await testSql(
      prefix,
      `insert into submissions (id, problem_slug, language, mode, code, status, verdict, created_at)
       select gen_random_uuid()::text, 'two-sum', 'python', 'submit', 'print(1)', 'completed', 'ACCEPTED', now()
       from generate_series(1, 100)`,
    );
    const rejudge = await post(url, '/admin/rejudge', { problem: 'two-sum', language: 'python' }, { cookie });
    expect(rejudge.status).toBe(202);
    expect((rejudge.body as { jobs: unknown[] }).jobs.length).toBeGreaterThanOrEqual(100);

    const send = async (body: object) =>
      (await post(url, '/submit', body, { cookie })).body as { jobId: string };
    const code = 'class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]';
    const submit = (await send({ language: 'python', code, problem: 'two-sum', mode: 'submit' })).jobId;
    const run = (await send({ language: 'python', code: 'print("in a hurry")' })).jobId;
    expect((await getStatus(url, run, cookie)).body).toMatchObject({ status: 'queued', position: 1 });
    expect((await getStatus(url, submit, cookie)).body).toMatchObject({ status: 'queued', position: 2 });

    worker = await startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '1' });
    const [ran, submitted] = await Promise.all([
      waitForResult(url, run, 30_000, cookie),
      waitForResult(url, submit, 30_000, cookie),
    ]);
    expect(Date.parse(ran.finishedAt ?? '')).toBeLessThan(Date.parse(submitted.finishedAt ?? ''));
    // No rejudge started before the submit was done.
    const early = await testSql(
      prefix,
      `select count(*)::int as n from submissions where rejudge_of is not null and started_at < $1::timestamptz`,
      [submitted.finishedAt],
    );
    expect(early.rows[0]).toEqual({ n: 0 });
  });
});
