/**
 * Submissions live in the database: every accepted job has a row before it is queued, its
 * result reaches the row even when no API was up as it finished, and `GET /status` still
 * answers after Redis lost everything and the API restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  DATABASE_URL,
  REDIS_URL,
  base,
  cleanup,
  databaseEnv,
  getStatus,
  startApi,
  startWorkerInProcess,
  submit,
  testPrefix,
  waitFor,
  waitForResult,
} from '../support/platform.js';

const prefix = testPrefix();
const schema = databaseEnv(prefix).DATABASE_SCHEMA ?? '';
let worker: RunningWorker;
let db: pg.Client;

beforeAll(async () => {
  worker = await startWorkerInProcess(prefix);
  db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await worker?.stop(1_000);
  await cleanup(prefix);
});

async function row(
  jobId: string,
): Promise<{ status: string; verdict: string | null; code: string } | undefined> {
  const result = await db.query(`select status, verdict, code from ${schema}.submissions where id = $1`, [
    jobId,
  ]);
  return result.rows[0];
}

async function flushRedis(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

describe('submissions in the database', () => {
  let api: ApiServer;

  it('has a row as soon as the job is accepted, and the result once it is judged', async () => {
    api = await startApi(prefix);
    const jobId = await submit(base(api), {
      language: 'python',
      code: 'import time\ntime.sleep(0.3)\nprint(7)',
    });
    expect(await row(jobId)).toMatchObject({
      status: 'queued',
      code: 'import time\ntime.sleep(0.3)\nprint(7)',
    });
    await waitForResult(base(api), jobId);
    await waitFor(
      async () => (await row(jobId))?.status === 'completed',
      10_000,
      () => 'the result was not saved',
    );
    expect(await row(jobId)).toMatchObject({ status: 'completed', verdict: 'ACCEPTED' });
  });

  it('answers GET /status from the database after Redis lost everything and the API restarted', async () => {
    const jobId = await submit(base(api), { language: 'python', code: 'print("kept")' });
    await waitForResult(base(api), jobId);
    await waitFor(
      async () => (await row(jobId))?.status === 'completed',
      10_000,
      () => 'the result was not saved',
    );
    await api.close(1_000);
    await flushRedis();
    api = await startApi(prefix);
    const status = await getStatus(base(api), jobId);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ jobId, status: 'completed', verdict: 'ACCEPTED', stdout: 'kept\n' });
  });

  it('saves a result that finished while no API was running', async () => {
    const jobId = await submit(base(api), {
      language: 'python',
      code: 'import time\ntime.sleep(1)\nprint("late")',
    });
    await api.close(1_000);
    // The job finishes meanwhile; its result waits in the queue for an API.
    await waitFor(
      async () => (await worker.service.active()) === 0,
      15_000,
      () => 'the job did not finish',
    );
    expect((await row(jobId))?.status).toBe('queued');
    api = await startApi(prefix);
    await waitFor(
      async () => (await row(jobId))?.status === 'completed',
      10_000,
      () => 'the result was not saved',
    );
    expect((await getStatus(base(api), jobId)).body).toMatchObject({ status: 'completed', stdout: 'late\n' });
    await api.close(1_000);
  });
});
