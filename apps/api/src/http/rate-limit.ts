/**
 * The API's rate limits, each a Redis counter shared by every API instance (redis-limit.ts); a
 * refusal is 429 `RATE_LIMITED` with `Retry-After` and a message that says which limit and when to
 * try again. The numbers are in docs/API.md (Rate limits).
 *
 * - `POST /submit`: a signed-in request counts against its account only, so a classroom behind one
 *   NAT is not throttled as one client, and no one else on the address can use up an account's
 *   allowance. Anonymous requests count against their address (a generous limit: the whole NAT
 *   shares it). When an account goes over its limit, anonymous requests from that address are held
 *   until its window ends too, so signing out does not get round an account's limit.
 * - Sign-in and sign-up attempts per address per minute; sign-ups per address per hour (a flood of
 *   new accounts, each with its own allowance).
 * - Failed sign-ins per address (credential stuffing), per username and address (guessing one
 *   account's password; a successful sign-in clears it) and per username from every address
 *   (distributed guessing), checked before the password is.
 */
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from './http-error.js';
import { clientKey } from './client-address.js';
import { RedisLimit, type LimiterContext } from './redis-limit.js';

export { LIMITER_TIMEOUT_MS, type LimiterContext } from './redis-limit.js';

/** Limits from the *_RATE_* and LOGIN_FAILURES_* variables; 0 turns a limit off. */
export interface RateLimitSettings {
  /** `POST /submit` per signed-in account per minute. */
  submitPerMinuteUser: number;
  /** `POST /submit` per client address per minute, anonymous requests only. */
  submitPerMinuteIp: number;
  /** Sign-in and sign-up attempts together per client address per minute. */
  authPerMinuteIp: number;
  /** Sign-up attempts per client address per hour. */
  signupPerHourIp: number;
  /** Failed sign-ins per client address per hour, whatever the usernames. */
  loginFailuresPerHourIp: number;
  /** Failed sign-ins per username and client address per hour; a successful sign-in clears it. */
  loginFailuresPerHourUserIp: number;
  /** Failed sign-ins per username per hour, from every address together. */
  loginFailuresPerHourUser: number;
}

/** The sign-in limits, used by the route around its password check. */
export interface LoginLimits {
  /** Throws 429 while a failure limit of this username or address is used up; counts nothing. */
  check(req: Request, res: Response, username: string): Promise<void>;
  /** Counts a failed sign-in. */
  failed(req: Request, username: string): Promise<void>;
  /** A successful sign-in: forgets this address's failures for the username. */
  succeeded(req: Request, username: string): Promise<void>;
}

export interface RateLimiters {
  /** For `POST /submit`; mount after the session middleware (it counts per `req.user`). */
  submit: RequestHandler;
  /**
   * Counts `count` more submissions against the same allowance as `submit` (the rest of a batch,
   * whose request `submit` counted as one); throws 429 when they do not fit.
   */
  submitMore(req: Request, res: Response, count: number): Promise<void>;
  /**
   * Counts one submission from `address` (a counting key, see `clientAddressKey`) outside any HTTP
   * request (the Piston WebSocket's `init`, a Socket.IO interactive run): against the account's allowance
   * when `userId` is given, else the address's, as `submit` does. The seconds to wait when over, else null.
   */
  submitFrom(address: string, userId?: string | null): Promise<number | null>;
  /** For `POST /auth/login` and `POST /auth/signup`: attempts per address. */
  auth: RequestHandler;
  /** Counts a sign-up attempt of a well-formed body; throws 429 over the hourly limit. */
  signup(req: Request, res: Response): Promise<void>;
  login: LoginLimits;
}

const MINUTE = 60;
const HOUR = 3_600;

function refuse(res: Response, retryAfter: number, what: string): HttpError {
  res.set('Retry-After', String(retryAfter));
  return new HttpError(
    429,
    'RATE_LIMITED',
    `${what}. Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`,
  );
}

export function createRateLimiters(context: LimiterContext, settings: RateLimitSettings): RateLimiters {
  const limit = (name: string, points: number, windowSeconds: number) =>
    points > 0 ? new RedisLimit(name, points, windowSeconds, context) : null;
  const submitUser = limit('submit-user', settings.submitPerMinuteUser, MINUTE);
  const submitIp = limit('submit-ip', settings.submitPerMinuteIp, MINUTE);
  // Set for an address while an account that used it is over its limit (one point: any hold refuses).
  const submitHeld = submitUser && limit('submit-held', 1, MINUTE);
  const authIp = limit('auth-ip', settings.authPerMinuteIp, MINUTE);
  const signupIp = limit('signup-ip', settings.signupPerHourIp, HOUR);
  const failIp = limit('login-fail-ip', settings.loginFailuresPerHourIp, HOUR);
  const failUserIp = limit('login-fail-user-ip', settings.loginFailuresPerHourUserIp, HOUR);
  const failUser = limit('login-fail-user', settings.loginFailuresPerHourUser, HOUR);

  const submit: RequestHandler = async (req, res, next) => {
    const address = clientKey(req);
    if (req.user) {
      const wait = submitUser && (await submitUser.take(req.user.id));
      if (submitUser && wait) {
        await submitHeld?.hold(address, wait);
        throw refuse(res, wait, `You can submit at most ${submitUser.points} times a minute`);
      }
      next();
      return;
    }
    const held = submitHeld && (await submitHeld.check(address));
    if (held)
      throw refuse(
        res,
        held,
        'An account signed in from your address is over its submission limit, and signing out does not ' +
          'lift it: requests from this address without a sign-in wait until its minute is over. ' +
          'Sign in to use an allowance of your own',
      );
    const wait = submitIp && (await submitIp.take(address));
    if (submitIp && wait)
      throw refuse(
        res,
        wait,
        `Too many submissions without a sign-in from your address: at most ${submitIp.points} a minute, ` +
          'shared by everyone on it. Sign in to get an allowance of your own',
      );
    next();
  };

  const submitMore = async (req: Request, res: Response, count: number): Promise<void> => {
    if (count <= 0) return;
    if (req.user) {
      const wait = submitUser && (await submitUser.take(req.user.id, count));
      if (submitUser && wait)
        throw refuse(
          res,
          wait,
          `You can submit at most ${submitUser.points} times a minute (each of a batch counts)`,
        );
      return;
    }
    const wait = submitIp && (await submitIp.take(clientKey(req), count));
    if (submitIp && wait)
      throw refuse(
        res,
        wait,
        `Too many submissions without a sign-in from your address: at most ${submitIp.points} a minute, ` +
          'each of a batch counting as one. Sign in to get an allowance of your own',
      );
  };

  const submitFrom = async (address: string, userId: string | null = null): Promise<number | null> => {
    if (userId !== null) {
      const wait = submitUser && (await submitUser.take(userId));
      if (submitUser && wait) {
        await submitHeld?.hold(address, wait);
        return wait;
      }
      return null;
    }
    const held = submitHeld && (await submitHeld.check(address));
    if (held) return held;
    return submitIp && (await submitIp.take(address));
  };

  const auth: RequestHandler = async (req, res, next) => {
    const wait = authIp && (await authIp.take(clientKey(req)));
    if (authIp && wait)
      throw refuse(
        res,
        wait,
        `Too many sign-in and sign-up attempts from your address: at most ${authIp.points} a minute`,
      );
    next();
  };

  const signup = async (req: Request, res: Response): Promise<void> => {
    const wait = signupIp && (await signupIp.take(clientKey(req)));
    if (signupIp && wait)
      throw refuse(res, wait, `Too many sign-ups from your address: at most ${signupIp.points} an hour`);
  };

  /** The per-username keys: usernames ignore case (and are letters, digits, _ and - only). */
  const keys = (req: Request, username: string) => {
    const name = username.toLowerCase();
    const address = clientKey(req);
    return { address, name, pair: `${name}@${address}` };
  };

  const login: LoginLimits = {
    async check(req, res, username) {
      const { address, name, pair } = keys(req, username);
      const [byAddress, byPair, byName] = await Promise.all([
        failIp?.check(address),
        failUserIp?.check(pair),
        failUser?.check(name),
      ]);
      if (failIp && byAddress)
        throw refuse(
          res,
          byAddress,
          `Too many failed sign-ins from your address: at most ${failIp.points} an hour`,
        );
      if (failUserIp && byPair)
        throw refuse(
          res,
          byPair,
          `Too many failed sign-ins to this account from your address: at most ${failUserIp.points} an hour`,
        );
      if (failUser && byName)
        throw refuse(
          res,
          byName,
          `Too many failed sign-ins to this account: at most ${failUser.points} an hour from all addresses together`,
        );
    },
    async failed(req, username) {
      const { address, name, pair } = keys(req, username);
      await Promise.all([failIp?.count(address), failUserIp?.count(pair), failUser?.count(name)]);
    },
    async succeeded(req, username) {
      await failUserIp?.reset(keys(req, username).pair);
    },
  };

  return { submit, submitMore, submitFrom, auth, signup, login };
}
