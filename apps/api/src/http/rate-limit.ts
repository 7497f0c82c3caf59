/**
 * Rate limits, counted in Redis so every API instance shares them: `POST /submit` per signed-in
 * user and per client IP, sign-in and sign-up per client IP. A refusal is 429 `RATE_LIMITED` with
 * `Retry-After`. Fixed one-minute windows (rate-limiter-flexible's Redis counter with expiry).
 *
 * Redis trouble never makes a request wait or fail because of the limiter: while the connection is
 * down each instance counts in its own memory (same limits, per instance); if Redis answers nothing
 * within LIMITER_TIMEOUT_MS the request goes through and a warning is logged (fail open). The
 * routes behind the limiter report their own Redis or database trouble.
 */
import type { Request, RequestHandler, Response } from 'express';
import { isIP } from 'node:net';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '@arbiter/observability';
import type { Redis } from '@arbiter/queue';
import { HttpError } from './http-error.js';

/** Requests per minute; 0 turns a limit off (from the *_RATE_PER_MINUTE_* variables). */
export interface RateLimitSettings {
  submitPerMinuteUser: number;
  submitPerMinuteIp: number;
  authPerMinuteIp: number;
}

export interface RateLimiters {
  /** For `POST /submit`; mount after the session middleware (it counts per `req.user`). */
  submit: RequestHandler;
  /** For `POST /auth/login` and `POST /auth/signup`. */
  auth: RequestHandler;
}

interface LimiterContext {
  redis: Redis;
  /** REDIS_PREFIX: counters live under `<prefix>:rl:<name>:<key>`. */
  prefix: string;
  logger: Logger;
  /** Longest wait for Redis before letting a request through; default LIMITER_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** Longest a limiter may wait for Redis before it lets the request through. */
export const LIMITER_TIMEOUT_MS = 1_000;
const WINDOW_SECONDS = 60;
/** At most one "limiter failed open" warning per this many ms, so an outage does not flood the log. */
const WARN_EVERY_MS = 10_000;

class Limit {
  private readonly limiter: RateLimiterRedis;
  private lastWarning = 0;

  constructor(
    private readonly name: string,
    readonly perMinute: number,
    private readonly context: LimiterContext,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: context.redis,
      keyPrefix: `${context.prefix}:rl:${name}`,
      points: perMinute,
      duration: WINDOW_SECONDS,
      // Not ready (down, reconnecting): go straight to the in-memory counters, do not queue.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS }),
    });
  }

  /** Counts one request for `key`; the seconds to wait when it is over the limit, else null. */
  async take(key: string): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeoutMs = this.context.timeoutMs ?? LIMITER_TIMEOUT_MS;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.limiter.consume(key), timeout]);
      return null;
    } catch (outcome) {
      // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, an Error on failure.
      if (outcome instanceof RateLimiterRes) return Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      this.warn(outcome);
      return null;
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

function refuse(res: Response, retryAfter: number, what: string): HttpError {
  res.set('Retry-After', String(retryAfter));
  return new HttpError(
    429,
    'RATE_LIMITED',
    `${what}. Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`,
  );
}

/**
 * The key a client address is counted under. An IPv6 client usually holds a whole /64, so it is
 * counted per /64; IPv4-mapped IPv6 addresses count as the IPv4 address.
 */
export function clientAddressKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  const bare = address.split('%')[0] ?? address;
  if (isIP(bare) !== 6) return bare;
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, each as lowercase hex without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groups = (part: string) =>
    part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])); // dotted tail: 2 groups
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}

function clientKey(req: Request): string {
  return clientAddressKey(req.ip ?? req.socket.remoteAddress);
}

export function createRateLimiters(context: LimiterContext, settings: RateLimitSettings): RateLimiters {
  const limit = (name: string, perMinute: number) =>
    perMinute > 0 ? new Limit(name, perMinute, context) : null;
  const submitUser = limit('submit-user', settings.submitPerMinuteUser);
  const submitIp = limit('submit-ip', settings.submitPerMinuteIp);
  const authIp = limit('auth-ip', settings.authPerMinuteIp);

  const submit: RequestHandler = async (req, res, next) => {
    // The account first: a user over their own limit does not use up the address's allowance.
    if (req.user && submitUser) {
      const wait = await submitUser.take(req.user.id);
      if (wait !== null)
        throw refuse(res, wait, `You can submit at most ${submitUser.perMinute} times a minute`);
    }
    if (submitIp) {
      const wait = await submitIp.take(clientKey(req));
      if (wait !== null)
        throw refuse(
          res,
          wait,
          `Too many submissions from your address: at most ${submitIp.perMinute} a minute`,
        );
    }
    next();
  };

  const auth: RequestHandler = async (req, res, next) => {
    if (authIp) {
      const wait = await authIp.take(clientKey(req));
      if (wait !== null)
        throw refuse(
          res,
          wait,
          `Too many sign-in and sign-up attempts from your address: at most ${authIp.perMinute} a minute`,
        );
    }
    next();
  };

  return { submit, auth };
}
