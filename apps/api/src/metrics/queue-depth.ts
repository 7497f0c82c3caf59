/**
 * The submissions queue as a scrape sees it: jobs per BullMQ state and the age of the oldest
 * waiting job, read from BullMQ's keys by one Lua script (one round trip, one consistent view).
 */
import { SUBMISSION_QUEUE, type Redis } from '@arbiter/queue';

/** BullMQ states reported: every job waits in `prioritized` (fair share); `wait` holds jobs of an older version. */
export const QUEUE_STATES = ['wait', 'prioritized', 'active', 'delayed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface QueueDepth {
  jobs: Record<QueueState, number>;
  /** When the oldest waiting job (wait or prioritized) was added, in ms since the epoch; null: none waits. */
  oldestWaitingAt: number | null;
}

// KEYS: wait, prioritized, active, delayed. ARGV[1]: the prefix of job hashes (`<prefix>:submissions:`).
// The wait list is taken from its right end, so its oldest job is there (a job handed back may
// sit at the other end: both ends are read). The prioritized set is scored priority × 2³² +
// counter, first in first out within a priority: the first job of each priority is its oldest. Fair share
// puts each owner's oldest waiting job within a round or two of the head, so 64 priorities cover them.
const DEPTH_SCRIPT = `
local oldest = -1
local function consider(id)
  if not id then return end
  local ts = tonumber(redis.call('HGET', ARGV[1] .. id, 'timestamp'))
  if ts and (oldest < 0 or ts < oldest) then oldest = ts end
end
consider(redis.call('LINDEX', KEYS[1], -1))
consider(redis.call('LINDEX', KEYS[1], 0))
local band = 0
for _ = 1, 64 do
  local first = redis.call('ZRANGEBYSCORE', KEYS[2], band * 4294967296, '+inf', 'LIMIT', 0, 1, 'WITHSCORES')
  if #first == 0 then break end
  consider(first[1])
  band = math.floor(tonumber(first[2]) / 4294967296) + 1
end
return {
  redis.call('LLEN', KEYS[1]),
  redis.call('ZCARD', KEYS[2]),
  redis.call('LLEN', KEYS[3]),
  redis.call('ZCARD', KEYS[4]),
  oldest,
}
`;

export async function readQueueDepth(redis: Redis, prefix: string): Promise<QueueDepth> {
  const base = `${prefix}:${SUBMISSION_QUEUE}`;
  const answer = await redis.eval(
    DEPTH_SCRIPT,
    4,
    `${base}:wait`,
    `${base}:prioritized`,
    `${base}:active`,
    `${base}:delayed`,
    `${base}:`,
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
