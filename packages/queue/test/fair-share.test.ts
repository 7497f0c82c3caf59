/**
 * Fair share on a real BullMQ queue and Redis: the order a worker takes waiting jobs in, when owners
 * take turns, when one owner floods, and run < submit < rejudge within one owner.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Worker } from 'bullmq';
import type { JobData } from '@arbiter/contracts';
import {
  MAX_TAG,
  REJUDGE_OWNER,
  clientOwner,
  fairShareKey,
  userOwner,
  type QueueOwner,
} from '../src/fair-share.js';
import {
  SUBMISSION_QUEUE,
  createSubmissionQueue,
  enqueueSubmission,
  submissionPriority,
  type SubmissionQueue,
} from '../src/submission-queue.js';
import { queuePosition } from '../src/queue-position.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis: Redis;
const prefixes: string[] = [];

beforeAll(() => {
  redis = new Redis(url);
});

afterAll(async () => {
  for (const prefix of prefixes) {
    const found = await redis.keys(`${prefix}:*`);
    if (found.length > 0) await redis.del(...found);
  }
  redis.disconnect();
});

type Kind = 'run' | 'submit' | 'rejudge';

function job(kind: Kind): JobData {
  return {
    jobId: randomUUID(),
    language: 'python',
    code: 'print(1)',
    stdin: '',
    mode: kind === 'run' ? 'run' : 'submit',
    problem: null,
    tests: [],
    userId: null,
    rejudgeOf: kind === 'rejudge' ? randomUUID() : null,
    limits: { timeMs: 1000, wallTimeMs: 2000, memoryMb: 64, outputBytes: 1024 },
    createdAt: Date.now(),
  };
}

/** A fresh queue and a way to add jobs to it as an owner; each added job is named by `label`. */
function freshQueue(): {
  prefix: string;
  queue: SubmissionQueue;
  add(owner: QueueOwner, kind: Kind, label: string): Promise<string>;
  labels: Map<string, string>;
} {
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  prefixes.push(prefix);
  const queue = createSubmissionQueue({ connection: redis.duplicate(), prefix });
  const labels = new Map<string, string>();
  return {
    prefix,
    queue,
    labels,
    async add(owner, kind, label) {
      const data = job(kind);
      labels.set(data.jobId, label);
      await enqueueSubmission(queue, data, await submissionPriority(redis, prefix, data, owner));
      return data.jobId;
    },
  };
}

/** Runs a one-at-a-time BullMQ worker until `count` jobs were taken; their labels in the order taken. */
async function drain(prefix: string, labels: Map<string, string>, count: number): Promise<string[]> {
  const order: string[] = [];
  let worker: Worker | undefined;
  await new Promise<void>((resolve, reject) => {
    worker = new Worker(
      SUBMISSION_QUEUE,
      async (taken) => {
        order.push(labels.get(taken.id ?? '') ?? '?');
        if (order.length === count) resolve();
      },
      { connection: redis.duplicate({ maxRetriesPerRequest: null }), prefix, concurrency: 1 },
    );
    worker.on('error', reject);
  });
  await worker?.close();
  return order;
}

describe('fair share', () => {
  it('lets a second owner in after one job of a 200-job flood, and takes owners in turns', async () => {
    const { prefix, queue, add, labels } = freshQueue();
    const flooder = clientOwner('192.0.2.1');
    for (let i = 0; i < 200; i += 1) await add(flooder, 'run', `flood-${i}`);
    const submit = await add(userOwner('alice'), 'submit', 'alice-submit');
    // Its place is second: only the flood's first run (the round being served) is ahead.
    expect(await queuePosition(redis, prefix, submit)).toBe(2);
    // A run of the same round goes before it (runs before submits within a round).
    await add(userOwner('bob'), 'run', 'bob-run-0');
    await add(userOwner('bob'), 'run', 'bob-run-1');
    expect(await queuePosition(redis, prefix, submit)).toBe(3);
    const order = await drain(prefix, labels, 8);
    expect(order).toEqual([
      'flood-0',
      'bob-run-0',
      'alice-submit',
      'flood-1',
      'bob-run-1',
      'flood-2',
      'flood-3',
      'flood-4',
    ]);
    await queue.close();
  });

  it('keeps run < submit < rejudge within one owner, and rejudges as one owner of their own', async () => {
    const { queue, add, prefix, labels } = freshQueue();
    const admin = userOwner('admin');
    for (let i = 0; i < 3; i += 1) await add(REJUDGE_OWNER, 'rejudge', `rejudge-${i}`);
    await add(admin, 'submit', 'submit-0');
    await add(admin, 'submit', 'submit-1');
    await add(admin, 'run', 'run-0');
    await add(admin, 'run', 'run-1');
    // A submit after the owner's runs waits behind them.
    await add(admin, 'submit', 'submit-2');
    const order = await drain(prefix, labels, 8);
    expect(order).toEqual([
      'run-0',
      'submit-0',
      'rejudge-0',
      'run-1',
      'submit-1',
      'rejudge-1',
      'submit-2',
      'rejudge-2',
    ]);
    await queue.close();
  });

  it('starts an owner who comes back after the queue ran dry in the round being served', async () => {
    const { queue, add, prefix, labels } = freshQueue();
    const flooder = clientOwner('192.0.2.2');
    for (let i = 0; i < 5; i += 1) await add(flooder, 'run', `early-${i}`);
    expect(await drain(prefix, labels, 5)).toHaveLength(5);
    // Nothing waits: the tags start over, so the earlier flood counts for nothing.
    for (let i = 0; i < 3; i += 1) await add(flooder, 'run', `late-${i}`);
    await add(userOwner('carol'), 'run', 'carol');
    expect(await redis.hget(fairShareKey(`${prefix}:${SUBMISSION_QUEUE}`), `0|${flooder}`)).toBe('3');
    expect(await drain(prefix, labels, 4)).toEqual(['late-0', 'carol', 'late-1', 'late-2']);
    await queue.close();
  });

  it('stays within BullMQ priorities past the last tag, in arrival order', async () => {
    const { queue, add, prefix, labels } = freshQueue();
    const owner = clientOwner('192.0.2.3');
    await add(owner, 'run', 'first');
    await redis.hset(fairShareKey(`${prefix}:${SUBMISSION_QUEUE}`), `0|${owner}`, String(MAX_TAG));
    await add(owner, 'run', 'second');
    await add(owner, 'run', 'third');
    expect(await drain(prefix, labels, 3)).toEqual(['first', 'second', 'third']);
    await queue.close();
  });
});
