/**
 * How the queue's cost grows with the jobs waiting in it: with `depth` jobs waiting (from 100 owners, as
 * the API queues them: fair-share priority, then BullMQ's add), each of a fixed batch of cycles accepts one
 * job the API's way (record, priority, waiting count, `queued` event, add) and takes one the worker's way
 * (BullMQ's moveToActive, then moveToFinished), so the depth stays put. Measured from counters, not the
 * clock: Redis's CPU (`INFO cpu`) and its commands (`INFO commandstats`, scripts' inner commands included)
 * per cycle, and this process's CPU per cycle (the client side of both). Then one pass of the API's queue
 * position refresh with every waiting job watched, the places read one job at a time (as
 * apps/api/src/socket/job-relay.ts did each time a worker took a job) and all at once (as it does now).
 *
 *   npx tsx bench/growth-queue.ts [--depths 100,10000] [--cycles 300]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  JobEventLog,
  JobStore,
  createKeys,
  createSubmissionQueue,
  enqueueSubmission,
  newJobRecord,
  queuePosition,
  queuePositions,
  submissionTurn,
  SUBMISSION_QUEUE,
} from '@arbiter/queue';
import { freeRunJob } from '../tests/support/job-data.js';
import { testPrefix } from '../tests/support/platform.js';
import { startRedis } from './support/platform.js';
import { LoadWatch, markdownTable, type Table } from './support/report.js';

const { values } = parseArgs({
  options: {
    depths: { type: 'string', default: '100,10000' },
    cycles: { type: 'string', default: '300' },
  },
});
const DEPTHS = values.depths.split(',').map(Number);
const CYCLES = Number(values.cycles);
const OWNERS = 100;

interface Counters {
  redisCpuMs: number;
  redisCalls: number;
  selfCpuMs: number;
}

async function counters(redis: Redis): Promise<Counters> {
  const [cpu, stats] = await Promise.all([redis.info('cpu'), redis.info('commandstats')]);
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(cpu)?.[1] ?? NaN);
  let calls = 0;
  for (const m of stats.matchAll(/^cmdstat_[^:]+:calls=(\d+)/gm)) calls += Number(m[1]);
  const self = process.cpuUsage();
  return {
    redisCpuMs: (field('used_cpu_user') + field('used_cpu_sys')) * 1000,
    // Less the two INFO calls that read the counters.
    redisCalls: calls,
    selfCpuMs: (self.user + self.system) / 1000,
  };
}

interface Row {
  depth: number;
  cycle: Counters;
  /** The places read one job at a time (the refresh before), and all at once (now). */
  refresh: Counters;
  refreshWallMs: number;
  batch: Counters;
  batchWallMs: number;
}

async function measureDepth(url: string, depth: number): Promise<Row> {
  const prefix = testPrefix();
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  const queue = createSubmissionQueue({ connection: redis, prefix });
  const keys = createKeys(prefix);
  const store = new JobStore({ redis, keys });
  const events = new JobEventLog({ redis, keys });
  // BullMQ leaves a connection it was given open on close: this one is ended below, or the process stays.
  const workerConnection = new Redis(url, { maxRetriesPerRequest: null });
  const worker = new Worker(SUBMISSION_QUEUE, null, { connection: workerConnection, prefix });
  const accept = async (n: number) => {
    const data = freeRunJob(`print(${n % OWNERS})`, {
      timeMs: 2000,
      wallTimeMs: 8000,
      memoryMb: 256,
      outputBytes: 65536,
    });
    const { priority, waiting } = await submissionTurn(redis, prefix, data, `client:owner-${n % OWNERS}`);
    await store.createQueued(newJobRecord(data), waiting + 1, events);
    await enqueueSubmission(queue, data, priority);
    return data.jobId;
  };
  const waiting: string[] = [];
  try {
    for (let n = 0; n < depth; n += 50) {
      waiting.push(
        ...(await Promise.all(Array.from({ length: Math.min(50, depth - n) }, (_, i) => accept(n + i)))),
      );
    }
    const token = randomUUID();
    const before = await counters(redis);
    for (let c = 0; c < CYCLES; c += 1) {
      await accept(depth + c);
      const job = await worker.getNextJob(token, { block: false });
      if (job === undefined) throw new Error('no job to take');
      await job.moveToCompleted(undefined, token, false);
    }
    const after = await counters(redis);
    // The refresh: every waiting job watched (as when each has a socket subscribed).
    const ids = (await redis.zrange(`${prefix}:${SUBMISSION_QUEUE}:prioritized`, 0, -1)).map(String);
    const refreshBefore = await counters(redis);
    let started = performance.now();
    for (const id of ids) await queuePosition(redis, prefix, id);
    const refreshWallMs = performance.now() - started;
    const refreshAfter = await counters(redis);
    // The same places the way the refresh reads them now: one script call per 1,000 jobs.
    const batchBefore = await counters(redis);
    started = performance.now();
    await queuePositions(redis, prefix, ids);
    const batchWallMs = performance.now() - started;
    const batchAfter = await counters(redis);
    const diff = (a: Counters, b: Counters, per: number): Counters => ({
      redisCpuMs: (b.redisCpuMs - a.redisCpuMs) / per,
      redisCalls: (b.redisCalls - a.redisCalls - 2) / per,
      selfCpuMs: (b.selfCpuMs - a.selfCpuMs) / per,
    });
    return {
      depth,
      cycle: diff(before, after, CYCLES),
      refresh: diff(refreshBefore, refreshAfter, 1),
      refreshWallMs,
      batch: diff(batchBefore, batchAfter, 1),
      batchWallMs,
    };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    workerConnection.disconnect();
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const load = new LoadWatch();
  const server = await startRedis();
  const rows: Row[] = [];
  try {
    for (const depth of DEPTHS) rows.push(await measureDepth(server.url, depth));
  } finally {
    server.server.kill('SIGTERM');
  }
  const table: Table = {
    title: `Queue cost by jobs waiting: ${CYCLES} cycles of accept one + take one at each depth (per cycle).`,
    header: ['jobs waiting', 'Redis CPU ms', 'Redis commands', 'client CPU ms'],
    align: ['r', 'r', 'r', 'r'],
    rows: rows.map((r) => [
      String(r.depth),
      r.cycle.redisCpuMs.toFixed(3),
      r.cycle.redisCalls.toFixed(1),
      r.cycle.selfCpuMs.toFixed(3),
    ]),
  };
  const refresh: Table = {
    title:
      'One pass of the queue position refresh with every waiting job watched: the places read one job at a ' +
      'time (as before) and in one script call per 1,000 jobs (now); the `queued` events of the places that fell are not in it.',
    header: ['jobs watched', 'how', 'Redis CPU ms', 'client CPU ms', 'Redis commands', 'wall ms'],
    align: ['r', 'l', 'r', 'r', 'r', 'r'],
    rows: rows.flatMap((r) => [
      [
        String(r.depth),
        'one job at a time',
        r.refresh.redisCpuMs.toFixed(1),
        r.refresh.selfCpuMs.toFixed(1),
        r.refresh.redisCalls.toFixed(0),
        r.refreshWallMs.toFixed(0),
      ],
      [
        String(r.depth),
        'all at once',
        r.batch.redisCpuMs.toFixed(1),
        r.batch.selfCpuMs.toFixed(1),
        r.batch.redisCalls.toFixed(0),
        r.batchWallMs.toFixed(0),
      ],
    ]),
  };
  console.log(
    `\nCommand: \`npx tsx bench/growth-queue.ts ${process.argv.slice(2).join(' ')}\`. Taken ${load.describe()}.\n`,
  );
  for (const t of [table, refresh]) console.log(`${t.title}\n\n${markdownTable(t)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
