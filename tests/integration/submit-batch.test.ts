/** POST /submit/batch: per-element job ids or errors, each element checked as POST /submit checks one, and counted by the rate limit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import type { SubmitBatchResponse } from '@arbiter/contracts';
import type { RunningWorker } from '@arbiter/worker';
import {
  base,
  cleanup,
  post,
  startApi,
  startWorkerInProcess,
  testPrefix,
  waitForResult,
} from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let limited: ApiServer;
let worker: RunningWorker;
let url: string;

beforeAll(async () => {
  api = await startApi(prefix, { SUBMIT_RATE_PER_MINUTE_IP: '0' });
  limited = await startApi(prefix, { SUBMIT_RATE_PER_MINUTE_IP: '5', REDIS_PREFIX: `${prefix}-limited` });
  worker = await startWorkerInProcess(prefix);
  url = base(api);
}, 180_000);

afterAll(async () => {
  await worker?.stop(1_000);
  await api?.close(1_000);
  await limited?.close(1_000);
  await cleanup(prefix);
  await cleanup(`${prefix}-limited`);
});

type Refusal = { error: { code: string; message: string; details?: string[] } };

describe('POST /submit/batch', () => {
  it('queues the valid elements and answers an error for each invalid one, in order', async () => {
    const answer = await post(url, '/submit/batch', {
      submissions: [
        { language: 'python', code: 'print("first")' },
        { language: 'cobol', code: 'x' },
        {
          language: 'cpp',
          code: '#include <cstdio>\nint main() { std::printf("%d\\n", VALUE); }',
          compilerOptions: ['-DVALUE=7'],
        },
        { language: 'python', code: 'x', compilerOptions: ['-O2'] },
        { language: 'python' },
        { language: 'python', code: 'x', problem: 'two-sum', mode: 'submit' },
      ],
    });
    expect(answer.status).toBe(202);
    const items = (answer.body as SubmitBatchResponse).submissions;
    expect(items).toHaveLength(6);
    expect(items[0]).toEqual({ jobId: expect.any(String) });
    expect(items[1]).toMatchObject({ status: 400, error: { code: 'UNKNOWN_LANGUAGE' } });
    expect(items[2]).toEqual({ jobId: expect.any(String) });
    expect(items[3]).toMatchObject({
      status: 400,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('compiler flags') },
    });
    expect(items[4]).toMatchObject({
      status: 400,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('code') },
    });
    expect(items[5]).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
    const first = await waitForResult(url, (items[0] as { jobId: string }).jobId);
    const third = await waitForResult(url, (items[2] as { jobId: string }).jobId, 60_000);
    expect(first.stdout).toBe('first\n');
    expect(third.stdout).toBe('7\n');
  });

  it('answers 400 naming every element when none could be queued', async () => {
    const answer = await post(url, '/submit/batch', {
      submissions: [{ language: 'cobol', code: 'x' }, { code: 'x' }],
    });
    expect(answer.status).toBe(400);
    const body = answer.body as Refusal;
    expect(body.error.details).toHaveLength(2);
    expect(body.error.details?.[0]).toMatch(/^submissions\.0: /);
  });

  it('refuses an empty batch, more than 20, and a body without submissions', async () => {
    for (const body of [{ submissions: [] }, { submissions: Array.from({ length: 21 }, () => ({})) }, {}]) {
      const answer = await post(url, '/submit/batch', body);
      expect(answer.status).toBe(400);
      expect((answer.body as Refusal).error.message).toContain('submissions');
    }
  });

  it('counts every element against the submit rate limit', async () => {
    const batch = (n: number) => ({
      submissions: Array.from({ length: n }, () => ({ language: 'python', code: 'print(1)' })),
    });
    const limitedUrl = base(limited);
    expect((await post(limitedUrl, '/submit/batch', batch(4))).status).toBe(202);
    const over = await post(limitedUrl, '/submit/batch', batch(2));
    expect(over.status).toBe(429);
    expect((over.body as Refusal).error.code).toBe('RATE_LIMITED');
  });
});
