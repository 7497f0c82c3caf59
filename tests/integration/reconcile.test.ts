/**
 * The database follows a job through its life and is reconciled with the queue: rows show
 * `running`, jobs Redis lost are queued again from their rows (or failed once they keep getting
 * lost), results whose notice went missing are saved, and admins rejudge finished submits.
 * PostgreSQL only: the test edits rows directly while the API runs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  REDIS_URL,
  ROOT,
  base,
  cleanup,
  post,
  signUp,
  startApi,
  startWorkerInProcess,
  testPrefix,
  testSql,
  waitFor,
  waitForResult,
} from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let worker: RunningWorker | undefined;
let url: string;
/** The first user: an admin. */
let admin = '';
let user = '';
let twoSum = '';

beforeAll(async () => {
  // No timer: each test runs a round itself, and checks every unfinished row however young.
  api = await startApi(prefix, { RECONCILE_INTERVAL_MS: '0', RECONCILE_AFTER_MS: '0' });
  url = base(api);
  admin = await signUp(url, 'root');
  user = await signUp(url, 'solver');
  twoSum = await readFile(join(ROOT, 'problems/two-sum/solutions/solution.py'), 'utf8');
});

afterAll(async () => {
  await worker?.stop(1_000);
  await api?.close(1_000);
  await cleanup(prefix);
});

async function send(body: object, cookie: string): Promise<string> {
  const answer = await post(url, '/submit', body, { cookie });
  if (answer.status !== 202)
    throw new Error(`submit answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return (answer.body as { jobId: string }).jobId;
}

interface Row {
  status: string;
  verdict: string | null;
  requeues: number;
  rejudge_of: string | null;
  worker: string | null;
}

async function row(jobId: string): Promise<Row> {
  const result = await testSql(
    prefix,
    'select status, verdict, requeues, rejudge_of, worker from submissions where id = $1',
    [jobId],
  );
  return result.rows[0] as Row;
}

/** Loses everything the deployment keeps in Redis, as a flush or a failover without data would. */
async function loseRedis(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

async function ensureWorker(): Promise<void> {
  worker ??= await startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '1' });
}

describe('the database follows each job', () => {
  it('marks a row running while a worker judges it', async () => {
    await ensureWorker();
    const jobId = await send(
      { language: 'python', code: 'import time\nprint("go", flush=True)\ntime.sleep(1.5)' },
      user,
    );
    await waitFor(
      async () => (await row(jobId)).status === 'running',
      10_000,
      () => 'the row never said running',
    );
    expect((await row(jobId)).worker).toBe(worker?.id);
    await waitForResult(url, jobId, 20_000, user);
    await waitFor(
      async () => (await row(jobId)).status === 'completed',
      10_000,
      () => 'the result was not saved',
    );
  });
});

describe('reconciling the database with the queue', () => {
  it('queues again, from their rows, the jobs Redis lost while they waited', async () => {
    await worker?.stop(1_000);
    worker = undefined;
    const run = await send({ language: 'python', code: 'print(input()[::-1])', stdin: 'kept input\n' }, user);
    const submitted = await send(
      { language: 'python', code: twoSum, problem: 'two-sum', mode: 'submit' },
      user,
    );
    await loseRedis();

    const report = await api.reconciler.runOnce();
    expect(report).toMatchObject({ checked: 2, requeued: 2, failed: 0 });
    expect(await row(run)).toMatchObject({ status: 'queued', requeues: 1 });

    await ensureWorker();
    expect(await waitForResult(url, run, 20_000, user)).toMatchObject({
      status: 'completed',
      stdout: 'tupni tpek\n',
    });
    expect(await waitForResult(url, submitted, 30_000, user)).toMatchObject({ verdict: 'ACCEPTED' });
    await waitFor(
      async () => (await row(submitted)).status === 'completed',
      10_000,
      () => 'the requeued submit was not saved',
    );
    expect(await api.reconciler.runOnce()).toMatchObject({ checked: 0 });
  });

  it('saves a finished result whose notice to the database went missing', async () => {
    await ensureWorker();
    const jobId = await send({ language: 'python', code: 'print("done")' }, user);
    await waitForResult(url, jobId, 20_000, user);
    await waitFor(
      async () => (await row(jobId)).status === 'completed',
      10_000,
      () => 'the result was not saved',
    );
    // As if the persist notice had been lost: the row is unfinished, the Redis record final.
    await testSql(prefix, `update submissions set status = 'running', verdict = null where id = $1`, [jobId]);
    expect(await api.reconciler.runOnce()).toMatchObject({ checked: 1, saved: 1 });
    expect(await row(jobId)).toMatchObject({ status: 'completed', verdict: 'ACCEPTED' });
  });

  it('fails a job that keeps getting lost, instead of queueing it forever', async () => {
    await worker?.stop(1_000);
    worker = undefined;
    const jobId = await send({ language: 'python', code: 'print(1)' }, user);
    await testSql(prefix, 'update submissions set requeues = 3 where id = $1', [jobId]);
    await loseRedis();
    expect(await api.reconciler.runOnce()).toMatchObject({ checked: 1, failed: 1 });
    expect(await row(jobId)).toMatchObject({ status: 'failed', verdict: 'INTERNAL_ERROR' });
    const status = await waitForResult(url, jobId, 5_000, user);
    expect(status.error).toMatch(/lost/);
  });
});

describe('POST /admin/rejudge', () => {
  it('is for admins only, and says what is wrong with a request', async () => {
    const body = { problem: 'two-sum' };
    expect((await post(url, '/admin/rejudge', body)).status).toBe(401);
    expect(await post(url, '/admin/rejudge', body, { cookie: user })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
    expect(
      await post(url, '/admin/rejudge', { problem: 'no-such-problem' }, { cookie: admin }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'UNKNOWN_PROBLEM' } },
    });
    expect(
      await post(
        url,
        '/admin/rejudge',
        { submissionId: '00000000-0000-4000-8000-000000000000' },
        { cookie: admin },
      ),
    ).toMatchObject({ status: 404 });
    const bad = await post(url, '/admin/rejudge', { everything: true }, { cookie: admin });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/submissionId/);
  });

  it("judges a problem's finished submits again as new jobs, without counting them twice", async () => {
    await ensureWorker();
    const wrong = 'class Solution:\n    def twoSum(self, nums, target):\n        return [0, 0]';
    const originals = [
      await send({ language: 'python', code: twoSum, problem: 'two-sum', mode: 'submit' }, user),
      await send({ language: 'python', code: wrong, problem: 'two-sum', mode: 'submit' }, user),
    ];
    for (const id of originals) await waitForResult(url, id, 30_000, user);
    const stats = async () => {
      const answer = await fetch(`${url}/problems/two-sum`);
      const problem = (await answer.json()) as { submissions: number; acceptanceRate: number | null };
      return { submissions: problem.submissions, acceptanceRate: problem.acceptanceRate };
    };
    await waitFor(
      async () => (await row(originals[1] ?? '')).status === 'completed',
      10_000,
      () => 'not saved',
    );
    const before = await stats();

    const answer = await post(
      url,
      '/admin/rejudge',
      { problem: 'two-sum', language: 'python' },
      { cookie: admin },
    );
    expect(answer.status).toBe(202);
    const jobs = (answer.body as { jobs: { jobId: string; rejudgeOf: string }[] }).jobs;
    // Every finished original python submit of two-sum, including the earlier tests' one.
    expect(jobs.map((job) => job.rejudgeOf)).toEqual(expect.arrayContaining(originals));
    const verdicts = new Map<string, string | null>();
    for (const job of jobs) {
      // The owner reads the rejudge like any of their submissions.
      verdicts.set(job.rejudgeOf, (await waitForResult(url, job.jobId, 30_000, user)).verdict);
    }
    expect(verdicts.get(originals[0] ?? '')).toBe('ACCEPTED');
    expect(verdicts.get(originals[1] ?? '')).toBe('WRONG_ANSWER');
    const last = jobs[jobs.length - 1]?.jobId ?? '';
    await waitFor(
      async () => (await row(last)).status === 'completed',
      10_000,
      () => 'the rejudge was not saved',
    );
    expect((await row(last)).rejudge_of).toBe(jobs[jobs.length - 1]?.rejudgeOf);
    expect(await stats()).toEqual(before);

    // One submission by id; a rejudge itself is not rejudged again.
    const one = await post(url, '/admin/rejudge', { submissionId: originals[0] }, { cookie: admin });
    expect(one).toMatchObject({ status: 202, body: { jobs: [{ rejudgeOf: originals[0] }] } });
    const again = await post(url, '/admin/rejudge', { submissionId: last }, { cookie: admin });
    expect(again.status).toBe(404);
  });
});
