/**
 * Who is calling, over HTTP: the `arbiter_session` cookie or a personal access token
 * (`Authorization: Bearer arb_…`; the database keeps only hashes of both), the middleware that
 * resolves `req.user` on every request after it, the same look-up for Socket.IO handshakes and
 * WebSocket upgrades, and `requireUser` for routes that need an account.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { parseCookie } from 'cookie';
import type { AuthUser } from '@arbiter/contracts';
import { API_TOKEN_PREFIX, type User } from '@arbiter/db';
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
 * The personal access token a request carries: `Authorization: Bearer arb_…`, or (for Judge0
 * clients, which send their token in a header of their own) an `arb_` token in one of
 * `tokenHeaders`. Null when there is none.
 */
export function apiTokenFromHeaders(
  headers: IncomingHttpHeaders,
  tokenHeaders: readonly string[] = [],
): string | null {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization);
    if (match?.[1]?.startsWith(API_TOKEN_PREFIX)) return match[1];
  }
  for (const name of tokenHeaders) {
    const value = headers[name.toLowerCase()];
    if (typeof value === 'string' && value.startsWith(API_TOKEN_PREFIX)) return value.trim();
  }
  return null;
}

/** Who the headers sign in, and how: the session cookie first, then a personal access token. */
export async function credentialUser(
  resources: Pick<ApiResources, 'db'>,
  headers: IncomingHttpHeaders,
  tokenHeaders: readonly string[] = [],
): Promise<{ user: User; via: 'session'; sessionToken: string } | { user: User; via: 'token' } | null> {
  const sessionToken = sessionTokenFromCookieHeader(headers.cookie);
  if (sessionToken !== null) {
    const user = await resources.db.sessions.findSessionUser(sessionToken);
    if (user !== null) return { user, via: 'session', sessionToken };
  }
  const apiToken = apiTokenFromHeaders(headers, tokenHeaders);
  if (apiToken !== null) {
    const user = await resources.db.apiTokens.findTokenUser(apiToken);
    if (user !== null) return { user, via: 'token' };
  }
  return null;
}

/**
 * The user the headers sign in (session cookie or personal access token), or null. For Socket.IO:
 * `userOfHeaders(resources, socket.handshake.headers)`. Throws when the database does not answer.
 */
export async function userOfHeaders(
  resources: Pick<ApiResources, 'db'>,
  headers: IncomingHttpHeaders,
): Promise<AuthUser | null> {
  const found = await credentialUser(resources, headers);
  return found === null ? null : toAuthUser(found.user);
}

/**
 * Sets `req.user` (null when signed out), `req.authVia`, and `req.sessionToken` for a session, on
 * every request. Requests without credentials cost nothing; with a cookie or a token, one indexed
 * read (writing `last_seen_at` / `last_used_at` at most once a minute). A stale cookie or an unknown
 * token is left alone: routes that need an account answer 401 anyway.
 * `tokenHeaders`: other headers that may carry a personal access token (Judge0's `X-Auth-Token`).
 */
export function sessionMiddleware(
  resources: Pick<ApiResources, 'db' | 'logger'>,
  tokenHeaders: readonly string[] = [],
): RequestHandler {
  return async (req, _res, next) => {
    req.user = null;
    let found: Awaited<ReturnType<typeof credentialUser>>;
    try {
      found = await credentialUser(resources, req.headers, tokenHeaders);
    } catch (error) {
      resources.logger.warn({ err: error }, 'could not read the session');
      throw unavailable('Could not check your sign-in right now. Try again in a few seconds.');
    }
    if (found !== null) {
      req.user = toAuthUser(found.user);
      req.authVia = found.via;
      if (found.via === 'session') req.sessionToken = found.sessionToken;
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
