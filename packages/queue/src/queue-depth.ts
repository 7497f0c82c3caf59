/**
 * The submissions queue as a scrape sees it: jobs per BullMQ state and the age of the oldest
 * waiting job, read from BullMQ's keys by one Lua script (commands/queue-depth-4.lua: one round trip, one
 * consistent view).
 */
import type { Redis } from 'ioredis';
import { redisCommands } from './redis-commands.js';
import { SUBMISSION_QUEUE } from './submission-queue.js';

/** BullMQ states reported: every job waits in `prioritized` (fair share); `wait` holds jobs of an older version. */
export const QUEUE_STATES = ['wait', 'prioritized', 'active', 'delayed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface QueueDepth {
  jobs: Record<QueueState, number>;
  /** When the oldest waiting job (wait or prioritized) was added, in ms since the epoch; null: none waits. */
  oldestWaitingAt: number | null;
}

export async function readQueueDepth(redis: Redis, prefix: string): Promise<QueueDepth> {
  const base = `${prefix}:${SUBMISSION_QUEUE}`;
  const answer = await redisCommands.queueDepth.run(
    redis,
    [`${base}:wait`, `${base}:prioritized`, `${base}:active`, `${base}:delayed`],
    [`${base}:`],
  );
  if (!Array.isArray(answer) || answer.length !== 5 || !answer.every((n) => typeof n === 'number')) {
    throw new Error(`unexpected queue depth answer: ${JSON.stringify(answer)}`);
  }
  const [wait, prioritized, active, delayed, oldest] = answer as number[];
  return {
    jobs: { wait: wait ?? 0, prioritized: prioritized ?? 0, active: active ?? 0, delayed: delayed ?? 0 },
    oldestWaitingAt: oldest === undefined || oldest < 0 ? null : oldest,
  };
}
