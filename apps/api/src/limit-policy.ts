/** The server's limit policy (defaults and maxima of every job) from its environment. */
import type { LimitPolicy } from '@arbiter/contracts';
import type { ApiEnv } from './env.js';

export function limitPolicy(env: ApiEnv): LimitPolicy {
  return {
    defaultTimeMs: Math.min(env.DEFAULT_TIME_MS, env.MAX_TIME_MS),
    maxTimeMs: env.MAX_TIME_MS,
    defaultMemoryMb: Math.min(env.DEFAULT_MEMORY_MB, env.MAX_MEMORY_MB),
    maxMemoryMb: env.MAX_MEMORY_MB,
    outputBytes: env.OUTPUT_LIMIT_BYTES,
  };
}
