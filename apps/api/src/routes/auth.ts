/** Accounts: `POST /auth/signup`, `POST /auth/login`, `POST /auth/logout`, `GET /auth/me`. */
import { Router, type Response } from 'express';
import {
  loginRequestSchema,
  signupRequestSchema,
  type AuthResponse,
  type AuthUser,
} from '@arbiter/contracts';
import { UsernameTakenError, type User } from '@arbiter/db';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import {
  clearSessionCookie,
  requireUser,
  sessionTokenFromCookieHeader,
  setSessionCookie,
  toAuthUser,
} from '../auth/session.js';
import { requireJson } from '../http/error-handler.js';
import { HttpError } from '../http/http-error.js';
import type { RateLimiters } from '../http/rate-limit.js';
import { parseBody } from '../http/validate.js';
import type { ApiResources } from '../resources.js';

/** One message for an unknown user and a wrong password, so neither tells which usernames exist. */
const INVALID_CREDENTIALS = 'Wrong username or password.';

export function authRoutes(
  resources: Pick<ApiResources, 'db' | 'logger' | 'auth'>,
  limits: Pick<RateLimiters, 'auth' | 'signup' | 'login'>,
): Router {
  const router = Router();
  const { db, auth } = resources;

  async function signIn(res: Response, user: User, status: number): Promise<void> {
    const session = await db.sessions.createSession(user.id, auth.ttlMs);
    setSessionCookie(res, auth, session.token);
    const answer: AuthResponse = { user: toAuthUser(user) };
    res.status(status).set('Cache-Control', 'no-store').json(answer);
  }

  router.post('/auth/signup', limits.auth, requireJson, async (req, res) => {
    const body = parseBody(signupRequestSchema, req.body);
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
  });

  router.post('/auth/login', limits.auth, requireJson, async (req, res) => {
    const body = parseBody(loginRequestSchema, req.body);
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
    // Signing in again replaces the session this browser had instead of leaving it behind.
    if (req.sessionToken) await db.sessions.deleteSession(req.sessionToken);
    await signIn(res, user, 200);
  });

  // No body needed, so no JSON requirement; the Origin check and SameSite=Lax still apply.
  router.post('/auth/logout', async (req, res) => {
    const token = req.sessionToken ?? sessionTokenFromCookieHeader(req.headers.cookie);
    if (token !== null) await db.sessions.deleteSession(token);
    clearSessionCookie(res, auth);
    res.status(204).end();
  });

  router.get('/auth/me', (req, res) => {
    const user: AuthUser = requireUser(req, 'see your account');
    const answer: AuthResponse = { user };
    res.set('Cache-Control', 'no-store').json(answer);
  });

  return router;
}
