/**
 * Stopping and losing workers loses nothing: a SIGTERM lets the running job finish (or
 * hands it back when the grace period ends), a job still queued when its worker is killed runs elsewhere,
 * a job whose worker is killed mid-job is not handed to the next worker (it may be what killed it) but
 * fails with a message, and a job the platform cannot judge ends INTERNAL_ERROR instead of staying `running`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import type { Sandbox } from '@arbiter/sandbox';
import type { JobResult } from '@arbiter/contracts';
import {
  USING_PGLITE,
  base,
  cleanup,
  connect,
  getStatus,
  spawnApp,
  startApi,
  startWorkerInProcess,
  submit,
  subscribe,
  testPrefix,
  testSql,
  waitFor,
  waitForResult,
  type ChildApp,
} from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';

const prefix = testPrefix();
let api: ApiServer;
let url: string;
const children: ChildApp[] = [];
const inProcess: RunningWorker[] = [];

beforeAll(async () => {
  api = await startApi(prefix, { JOB_ATTEMPTS: '2' });
  url = base(api);
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.child.kill('SIGKILL');
    await child.exited;
  }
  await Promise.all(inProcess.splice(0).map((worker) => worker.stop(500)));
});

afterAll(async () => {
  await api?.close(1_000);
  await cleanup(prefix);
});

// BullMQ lets one stall check per queue run per `stalledInterval` of whichever worker ran the
// last one, so every worker of this queue checks at the same quick pace.
const FAST_STALL = { STALLED_INTERVAL_MS: '500' };

async function spawnWorker(env: Record<string, string> = {}): Promise<ChildApp> {
  const child = await spawnApp(
    'worker',
    { REDIS_PREFIX: prefix, WORKER_CONCURRENCY: '1', ...FAST_STALL, ...env },
    'worker ready',
  );
  children.push(child);
  return child;
}

async function waitRunning(jobId: string): Promise<void> {
  await waitFor(
    async () => (await getStatus(url, jobId)).body.status === 'running',
    scaledMs(15_000),
    () => `${jobId} never ran`,
  );
}

/** Each test starts worker processes (each probes its toolchains first) and waits on their jobs: scaled. */
const TEST_MS = scaledMs(120_000);

describe('worker shutdown and loss', { timeout: TEST_MS }, () => {
  it('on SIGTERM finishes the running job, then exits 0', async () => {
    const worker = await spawnWorker({ SHUTDOWN_GRACE_MS: '10000' });
    const jobId = await submit(url, {
      language: 'python',
      code: 'import time\ntime.sleep(1)\nprint("finished")',
    });
    await waitRunning(jobId);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const result = await getStatus(url, jobId);
    expect(result.body).toMatchObject({
      status: 'completed',
      verdict: 'ACCEPTED',
      stdout: 'finished\n',
      attempts: 1,
    });
    expect(worker.output()).toContain('worker stopped');
  });

  it('when the grace period ends, hands the job back to the queue and another worker completes it', async () => {
    const leaving = await spawnWorker({ SHUTDOWN_GRACE_MS: '300' });
    const client = connect(url);
    try {
      const jobId = await submit(url, {
        language: 'python',
        code: 'import time\ntime.sleep(3)\nprint("done")',
      });
      await subscribe(client.socket, jobId);
      await waitRunning(jobId);
      leaving.child.kill('SIGTERM');
      expect(await leaving.exited).toBe(0);
      // It did not wait for the 3 s job: the job is back in the queue, unfinished.
      expect((await getStatus(url, jobId)).body.status).toBe('queued');

      const taker = await startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '1', ...FAST_STALL });
      inProcess.push(taker);
      const result = await waitForResult(url, jobId);
      expect(result).toMatchObject({
        status: 'completed',
        verdict: 'ACCEPTED',
        stdout: 'done\n',
        worker: taker.id,
      });
      await waitFor(
        () => client.events.some((e) => e.type === 'result'),
        5_000,
        () => JSON.stringify(client.events),
      );
      const statuses = client.events.filter((e) => e.type === 'status').map((e) => e.payload.status);
      expect(statuses).toEqual(['queued', 'running', 'queued', 'running']);
    } finally {
      client.socket.close();
    }
  });

  it('a job whose worker is killed with SIGKILL mid-job is not run again: it fails with a message', async () => {
    const doomed = await spawnWorker({ JOB_LOCK_MS: '1500', STALLED_INTERVAL_MS: '500' });
    const client = connect(url);
    try {
      const jobId = await submit(url, {
        language: 'python',
        // Long enough that the kill lands mid-job even on a loaded machine.
        code: 'import time\ntime.sleep(5)\nprint("survived")',
      });
      await subscribe(client.socket, jobId);
      await waitRunning(jobId);
      doomed.child.kill('SIGKILL');
      await doomed.exited;

      // The next worker takes the stalled job from the queue and must refuse to run it.
      const rescuer = await spawnWorker({ JOB_LOCK_MS: '1500', STALLED_INTERVAL_MS: '500' });
      const result = await waitForResult(url, jobId, scaledMs(60_000)).catch((error: unknown) => {
        throw new Error(`${String(error)}\nthe next worker logged:\n${rescuer.output()}`);
      });
      expect(result, rescuer.output()).toMatchObject({
        status: 'failed',
        verdict: 'INTERNAL_ERROR',
        stdout: '',
      });
      expect(result.error).toMatch(/the worker judging it stopped while running it/);
      expect(result.worker).not.toBe(null);
      await waitFor(
        () => rescuer.output().includes('job not run again: its worker died while running it'),
        10_000,
        () => rescuer.output(),
      );
      expect(rescuer.output()).not.toMatch(new RegExp(`"job running"[^\n]*"jobId":"${jobId}"`));
      expect(rescuer.output()).not.toMatch(new RegExp(`"jobId":"${jobId}"[^\n]*"job running"`));

      // The client sees one running and one result, with the same message.
      await waitFor(
        () => client.events.some((e) => e.type === 'result'),
        10_000,
        () => JSON.stringify(client.events),
      );
      const sent = client.events.find((e) => e.type === 'result')?.payload;
      expect(sent).toMatchObject({ status: 'failed', verdict: 'INTERNAL_ERROR', error: result.error });
      const runs = client.events.filter((e) => e.type === 'status' && e.payload.status === 'running');
      expect(runs).toHaveLength(1);

      // And so does the database row, once persisted.
      if (!USING_PGLITE) {
        let row: { status: string; error?: string } | undefined;
        await waitFor(
          async () => {
            const rows = await testSql(prefix, 'select status, result from submissions where id = $1', [
              jobId,
            ]);
            const first = rows.rows[0] as { status: string; result: JobResult | null } | undefined;
            row = first ? { status: first.status, error: first.result?.error ?? undefined } : undefined;
            return row?.status === 'failed';
          },
          15_000,
          () => JSON.stringify(row),
        );
        expect(row?.error).toBe(result.error);
      }
    } finally {
      client.socket.close();
    }
  }, 90_000);

  it('a job that never started on the killed worker still runs elsewhere', async () => {
    // One slot, busy with a long job: the second job waits in the queue and is not touched by the death.
    const doomed = await spawnWorker({ JOB_LOCK_MS: '1500', STALLED_INTERVAL_MS: '500' });
    const first = await submit(url, { language: 'python', code: 'import time\ntime.sleep(3)' });
    await waitRunning(first);
    const second = await submit(url, { language: 'python', code: 'print("second")' });
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    await spawnWorker({ JOB_LOCK_MS: '1500', STALLED_INTERVAL_MS: '500' });
    expect(await waitForResult(url, second, 30_000)).toMatchObject({
      verdict: 'ACCEPTED',
      stdout: 'second\n',
    });
    expect((await waitForResult(url, first, 30_000)).verdict).toBe('INTERNAL_ERROR');
  }, 90_000);

  it('a job that keeps hitting platform faults ends INTERNAL_ERROR after its attempts, with a result event', async () => {
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
    const worker = await startWorkerInProcess(
      prefix,
      { WORKER_CONCURRENCY: '1', ...FAST_STALL },
      // The broken sandbox would fail the languages' self-test: the jobs' faults are what is tested.
      { sandbox: broken, skipSelfTest: true },
    );
    inProcess.push(worker);
    const client = connect(url);
    try {
      const jobId = await submit(url, { language: 'python', code: 'print(1)' });
      await subscribe(client.socket, jobId);
      const result = await waitForResult(url, jobId);
      expect(result).toMatchObject({ status: 'failed', verdict: 'INTERNAL_ERROR', attempts: 2 });
      expect(result.error).toMatch(/cgroup controller vanished/);
      await waitFor(
        () => client.events.some((e) => e.type === 'result'),
        5_000,
        () => JSON.stringify(client.events),
      );
      expect(client.events.filter((e) => e.type === 'result')).toHaveLength(1);
    } finally {
      client.socket.close();
    }
  });
});

/** Pids of `pid`'s children whose command is `comm` (from /proc/<child>/stat). */
function childrenNamed(pid: number, comm: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === comm) {
        found.push(Number(name));
      }
    } catch {
      // Exited meanwhile.
    }
  }
  return found;
}

describe('sandbox process faults', { timeout: TEST_MS }, () => {
  it('a sandbox process killed mid-job fails that run cleanly, and the worker goes on judging', async () => {
    const worker = await spawnWorker();
    const client = connect(url);
    try {
      const jobId = await submit(url, {
        language: 'python',
        code: 'import time\nprint("started", flush=True)\ntime.sleep(5)\nprint("survived")',
      });
      await subscribe(client.socket, jobId);
      await waitFor(
        () => client.events.some((e) => e.type === 'log' && JSON.stringify(e.payload).includes('started')),
        scaledMs(30_000),
        () => JSON.stringify(client.events),
      );
      // The processes the worker's spawner started for its cells (each a helper that became bubblewrap):
      // one holds the sandbox the program runs in; the other cells' wait.
      const outer = childrenNamed(worker.child.pid ?? -1, 'sandbox-helper').flatMap((spawner) =>
        childrenNamed(spawner, 'bwrap'),
      );
      expect(outer.length).toBeGreaterThan(0);
      for (const pid of outer) process.kill(pid, 'SIGKILL');
      // Retried on a fresh cell (then it survives), or failed with a message; never left running.
      const result = await waitForResult(url, jobId, scaledMs(60_000));
      if (result.status === 'failed') {
        expect(result, worker.output()).toMatchObject({ verdict: 'INTERNAL_ERROR' });
        expect(result.error).toBeTruthy();
      } else {
        expect(result.stdout, worker.output()).toContain('survived');
      }
      // The killed cells are replaced: the next jobs are judged normally on the same worker.
      for (const n of [1, 2, 3]) {
        const next = await submit(url, { language: 'python', code: `print(${n})` });
        const done = await waitForResult(url, next, scaledMs(30_000));
        expect(done, worker.output()).toMatchObject({ status: 'completed', stdout: `${n}\n` });
      }
      expect(worker.child.exitCode).toBe(null);
    } finally {
      client.socket.close();
    }
  });
});

describe('API shutdown', { timeout: TEST_MS }, () => {
  it('on SIGTERM stops accepting and exits 0', async () => {
    const child = await spawnApp('api', { REDIS_PREFIX: prefix, PORT: '0' }, 'api listening');
    children.push(child);
    child.child.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    expect(child.output()).toContain('api stopped');
  });
});
