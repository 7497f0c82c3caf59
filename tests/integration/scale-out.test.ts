/** Two API instances and two workers on one Redis: both workers take jobs, and a client on either API sees every event. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  base,
  cleanup,
  connect,
  getStatus,
  startApi,
  startWorkerInProcess,
  submit,
  subscribe,
  testPrefix,
  waitFor,
  waitForResult,
  type ReceivedEvent,
} from '../support/platform.js';

const prefix = testPrefix();
let apiA: ApiServer;
let apiB: ApiServer;
let workers: RunningWorker[] = [];

beforeAll(async () => {
  [apiA, apiB] = await Promise.all([startApi(prefix), startApi(prefix)]);
  workers = await Promise.all([
    startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '1' }),
    startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '1' }),
  ]);
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop(1_000)));
  await Promise.all([apiA?.close(1_000), apiB?.close(1_000)]);
  await cleanup(prefix);
});

describe('scale-out on one Redis', () => {
  it('spreads jobs over both workers and relays every event through either API', async () => {
    const onA = connect(base(apiA));
    const onB = connect(base(apiB));
    try {
      const jobIds: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        jobIds.push(
          await submit(base(apiA), {
            language: 'python',
            code: `import time\nprint("job ${i}", flush=True)\ntime.sleep(0.3)\nprint("done ${i}")`,
          }),
        );
      }
      for (const jobId of jobIds) {
        await subscribe(onA.socket, jobId);
        await subscribe(onB.socket, jobId);
      }
      const finished = (events: ReceivedEvent[]) =>
        jobIds.every((id) => events.some((e) => e.jobId === id && e.type === 'result'));
      await waitFor(
        () => finished(onA.events) && finished(onB.events),
        30_000,
        () => 'not every result arrived',
      );

      for (const [i, jobId] of jobIds.entries()) {
        const a = onA.events.filter((e) => e.jobId === jobId);
        const b = onB.events.filter((e) => e.jobId === jobId);
        // Same events, same order, on both instances; each seq once, without gaps.
        expect(b.map((e) => [e.type, e.seq])).toEqual(a.map((e) => [e.type, e.seq]));
        expect(a.map((e) => e.seq)).toEqual(Array.from({ length: a.length }, (_, k) => k + 1));
        const output = b
          .filter((e) => e.type === 'log')
          .map((e) => e.payload.chunk)
          .join('');
        expect(output).toBe(`job ${i}\ndone ${i}\n`);
      }

      const results = await Promise.all(jobIds.map((id) => waitForResult(base(apiB), id)));
      expect(results.every((r) => r.verdict === 'ACCEPTED')).toBe(true);
      const usedWorkers = new Set(results.map((r) => r.worker));
      expect(usedWorkers).toEqual(new Set(workers.map((w) => w.id)));
    } finally {
      onA.socket.close();
      onB.socket.close();
    }
  });

  it('shows the queue position to a waiting client, counting down as jobs start', async () => {
    // Both workers busy for a while, so the next jobs wait.
    const blockers = await Promise.all(
      [0, 1].map(() => submit(base(apiA), { language: 'python', code: 'import time\ntime.sleep(1.2)' })),
    );
    await waitFor(
      async () =>
        (await Promise.all(blockers.map((id) => getStatus(base(apiB), id)))).every(
          (s) => s.body.status === 'running',
        ),
      10_000,
      () => 'blockers did not start',
    );
    const waiting = [];
    for (let i = 0; i < 3; i += 1)
      waiting.push(await submit(base(apiA), { language: 'python', code: 'import time\ntime.sleep(0.3)' }));
    const last = waiting[2] ?? '';
    const status = (await getStatus(base(apiB), last)).body;
    expect(status).toMatchObject({ status: 'queued', position: 3 });

    const client = connect(base(apiB));
    try {
      await subscribe(client.socket, last);
      await waitFor(
        () => client.events.some((e) => e.type === 'result'),
        20_000,
        () => JSON.stringify(client.events),
      );
      const positions = client.events
        .filter((e) => e.type === 'status' && e.payload.status === 'queued')
        .map((e) => e.payload.position);
      expect(positions[0]).toBe(3);
      expect(positions).toContain(1);
      expect(positions).toEqual([...positions].sort((a, b) => Number(b) - Number(a)));
    } finally {
      client.socket.close();
    }
  });
});
