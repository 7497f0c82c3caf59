/**
 * End-to-end latency and throughput: the time from `POST /submit` until the `result` event
 * arrives over Socket.IO, against the bare run of the same program with no platform (the
 * physical limit). Starts its own API and worker processes on the machine's Redis under a
 * private prefix, prints Markdown tables.
 *
 *   npx tsx bench/e2e.ts [--jobs 200] [--sandbox bwrap|none] [--workers 1]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@arbiter/contracts';
import { cleanup, spawnApp, testPrefix, type ChildApp } from '../tests/support/platform.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '200' },
    sandbox: { type: 'string', default: 'bwrap' },
    workers: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '1,8' },
  },
});
const JOBS = Number(values.jobs);
const CONCURRENCY = (values.concurrency ?? '1,8').split(',').map(Number);

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Scenario {
  name: string;
  /** The request for job `i`. */
  body: (i: number) => { language: string; code: string; stdin?: string };
  /** Jobs to send (compiles are slow: fewer). */
  jobs: number;
  /** The same program run bare, job `i`; returns its wall time in ms. */
  bare: (i: number) => number;
}

const work = mkdtempSync(join(tmpdir(), 'bench-e2e-'));

function timed(command: string, args: string[], input = ''): number {
  const started = performance.now();
  const result = spawnSync(command, args, { input, cwd: work, stdio: ['pipe', 'ignore', 'ignore'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  return performance.now() - started;
}

const APLUSB = (i: number) =>
  `// submission ${i}\n#include <bits/stdc++.h>\nusing namespace std;\nint main() { long long a, b; cin >> a >> b; cout << a + b << endl; }\n`;

const scenarios: Scenario[] = [
  {
    name: 'Python print(1)',
    jobs: JOBS,
    body: () => ({ language: 'python', code: 'print(1)' }),
    bare: () => timed('/usr/bin/python3', ['-S', '-c', 'print(1)']),
  },
  {
    name: 'C++ A+B, distinct sources',
    jobs: Math.max(10, Math.floor(JOBS / 10)),
    body: (i) => ({ language: 'cpp', code: APLUSB(i + Date.now()), stdin: '1 2\n' }),
    bare: (i) => {
      writeFileSync(join(work, 'a.cpp'), APLUSB(i));
      return (
        timed('/usr/bin/g++', ['-std=gnu++17', '-O2', '-o', 'a', 'a.cpp']) +
        timed(join(work, 'a'), [], '1 2\n')
      );
    },
  },
  {
    name: 'C++ A+B, repeated source',
    jobs: JOBS,
    body: () => ({ language: 'cpp', code: APLUSB(-1), stdin: '1 2\n' }),
    bare: () => timed(join(work, 'a'), [], '1 2\n'),
  },
  {
    name: 'Java hello',
    jobs: Math.max(10, Math.floor(JOBS / 10)),
    body: (i) => ({
      language: 'java',
      code: `public class Main { public static void main(String[] a) { System.out.println("hello ${i}"); } }`,
    }),
    bare: (i) => {
      writeFileSync(
        join(work, 'Main.java'),
        `public class Main { public static void main(String[] a) { System.out.println("hello ${i}"); } }`,
      );
      return (
        timed('/usr/bin/javac', ['-J-XX:TieredStopAtLevel=1', '-J-XX:+UseSerialGC', 'Main.java']) +
        timed('/usr/bin/java', ['-XX:+UseSerialGC', '-Xshare:auto', '-cp', '.', 'Main'])
      );
    },
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function oneJob(api: string, client: Client, body: object): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${api}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const { jobId } = (await response.json()) as { jobId: string };
  await new Promise<void>((resolve, reject) => {
    const onResult = (event: { jobId: string; verdict: string | null }) => {
      if (event.jobId !== jobId) return;
      client.off('result', onResult);
      if (event.verdict !== 'ACCEPTED') reject(new Error(`job ${jobId}: ${event.verdict}`));
      else resolve();
    };
    client.on('result', onResult);
    client.emit('subscribe', { jobId }, (answer) => {
      if (!answer.ok) reject(new Error(answer.error.message));
    });
  });
  return performance.now() - started;
}

async function main(): Promise<void> {
  const prefix = testPrefix();
  const children: ChildApp[] = [];
  try {
    const apiApp = await spawnApp(
      'api',
      {
        REDIS_PREFIX: prefix,
        PORT: '0',
        LOG_LEVEL: 'info',
        // A benchmark client sends far more than a person would.
        SUBMIT_RATE_PER_MINUTE_IP: '0',
        SUBMIT_RATE_PER_MINUTE_USER: '0',
      },
      'api listening',
    );
    children.push(apiApp);
    for (let w = 0; w < Number(values.workers); w += 1) {
      children.push(
        await spawnApp(
          'worker',
          {
            REDIS_PREFIX: prefix,
            SANDBOX: values.sandbox ?? 'bwrap',
            LOG_LEVEL: 'info',
            WORKER_ID: `bench-${w}`,
          },
          'worker ready',
        ),
      );
    }
    const port = /"port":(\d+)/.exec(apiApp.output())?.[1];
    const api = `http://127.0.0.1:${port}`;
    const clients: Client[] = await Promise.all(
      Array.from({ length: Math.max(...CONCURRENCY) }, () => {
        const client: Client = io(api, { transports: ['websocket'] });
        return new Promise<Client>((resolve) => client.on('connect', () => resolve(client)));
      }),
    );
    // Warm up: toolchains' caches, the precompiled header, the compile cache of the repeated source.
    for (const scenario of scenarios) await oneJob(api, clients[0] as Client, scenario.body(-1));

    const rows: string[] = [];
    for (const scenario of scenarios) {
      const bare = Array.from({ length: Math.min(scenario.jobs, 20) }, (_, i) => scenario.bare(i)).sort(
        (a, b) => a - b,
      );
      for (const concurrency of CONCURRENCY) {
        const latencies: number[] = [];
        let next = 0;
        const started = performance.now();
        await Promise.all(
          clients.slice(0, concurrency).map(async (client) => {
            while (next < scenario.jobs) {
              const i = next++;
              latencies.push(await oneJob(api, client, scenario.body(i)));
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        const p50 = percentile(latencies, 50);
        const bareP50 = percentile(bare, 50);
        rows.push(
          `| ${scenario.name} | ${concurrency} | ${scenario.jobs} | ${p50.toFixed(1)} | ${percentile(latencies, 90).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${bareP50.toFixed(1)} | ${(p50 / bareP50).toFixed(2)}× | ${(scenario.jobs / seconds).toFixed(1)} |`,
        );
        console.error(rows.at(-1));
      }
    }
    for (const client of clients) client.close();
    console.log(
      `\nEnd to end, submit → result event (ms); sandbox: ${values.sandbox}, workers: ${values.workers}\n`,
    );
    console.log('| program | clients | jobs | p50 | p90 | p99 | bare p50 | p50 / bare | jobs/s |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } catch (error) {
    for (const child of children) console.error(child.output().split('\n').slice(-15).join('\n'));
    throw error;
  } finally {
    for (const child of children.reverse()) {
      child.child.kill('SIGTERM');
      await child.exited;
    }
    await cleanup(prefix);
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
