/**
 * The platform as a cluster: two API processes and three worker processes on one Redis and one
 * PostgreSQL. 200 submissions from clients on both APIs each complete once and stream to their
 * client in order, a worker stopped in the middle of the load loses nothing, and the APIs'
 * metrics add up to the submissions made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanup,
  connect,
  post,
  spawnApp,
  subscribe,
  testPrefix,
  waitFor,
  type ChildApp,
  type ReceivedEvent,
} from '../support/platform.js';

const prefix = testPrefix();
const JOBS = 200;
const CLIENTS = 10;
const METRICS_TOKEN = 'cluster-metrics-token-0123456789';
let apis: { app: ChildApp; url: string }[] = [];
let workers: ChildApp[] = [];

async function startApiProcess(): Promise<{ app: ChildApp; url: string }> {
  const app = await spawnApp(
    'api',
    {
      REDIS_PREFIX: prefix,
      PORT: '0',
      HOST: '127.0.0.1',
      SUBMIT_RATE_PER_MINUTE_IP: '0',
      METRICS_TOKEN,
    },
    'api listening',
  );
  const port = /"port":(\d+)/.exec(app.output())?.[1];
  if (port === undefined) throw new Error(`no port in the api's log:\n${app.output()}`);
  return { app, url: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  apis = [await startApiProcess(), await startApiProcess()];
  workers = await Promise.all(
    [0, 1, 2].map((n) =>
      spawnApp(
        'worker',
        {
          REDIS_PREFIX: prefix,
          WORKER_ID: `cluster-${n}`,
          WORKER_CONCURRENCY: '1',
          SHUTDOWN_GRACE_MS: '300',
        },
        'worker ready',
      ),
    ),
  );
}, 90_000);

afterAll(async () => {
  for (const app of [...workers, ...apis.map((api) => api.app)]) {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
    await app.exited;
  }
  await cleanup(prefix);
});

/** Jobs of several languages, each with the exact output it must give. */
function job(i: number): { body: object; stdout: string } {
  switch (i % 4) {
    case 0:
      return { body: { language: 'javascript', code: `console.log(${i} * 2)` }, stdout: `${i * 2}\n` };
    case 1:
      return {
        body: { language: 'c', code: `#include <stdio.h>\nint main(){printf("%d\\n", ${i});}` },
        stdout: `${i}\n`,
      };
    default:
      return { body: { language: 'python', code: `print("job", ${i})` }, stdout: `job ${i}\n` };
  }
}

/** Sums a counter's samples in Prometheus text output. */
function sumOf(metrics: string, name: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('two APIs and three workers', () => {
  it('completes 200 submissions once each, streamed to their clients, while a worker stops', async () => {
    const clients = Array.from({ length: CLIENTS }, (_, n) => {
      const api = apis[n % apis.length];
      if (!api) throw new Error('no api');
      return { url: api.url, ...connect(api.url) };
    });
    const expected = new Map<string, { stdout: string; events: ReceivedEvent[] }>();
    let stopped = false;
    try {
      await Promise.all(
        clients.map(async (client, n) => {
          for (let i = n; i < JOBS; i += CLIENTS) {
            const { body, stdout } = job(i);
            const answer = await post(client.url, '/submit', body);
            expect(answer.status).toBe(202);
            const jobId = (answer.body as { jobId: string }).jobId;
            expected.set(jobId, { stdout, events: client.events });
            await subscribe(client.socket, jobId);
          }
        }),
      );
      const results = () =>
        [...expected].filter(([jobId, { events }]) =>
          events.some((e) => e.jobId === jobId && e.type === 'result'),
        ).length;
      // A third of the way in, one worker is stopped: its running job goes back to the queue.
      await waitFor(
        () => results() >= JOBS / 3,
        60_000,
        () => `only ${results()} results`,
      );
      const leaving = workers[0];
      leaving?.child.kill('SIGTERM');
      stopped = true;
      expect(await leaving?.exited).toBe(0);
      await waitFor(
        () => results() === JOBS,
        90_000,
        () => `only ${results()} of ${JOBS} results`,
      );

      for (const [jobId, { stdout, events }] of expected) {
        const own = events.filter((e) => e.jobId === jobId);
        // Every event once, in order, with no gap.
        expect(own.map((e) => e.seq)).toEqual(own.map((_, index) => index + 1));
        const results = own.filter((e) => e.type === 'result');
        expect(results).toHaveLength(1);
        expect(results[0]?.payload).toMatchObject({ status: 'completed', verdict: 'ACCEPTED', stdout });
      }
      // The two remaining workers took over.
      const judgedBy = new Set(
        [...expected].map(
          ([jobId, { events }]) =>
            events.find((e) => e.jobId === jobId && e.type === 'result')?.payload.worker,
        ),
      );
      expect(judgedBy).toEqual(new Set(['cluster-0', 'cluster-1', 'cluster-2']));

      // Metrics of both APIs add up to the submissions made, once every result is saved.
      const scrape = async () =>
        Promise.all(
          apis.map(async (api) =>
            (
              await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
            ).text(),
          ),
        );
      await waitFor(
        async () =>
          (await scrape()).reduce((sum, text) => sum + sumOf(text, 'arbiter_jobs_finished_total'), 0) ===
          JOBS,
        20_000,
        () => 'the finished-jobs counters do not add up',
      );
      const metrics = await scrape();
      expect(metrics.reduce((sum, text) => sum + sumOf(text, 'arbiter_submissions_accepted_total'), 0)).toBe(
        JOBS,
      );
      for (const text of metrics)
        expect(sumOf(text, 'arbiter_submissions_accepted_total')).toBeGreaterThan(0);
    } finally {
      expect(stopped).toBe(true);
      for (const client of clients) client.socket.disconnect();
    }
  }, 240_000);
});
