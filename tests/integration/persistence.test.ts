/**
 * Submissions live in the database: every accepted job has a row before it is queued, its
 * result reaches the row even when no API was up as it finished, and `GET /status` still
 * answers after Redis lost everything and the API restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  REDIS_URL,
  base,
  cleanup,
  getStatus,
  openTestDatabase,
  startApi,
  startWorkerInProcess,
  submit,
  testPrefix,
  waitFor,
  waitForResult,
  signUp,
} from '../support/platform.js';

const prefix = testPrefix();
let worker: RunningWorker;
/** A session of the first user, an admin: reads any submission's row over HTTP. */
let admin = '';

beforeAll(async () => {
  worker = await startWorkerInProcess(prefix);
});

afterAll(async () => {
  await worker?.stop(1_000);
  await cleanup(prefix);
});

/** The submission's row, read through the API while it runs. */
async function row(
  api: ApiServer,
  jobId: string,
): Promise<{ status: string; verdict: string | null; code: string } | undefined> {
  const response = await fetch(`${base(api)}/submissions/${jobId}`, { headers: { cookie: admin } });
  return response.status === 200
    ? ((await response.json()) as { status: string; verdict: string | null; code: string })
    : undefined;
}

/** The row read from the database itself (with PGlite only while no API holds it). */
async function rowDirect(jobId: string): Promise<{ status: string } | null> {
  const database = await openTestDatabase(prefix);
  try {
    return await database.submissions.getSubmission(jobId);
  } finally {
    await database.close();
  }
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
    admin = await signUp(base(api), 'keeper');
    const jobId = await submit(base(api), {
      language: 'python',
      code: 'import time\ntime.sleep(0.3)\nprint(7)',
    });
    expect(await row(api, jobId)).toMatchObject({
      status: 'queued',
      code: 'import time\ntime.sleep(0.3)\nprint(7)',
    });
    await waitForResult(base(api), jobId);
    await waitFor(
      async () => (await row(api, jobId))?.status === 'completed',
      10_000,
      () => 'the result was not saved',
    );
    expect(await row(api, jobId)).toMatchObject({ status: 'completed', verdict: 'ACCEPTED' });
  });

  it('answers GET /status from the database after Redis lost everything and the API restarted', async () => {
    const jobId = await submit(base(api), { language: 'python', code: 'print("kept")' });
    await waitForResult(base(api), jobId);
    await waitFor(
      async () => (await row(api, jobId))?.status === 'completed',
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
    // Not final: `running` if the API saw the worker's notice before it stopped, else `queued`.
    expect(['queued', 'running']).toContain((await rowDirect(jobId))?.status);
    api = await startApi(prefix);
    await waitFor(
      async () => (await row(api, jobId))?.status === 'completed',
      10_000,
      () => 'the result was not saved',
    );
    expect((await getStatus(base(api), jobId)).body).toMatchObject({ status: 'completed', stdout: 'late\n' });
    await api.close(1_000);
  });
});
