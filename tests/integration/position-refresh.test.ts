/**
 * The API's queue position refresh on a real Redis and BullMQ queue: a pass reads the places of every
 * watched queued job in one round trip and sends a `queued` event only for those whose place fell, so its
 * cost does not grow by two round trips per watched job, and waiting clients still see their place count down
 * (the relay's own tick reads them while a watched job waits).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Worker } from 'bullmq';
import { createLogger } from '@arbiter/observability';
import {
  JobEventLog,
  JobStore,
  SUBMISSION_QUEUE,
  createKeys,
  createSubmissionQueue,
  enqueueSubmission,
  newJobRecord,
  submissionPriority,
  waitingCount,
  type SubmissionQueue,
} from '@arbiter/queue';
import { JobRelay, type ClientSocket } from '../../apps/api/src/socket/job-relay.js';
import { REDIS_URL, cleanup, testPrefix } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { freeRunJob } from '../support/job-data.js';

const JOBS = 20;
const prefix = testPrefix();
let redis: Redis;
let subscriber: Redis;
let queue: SubmissionQueue;
let relay: JobRelay;
/** Names of the commands the relay's connection sent (a counter on the real connection). */
const sent: string[] = [];

/** A socket as the relay uses one: it only receives events. */
function fakeSocket(): ClientSocket & { positions: number[] } {
  const positions: number[] = [];
  return {
    id: randomUUID(),
    data: {},
    positions,
    emit(event: string, payload: { status?: string; position?: number }) {
      if (event === 'status' && payload.status === 'queued' && payload.position !== undefined)
        positions.push(payload.position);
      return true;
    },
  } as unknown as ClientSocket & { positions: number[] };
}

/** Queues `count` jobs as the API queues them, each by another owner, each watched by a socket. */
async function queueWatched(
  relay: JobRelay,
  on: { prefix: string; store: JobStore; events: JobEventLog; queue: SubmissionQueue },
  count: number,
): Promise<Array<ReturnType<typeof fakeSocket>>> {
  const sockets: Array<ReturnType<typeof fakeSocket>> = [];
  for (let i = 0; i < count; i += 1) {
    const data = freeRunJob('print(1)', {
      timeMs: 1000,
      wallTimeMs: 2000,
      memoryMb: 64,
      outputBytes: 1024,
    });
    await on.store.create(newJobRecord(data));
    const priority = await submissionPriority(redis, on.prefix, data, `client:owner-${i}`);
    const position = (await waitingCount(redis, on.prefix, priority)) + 1;
    await on.events.append(data.jobId, { type: 'status', data: { status: 'queued', position } });
    await enqueueSubmission(on.queue, data, priority);
    const socket = fakeSocket();
    expect(await relay.subscribe(socket, data.jobId, 0)).toBe(true);
    sockets.push(socket);
  }
  return sockets;
}

/** A worker takes the job at the head of the queue (and runs nothing). */
async function takeHead(queuePrefix: string): Promise<void> {
  const worker = new Worker(SUBMISSION_QUEUE, null, {
    connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
    prefix: queuePrefix,
  });
  try {
    const taken = await worker.getNextJob(randomUUID(), { block: false });
    expect(taken).toBeDefined();
  } finally {
    await worker.close();
  }
}

beforeAll(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  subscriber = new Redis(REDIS_URL);
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
    sent.push(command.name);
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof redis.sendCommand;
  queue = createSubmissionQueue({ connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
});

afterAll(async () => {
  await relay?.close();
  await queue.close();
  redis.disconnect();
  subscriber.disconnect();
  await cleanup(prefix);
});

describe('queue position refresh', () => {
  it('costs one round trip for all watched jobs, and one event per job whose place fell', async () => {
    const keys = createKeys(prefix);
    const events = new JobEventLog({ redis, keys });
    const store = new JobStore({ redis, keys });
    relay = new JobRelay({
      events,
      store,
      subscriber,
      redis,
      prefix,
      logger: createLogger({ service: 'test', level: 'silent' }),
      // Passes only when this test runs them, so each one's commands are counted alone.
      positionTickMs: 0,
    });
    const sockets = await queueWatched(relay, { prefix, store, events, queue }, JOBS);
    expect(sockets.map((s) => s.positions)).toEqual(sockets.map((_, i) => [i + 1]));
    // Each subscribe of a queued job scheduled a pass: let it end, so none runs beside the passes counted
    // below (on a slow machine it fired during one, and both sent every append).
    await relay.refreshesSettled();

    // Nothing moved: one script call for the places, and the (unchanged) places sent no more than once.
    await relay.refreshPositions();
    sent.length = 0;
    await relay.refreshPositions();
    expect(sent).toEqual(['evalsha']);

    // A worker takes the head: every other place falls by one, and each socket hears it.
    await takeHead(prefix);
    sent.length = 0;
    await relay.refreshPositions();
    // One for the places, one append for each of the JOBS − 1 jobs still waiting.
    expect(sent).toHaveLength(JOBS);
    await expect
      .poll(() => sockets.slice(1).map((s) => s.positions.at(-1)), { timeout: scaledMs(10_000) })
      .toEqual(sockets.slice(1).map((_, i) => i + 1));
  });

  it('tells waiting clients their new places by itself when a worker takes a job', async () => {
    // Nothing but the relay: no queue event reader calls it when the queue moves.
    const ownPrefix = testPrefix();
    const keys = createKeys(ownPrefix);
    const own = {
      prefix: ownPrefix,
      events: new JobEventLog({ redis, keys }),
      store: new JobStore({ redis, keys }),
      queue: createSubmissionQueue({
        connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
        prefix: ownPrefix,
      }),
    };
    const ownSubscriber = new Redis(REDIS_URL);
    const ticking = new JobRelay({
      events: own.events,
      store: own.store,
      subscriber: ownSubscriber,
      redis,
      prefix: ownPrefix,
      logger: createLogger({ service: 'test', level: 'silent' }),
    });
    try {
      const sockets = await queueWatched(ticking, own, 3);
      expect(sockets.map((s) => s.positions)).toEqual([[1], [2], [3]]);
      await ticking.refreshesSettled();
      await takeHead(ownPrefix);
      await takeHead(ownPrefix);
      await expect.poll(() => sockets[2]?.positions.at(-1), { timeout: scaledMs(10_000) }).toBe(1);
    } finally {
      await ticking.close();
      ownSubscriber.disconnect();
      await own.queue.close();
      await cleanup(ownPrefix);
    }
  });
});
