/**
 * Redis commands the API sends to put one job on the queue, on a real Redis: the fair-share priority with
 * the job's place (one script), the record with its first `queued` event (one script), and BullMQ's add.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import {
  JobEventLog,
  JobStore,
  createKeys,
  createSubmissionQueue,
  redisCommands,
  type SubmissionQueue,
} from '@arbiter/queue';
import { queueJob, type QueueResources } from '../../apps/api/src/submissions/queue-job.js';
import { REDIS_URL, cleanup, testPrefix } from '../support/platform.js';
import { freeRunJob } from '../support/job-data.js';

const prefix = testPrefix();
const keys = createKeys(prefix);
let redis: Redis;
let queue: SubmissionQueue;
/** The commands the API's commands connection sent: name, and the script's SHA1 for EVALSHA. */
const sent: string[] = [];

beforeAll(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: { name: string; args: unknown[] }, ...rest: unknown[]) => {
    sent.push(command.name === 'evalsha' ? `evalsha ${String(command.args[0])}` : command.name);
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof redis.sendCommand;
  queue = createSubmissionQueue({ connection: redis, prefix });
});

afterAll(async () => {
  await queue?.close();
  redis.disconnect();
  await cleanup(prefix);
});

describe('queueing a job', () => {
  it('costs the API three commands: the turn, the record with its event, the add', async () => {
    const store = new JobStore({ redis, keys });
    const events = new JobEventLog({ redis, keys });
    const resources = { store, events, queue, redis, prefix } as unknown as QueueResources;
    // The first add also loads BullMQ's scripts and reads the server's version.
    await queueJob(resources, freeRunJob(), 'client:first');

    const data = freeRunJob();
    sent.length = 0;
    await queueJob(resources, data, 'client:second');

    expect(sent).toHaveLength(3);
    expect(sent.slice(0, 2)).toEqual([
      `evalsha ${redisCommands.fairPriority.sha}`,
      `evalsha ${redisCommands.createRecordEvent.sha}`,
    ]);
    expect(sent[2]).toMatch(/^evalsha /);
    // Behind the first job: its place is 2, in the event and in the stream's meta.
    expect(await events.readAfter(data.jobId, 0)).toEqual([
      { type: 'status', data: { status: 'queued', position: 2 }, jobId: data.jobId, seq: 1 },
    ]);
    expect(await redis.hgetall(keys.eventMeta(data.jobId))).toEqual({ status: 'queued', pos: '2', seq: '1' });
    expect(await store.get(data.jobId)).toMatchObject({ jobId: data.jobId, status: 'queued' });
    expect(await redis.hget(keys.record(data.jobId), 'status')).toBe('queued');
    expect(await redis.ttl(keys.record(data.jobId))).toBeGreaterThan(0);
    expect(await redis.ttl(keys.events(data.jobId))).toBeGreaterThan(0);
    expect(await queue.getJobState(data.jobId)).toBe('prioritized');
  });
});
