/** Accounts: `POST /auth/signup`, `POST /auth/login`, `POST /auth/logout`, `GET /auth/me`. */
import type { Response } from 'express';
import type { AuthResponse, AuthUser } from '@arbiter/contracts';
import { UsernameTakenError, type User } from '@arbiter/db';
import { OPTIONAL, PUBLIC, SESSION } from '../auth/access.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import {
  SESSION_COOKIE,
  clearSessionCookie,
  requireUser,
  sessionTokenFromCookieHeader,
  setSessionCookie,
  toAuthUser,
} from '../auth/session.js';
import { HttpError } from '../http/http-error.js';
import type { RateLimiters } from '../http/rate-limit.js';
import { defineRoute, type HeaderSpec, type ResponseSpec, type RouteSpec } from '../http/route.js';
import { AuthResponse as AuthResponseSchema, LoginRequest, SignupRequest } from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';

/** One message for an unknown user and a wrong password, so neither tells which usernames exist. */
const INVALID_CREDENTIALS = 'Wrong username or password.';

const SET_COOKIE: Record<string, HeaderSpec> = {
  'Set-Cookie': {
    description: `\`${SESSION_COOKIE}=…; HttpOnly; SameSite=Lax; Path=/\``,
    schema: { type: 'string' },
  },
};

const rateLimited = (what: string): ResponseSpec => ({
  description: `too many ${what}; \`Retry-After\` says when to try again.`,
  errors: ['RATE_LIMITED'],
  headers: {
    'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
  },
});

export function authRoutes(
  resources: Pick<ApiResources, 'db' | 'logger' | 'auth'>,
  limits: Pick<RateLimiters, 'auth' | 'signup' | 'login'>,
): RouteSpec[] {
  const { db, auth } = resources;

  async function signIn(res: Response, user: User, status: number): Promise<void> {
    const session = await db.sessions.createSession(user.id, auth.ttlMs);
    setSessionCookie(res, auth, session.token);
    const answer: AuthResponse = { user: toAuthUser(user) };
    res.status(status).set('Cache-Control', 'no-store').json(answer);
  }

  return [
    defineRoute({
      method: 'post',
      path: '/auth/signup',
      tag: 'Accounts',
      summary: 'Create an account and sign in',
      description: 'The first account ever created is an admin. Rate limited per client IP (with sign-in).',
      access: PUBLIC,
      before: [limits.auth],
      body: SignupRequest,
      responses: {
        201: { description: 'Signed up and signed in.', body: AuthResponseSchema, headers: SET_COOKIE },
        400: {
          description:
            'The username or password breaks a rule (too short or long, easy to guess); the message says which.',
          errors: ['INVALID_REQUEST', 'INVALID_JSON'],
        },
        409: {
          description: '`USERNAME_TAKEN`: the username exists (usernames ignore case).',
          errors: ['USERNAME_TAKEN'],
        },
        429: rateLimited('sign-in and sign-up attempts, or sign-ups, from this address'),
      },
      handle: async ({ body }, req, res) => {
        await limits.signup(req, res);
        const passwordHash = await hashPassword(body.password);
        let user: User;
        try {
          user = await db.users.createUser({ username: body.username, passwordHash });
        } catch (error) {
          if (error instanceof UsernameTakenError)
            throw new HttpError(
              409,
              'USERNAME_TAKEN',
              `The username "${body.username}" is taken (usernames ignore case). Choose another one.`,
            );
          throw error;
        }
        resources.logger.info({ userId: user.id, role: user.role }, 'account created');
        await signIn(res, user, 201);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/login',
      tag: 'Accounts',
      summary: 'Sign in',
      description:
        'Replaces the session this browser had. Rate limited per client IP (with sign-up), and failed ' +
        'sign-ins per IP, per username and IP, and per username.',
      access: PUBLIC,
      before: [limits.auth],
      body: LoginRequest,
      responses: {
        200: { description: 'Signed in.', body: AuthResponseSchema, headers: SET_COOKIE },
        400: { description: 'A field is missing or too long.', errors: ['INVALID_REQUEST', 'INVALID_JSON'] },
        401: {
          description:
            '`INVALID_CREDENTIALS`: wrong username or password (the same answer, in the same time, for both).',
          errors: ['INVALID_CREDENTIALS'],
        },
        403: {
          description: '`ACCOUNT_DISABLED`: the password is right, but an admin disabled the account.',
          errors: ['ACCOUNT_DISABLED'],
        },
        429: rateLimited(
          'sign-in attempts from this address, or failed sign-ins from it or to this username',
        ),
      },
      handle: async ({ body }, req, res) => {
        // Before the password is checked, for known and unknown usernames alike.
        await limits.login.check(req, res, body.username);
        const user = await db.users.findUserByUsername(body.username);
        // Always one argon2 verification (against a dummy hash when there is no such user): same time.
        const matches = await verifyPassword(user?.passwordHash ?? null, body.password);
        if (user === null || !matches) {
          await limits.login.failed(req, body.username);
          throw new HttpError(401, 'INVALID_CREDENTIALS', INVALID_CREDENTIALS);
        }
        await limits.login.succeeded(req, body.username);
        // Told only to whoever knows the password, so it reveals nothing about other accounts.
        if (user.disabledAt !== null)
          throw new HttpError(
            403,
            'ACCOUNT_DISABLED',
            'This account is disabled. Ask an admin of this site to enable it again.',
          );
        // Signing in again replaces the session this browser had instead of leaving it behind.
        if (req.sessionToken) await db.sessions.deleteSession(req.sessionToken);
        await signIn(res, user, 200);
      },
    }),
    // No body needed, so no JSON requirement; the Origin check and SameSite=Lax still apply.
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      tag: 'Accounts',
      summary: 'Sign out',
      description: 'Deletes the session and clears the cookie; fine without a session too. No body.',
      access: OPTIONAL,
      responses: { 204: { description: 'Signed out.' } },
      handle: async (_input, req, res) => {
        const token = req.sessionToken ?? sessionTokenFromCookieHeader(req.headers.cookie);
        if (token !== null) await db.sessions.deleteSession(token);
        clearSessionCookie(res, auth);
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/me',
      tag: 'Accounts',
      summary: 'The signed-in user',
      access: SESSION,
      action: 'see your account',
      responses: { 200: { description: 'The user.', body: AuthResponseSchema } },
      handle: (_input, req, res) => {
        const user: AuthUser = requireUser(req, 'see your account');
        const answer: AuthResponse = { user };
        res.set('Cache-Control', 'no-store').json(answer);
      },
    }),
  ];
}
