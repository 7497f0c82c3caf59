/**
 * The results stream between workers and the database: a job's finish hands it on in the finish script
 * itself (no command of its own), an entry left pending by an API that died is taken over by another,
 * and a save that failed while the database was away is tried again until it lands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  JobEventLog,
  JobStore,
  RESULTS_GROUP,
  ResultsStream,
  createKeys,
  createResultsQueue,
  newJobRecord,
  redisCommands,
} from '@arbiter/queue';
import { finishRecord } from '../../apps/worker/src/job-processor.js';
import type { WorkerResources } from '../../apps/worker/src/resources.js';
import {
  DATABASE_URL,
  REDIS_URL,
  base,
  cleanup,
  openTestDatabase,
  startApi,
  startWorkerInProcess,
  submit,
  testPrefix,
  waitFor,
} from '../support/platform.js';
import { freeRunJob } from '../support/job-data.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { scaledMs } from '../support/speed-factor.js';

const prefix = testPrefix();
const keys = createKeys(prefix);
let redis: Redis;
let worker: RunningWorker | undefined;

beforeAll(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
});

afterAll(async () => {
  await worker?.stop(1_000);
  redis.disconnect();
  await cleanup(prefix);
});

/** The submission's status in the database, read directly. */
async function rowStatus(jobId: string): Promise<string | undefined> {
  const database = await openTestDatabase(prefix);
  try {
    return (await database.submissions.getSubmission(jobId))?.status;
  } finally {
    await database.close();
  }
}

/** Entries of the results stream pending in the group (read, not yet saved). */
async function pendingCount(): Promise<number> {
  const summary = (await redis.xpending(keys.results(), RESULTS_GROUP)) as [number, ...unknown[]];
  return summary[0];
}

/** Submits a one-second job, stops the API and waits until a worker has finished the job and left its entry. */
async function finishWithApiDown(printed: number): Promise<{ api: ApiServer; jobId: string }> {
  worker ??= await startWorkerInProcess(prefix);
  const api = await startApi(prefix);
  const jobId = await submit(base(api), {
    language: 'python',
    code: `import time\ntime.sleep(1)\nprint(${printed})`,
  });
  await api.close(1_000);
  await waitFor(
    async () => (await worker?.service.active()) === 0 && (await redis.xlen(keys.results())) > 0,
    scaledMs(15_000),
    () => 'the job did not finish',
  );
  return { api, jobId };
}

describe('the results stream', () => {
  it("hands a finished job to the database side inside the finish script: one command for the worker's finish", async () => {
    const sent: string[] = [];
    const counted = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const send = counted.sendCommand.bind(counted);
    counted.sendCommand = ((command: { name: string; args: unknown[] }, ...rest: unknown[]) => {
      sent.push(command.name === 'evalsha' ? `evalsha ${String(command.args[0])}` : command.name);
      return (send as (...args: unknown[]) => unknown)(command, ...rest);
    }) as typeof counted.sendCommand;
    try {
      const store = new JobStore({ redis: counted, keys });
      const events = new JobEventLog({ redis: counted, keys });
      const resources = {
        store,
        events,
        results: new ResultsStream({ redis: counted, keys }),
        metrics: { jobFinished: () => undefined },
      } as unknown as WorkerResources;
      const data = freeRunJob();
      const record = { ...newJobRecord(data), status: 'running' as const };
      // Loads the script once (NOSCRIPT), as any first finish does.
      const warm = freeRunJob();
      await store.create({ ...newJobRecord(warm), status: 'running' });
      await finishRecord(resources, warm.jobId, { status: 'completed' }, newJobRecord(warm), {
        ...newJobRecord(warm),
        status: 'running',
      });
      await store.create(record);
      sent.length = 0;
      const final = await finishRecord(
        resources,
        data.jobId,
        { status: 'completed', verdict: 'ACCEPTED' },
        newJobRecord(data),
        record,
      );
      expect(final).toMatchObject({ status: 'completed', verdict: 'ACCEPTED' });
      // Before the stream: the finish script, then BullMQ's add of a `persist` job (and its reads).
      expect(sent).toEqual([`evalsha ${redisCommands.appendResult.sha}`]);
      const entries = await redis.xrange(keys.results(), '-', '+');
      expect(entries.map(([, fields]) => fields)).toContainEqual(['t', 'persist', 'j', data.jobId]);
    } finally {
      counted.disconnect();
      await redis.del(keys.results());
    }
  });

  it('saves an entry left pending by an API that died, on another API', async () => {
    const down = await finishWithApiDown(1);
    const jobId = down.jobId;
    let api = down.api;
    // An API that read the entries and died before saving them.
    await redis.xreadgroup('GROUP', RESULTS_GROUP, 'dead-api', 'COUNT', 100, 'STREAMS', keys.results(), '>');
    expect(await pendingCount()).toBeGreaterThan(0);
    expect(['queued', 'running']).toContain(await rowStatus(jobId));

    api = await startApi(prefix, { RESULTS_CLAIM_IDLE_MS: String(scaledMs(500)) });
    try {
      await waitFor(
        async () => (await rowStatus(jobId)) === 'completed',
        scaledMs(15_000),
        () => 'the entry pending on the dead API was not saved',
      );
      await waitFor(
        async () => (await pendingCount()) === 0 && (await redis.xlen(keys.results())) === 0,
        scaledMs(5_000),
        () => 'the saved entries were not acknowledged and deleted',
      );
    } finally {
      await api.close(1_000);
    }
  });

  it('tries a save that failed while the database was away again until it lands', async () => {
    worker ??= await startWorkerInProcess(prefix);
    const target = new URL(DATABASE_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(DATABASE_URL);
    proxied.host = `127.0.0.1:${proxy.port}`;
    const api = await startApi(prefix, { DATABASE_URL: proxied.toString(), RESULTS_RETRY_MS: '200' });
    try {
      const jobId = await submit(base(api), {
        language: 'python',
        code: 'import time\ntime.sleep(0.5)\nprint(2)',
      });
      proxy.cut();
      // The job finishes during the cut: its entry is read, its save fails, and it stays pending.
      await waitFor(
        async () => (await worker?.service.active()) === 0 && (await pendingCount()) > 0,
        scaledMs(15_000),
        () => 'no save failed during the cut',
      );
      proxy.restore();
      await waitFor(
        async () => (await rowStatus(jobId)) === 'completed',
        scaledMs(15_000),
        () => 'the result was not saved once the database was back',
      );
      await waitFor(
        async () => (await pendingCount()) === 0,
        scaledMs(5_000),
        () => 'the saved entry was not acknowledged',
      );
    } finally {
      await api.close(1_000);
      await proxy.close();
    }
  });

  it('saves the persist jobs an older deployment left in the BullMQ results queue, then stops reading it', async () => {
    const down = await finishWithApiDown(3);
    const jobId = down.jobId;
    let api = down.api;
    // As an older worker would have left it: no stream entry, a `persist` job on the old queue.
    await redis.del(keys.results());
    const old = createResultsQueue(redis, prefix);
    try {
      await old.add('persist', { jobId }, { jobId });
      api = await startApi(prefix);
      await waitFor(
        async () => (await rowStatus(jobId)) === 'completed',
        scaledMs(15_000),
        () => 'the job left in the old results queue was not saved',
      );
      await api.legacyDrain.done;
      expect(await old.getJobState(jobId)).toBe('completed');
      await api.close(1_000);
      // A start with nothing left there starts no worker on it.
      api = await startApi(prefix);
      await api.legacyDrain.done;
      expect(await old.getWorkersCount()).toBe(0);
    } finally {
      await api.close(1_000);
      await old.close();
    }
  });
});
