/**
 * 1-based place of a waiting job in the submissions queue, read atomically from
 * BullMQ's keys: plain jobs (the `wait` list, taken from its right end; none since every job
 * has a fair-share priority, but a job of an older API version may be there) go before
 * prioritized ones (the `prioritized` sorted set).
 */
import type { Redis } from 'ioredis';
import { redisCommands } from './redis-commands.js';
import { SUBMISSION_QUEUE } from './submission-queue.js';

/** Returns the position, or null when the job is not waiting (running, delayed, finished, unknown). */
export async function queuePosition(redis: Redis, prefix: string, jobId: string): Promise<number | null> {
  const base = `${prefix}:${SUBMISSION_QUEUE}`;
  const position = await redisCommands.queuePosition.run(
    redis,
    [`${base}:wait`, `${base}:prioritized`],
    [jobId],
  );
  return typeof position === 'number' && position > 0 ? position : null;
}

/** Largest number of ids sent in one script call (keeps each call short: Redis runs one script at a time). */
const POSITIONS_PER_CALL = 1_000;

/**
 * Places of many jobs, as `queuePosition` gives each (null: not waiting), in one round trip per 1,000 ids
 * rather than one per job.
 */
export async function queuePositions(
  redis: Redis,
  prefix: string,
  jobIds: readonly string[],
): Promise<Array<number | null>> {
  const base = `${prefix}:${SUBMISSION_QUEUE}`;
  const out: Array<number | null> = [];
  for (let from = 0; from < jobIds.length; from += POSITIONS_PER_CALL) {
    const ids = jobIds.slice(from, from + POSITIONS_PER_CALL);
    const places = await redisCommands.queuePositions.run(
      redis,
      [`${base}:wait`, `${base}:prioritized`],
      ids,
    );
    if (!Array.isArray(places) || places.length !== ids.length) {
      throw new Error(`queue positions: expected ${ids.length} answers, got ${String(places)}`);
    }
    for (const place of places) out.push(typeof place === 'number' && place > 0 ? place : null);
  }
  return out;
}

/**
 * Jobs a new job of BullMQ priority `priority` (0: none) would wait behind: every plain job,
 * and the prioritized ones of the same or a higher priority (a smaller number). BullMQ scores
 * the prioritized set `priority × 2³² + counter`. Other owners' later jobs may still overtake it
 * (fair-share.ts), as their turn comes first.
 */
export async function waitingCount(redis: Redis, prefix: string, priority: number): Promise<number> {
  const base = `${prefix}:${SUBMISSION_QUEUE}`;
  const [plain, withPriority] = await Promise.all([
    redis.llen(`${base}:wait`),
    priority > 0
      ? redis.zcount(`${base}:prioritized`, 0, (priority + 1) * 0x100000000 - 1)
      : Promise.resolve(0),
  ]);
  return plain + withPriority;
}
