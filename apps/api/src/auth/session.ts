/**
 * Sign-in sessions over HTTP: the `arbiter_session` cookie (an opaque token; the database keeps
 * only its hash), the middleware that resolves `req.user` on every request after it, the same
 * look-up for Socket.IO handshakes, and `requireUser` for routes that need an account.
 */
import type { Request, RequestHandler, Response } from 'express';
import { parseCookie } from 'cookie';
import type { AuthUser } from '@arbiter/contracts';
import type { User } from '@arbiter/db';
import { HttpError, unavailable } from '../http/http-error.js';
import type { ApiResources } from '../resources.js';
import './request-user.js';

export const SESSION_COOKIE = 'arbiter_session';

/** How sessions are issued (from SESSION_TTL_HOURS and COOKIE_SECURE). */
export interface SessionSettings {
  ttlMs: number;
  /** `Secure` cookie: sent over HTTPS only. */
  secureCookie: boolean;
}

/** What the API tells about a user: never the password hash. */
export function toAuthUser(user: Pick<User, 'id' | 'username' | 'role'>): AuthUser {
  return { id: user.id, username: user.username, role: user.role };
}

/** The session token in a `Cookie` header, or null. */
export function sessionTokenFromCookieHeader(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const token = parseCookie(cookieHeader)[SESSION_COOKIE];
  return token ? token : null;
}

/**
 * The signed-in user of a `Cookie` header, or null (no cookie, unknown or expired session).
 * For Socket.IO: `sessionUserFromCookieHeader(resources, socket.handshake.headers.cookie)`.
 * Throws when the database does not answer.
 */
export async function sessionUserFromCookieHeader(
  resources: Pick<ApiResources, 'db'>,
  cookieHeader: string | undefined,
): Promise<AuthUser | null> {
  const token = sessionTokenFromCookieHeader(cookieHeader);
  if (token === null) return null;
  const user = await resources.db.sessions.findSessionUser(token);
  return user === null ? null : toAuthUser(user);
}

/**
 * Sets `req.user` (null when signed out) and `req.sessionToken` on every request. Requests
 * without the cookie cost nothing; with one, one indexed read (writing `last_seen_at` at most once
 * a minute). A stale cookie is left alone: routes that need an account answer 401 anyway.
 */
export function sessionMiddleware(resources: Pick<ApiResources, 'db' | 'logger'>): RequestHandler {
  return async (req, _res, next) => {
    req.user = null;
    const token = sessionTokenFromCookieHeader(req.headers.cookie);
    if (token === null) {
      next();
      return;
    }
    let user: User | null;
    try {
      user = await resources.db.sessions.findSessionUser(token);
    } catch (error) {
      resources.logger.warn({ err: error }, 'could not read the session');
      throw unavailable('Could not check your sign-in right now. Try again in a few seconds.');
    }
    if (user !== null) {
      req.user = toAuthUser(user);
      req.sessionToken = token;
    }
    next();
  };
}

/**
 * The signed-in user, or a 401 `UNAUTHENTICATED` "Sign in to <action>." for routes that need an
 * account, e.g. `const user = requireUser(req, 'submit a solution');`.
 */
export function requireUser(req: Request, action = 'continue'): AuthUser {
  if (req.user) return req.user;
  throw new HttpError(401, 'UNAUTHENTICATED', `Sign in to ${action}.`);
}

/** A new session's cookie: lives as long as the session (Max-Age = SESSION_TTL_HOURS). */
export function setSessionCookie(res: Response, settings: SessionSettings, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: settings.secureCookie,
    maxAge: settings.ttlMs,
  });
}

export function clearSessionCookie(res: Response, settings: SessionSettings): void {
  res.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: settings.secureCookie,
  });
}
