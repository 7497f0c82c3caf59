/**
 * The one place Express's `Request` type learns about `req.user`: the signed-in user resolved
 * by the session middleware, `null` when the request carries no valid session.
 */
import type { AuthUser } from '@arbiter/contracts';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `sessionMiddleware`; `undefined` only on routes mounted before it. */
    user?: AuthUser | null;
    /** The raw session token from the cookie, when the session is valid (sign-out deletes it). */
    sessionToken?: string;
    /** How `user` signed in: the session cookie or a personal access token. */
    authVia?: 'session' | 'token';
  }
}

export type { AuthUser };
