/**
 * One rate limit: a fixed-window counter per key in Redis (rate-limiter-flexible), shared by every
 * API instance, under `<prefix>:rl:<name>:<key>`.
 *
 * Redis trouble never makes a request wait or fail because of a limit: while the connection is
 * down each instance counts in its own memory (same limits, per instance); if Redis answers nothing
 * within LIMITER_TIMEOUT_MS the request goes through and a warning is logged (fail open). The
 * routes behind the limits report their own Redis or database trouble.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '@arbiter/observability';
import type { Redis } from '@arbiter/queue';

export interface LimiterContext {
  redis: Redis;
  /** REDIS_PREFIX: counters live under `<prefix>:rl:<name>:<key>`. */
  prefix: string;
  logger: Logger;
  /** Longest wait for Redis before letting a request through; default LIMITER_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** Longest a limiter may wait for Redis before it lets the request through. */
export const LIMITER_TIMEOUT_MS = 1_000;
/** At most one "limiter failed open" warning per this many ms, so an outage does not flood the log. */
const WARN_EVERY_MS = 10_000;

export class RedisLimit {
  private readonly limiter: RateLimiterRedis;
  private lastWarning = 0;

  /**
   * @param name part of the Redis key, and of the warning logged when Redis fails
   * @param points requests (or failures) allowed per window
   * @param windowSeconds the window, in s
   */
  constructor(
    private readonly name: string,
    readonly points: number,
    readonly windowSeconds: number,
    private readonly context: LimiterContext,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: context.redis,
      keyPrefix: `${context.prefix}:rl:${name}`,
      points,
      duration: windowSeconds,
      // Not ready (down, reconnecting): go straight to the in-memory counters, do not queue.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points, duration: windowSeconds }),
    });
  }

  /** Counts `points` requests (default one) for `key`; the seconds to wait when it is over the limit, else null. */
  async take(key: string, points = 1): Promise<number | null> {
    // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, an Error on failure.
    const refusal = this.limiter.consume(key, points).then(
      () => null,
      (outcome: unknown) => {
        if (outcome instanceof RateLimiterRes) return waitOf(outcome);
        throw outcome;
      },
    );
    return (await this.guard(refusal)) ?? null;
  }

  /** The seconds to wait when `key` has used its whole allowance, else null; counts nothing. */
  async check(key: string): Promise<number | null> {
    const state = await this.guard(this.limiter.get(key));
    return state instanceof RateLimiterRes && state.consumedPoints >= this.points ? waitOf(state) : null;
  }

  /** Counts one (e.g. a failed sign-in) for `key` without refusing anything. */
  async count(key: string): Promise<void> {
    await this.guard(this.limiter.penalty(key, 1));
  }

  /** Uses up `key`'s allowance for `seconds` (at most one window). */
  async hold(key: string, seconds: number): Promise<void> {
    await this.guard(this.limiter.block(key, Math.min(seconds, this.windowSeconds)));
  }

  /** Forgets `key`'s count (e.g. failures, after a successful sign-in). */
  async reset(key: string): Promise<void> {
    await this.guard(this.limiter.delete(key));
  }

  /** The operation's answer; a failure, or no answer in time, is logged and gives undefined. */
  private async guard<T>(operation: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeoutMs = this.context.timeoutMs ?? LIMITER_TIMEOUT_MS;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([operation, timeout]);
    } catch (error) {
      this.warn(error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.context.logger.warn(
      { err: error, limit: this.name },
      'rate limiter failed; letting requests through',
    );
  }
}

/** Whole seconds until the window frees up, at least 1. */
function waitOf(outcome: RateLimiterRes): number {
  return Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
}
