/** Interactive runs go ahead of submits waiting in the queue, and queue positions count that way. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  base,
  cleanup,
  getStatus,
  signUp,
  startApi,
  startWorkerInProcess,
  testPrefix,
  waitForResult,
} from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let worker: RunningWorker | undefined;
let url: string;

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
    const cookie = await signUp(url, 'hurried');
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
});
