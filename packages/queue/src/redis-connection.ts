/** Creates ioredis connections configured the way BullMQ and blocking readers need them. */
import { Redis } from 'ioredis';

export type { Redis };

export interface RedisOptions {
  /** Name shown by `CLIENT LIST`, to tell connections apart. */
  name?: string;
  /**
   * Fail commands at once while disconnected instead of queueing them until Redis is back:
   * what a request handler wants (answer 503 now, write nothing later), not what a worker wants.
   * @defaultValue false
   */
  failFast?: boolean;
}

/**
 * By default `maxRetriesPerRequest: null`, which BullMQ requires for blocking connections:
 * commands wait for a reconnect instead of failing while Redis restarts.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: options.failFast ? 1 : null,
    enableOfflineQueue: !options.failFast,
    enableReadyCheck: true,
    connectionName: options.name,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}
