/**
 * Admin-only access: `requireAdmin(req, action)` for a handler, `adminOnly(action)` as middleware
 * in front of whole mounts. Signed out: 401 `UNAUTHENTICATED`; signed in without the admin role:
 * 403 `FORBIDDEN`. Mount after the session middleware (it reads `req.user`).
 */
import type { Request, RequestHandler } from 'express';
import type { AuthUser } from '@arbiter/contracts';
import { requireUser } from '../auth/session.js';
import { HttpError } from '../http/http-error.js';

export function requireAdmin(req: Request, action: string): AuthUser {
  const user = requireUser(req, action);
  if (user.role === 'admin') return user;
  throw new HttpError(403, 'FORBIDDEN', `Only admins may ${action}.`);
}

/** Middleware form: nothing behind it runs (not even static files) for anyone but an admin. */
export function adminOnly(action: string): RequestHandler {
  return (req, _res, next) => {
    requireAdmin(req, action);
    next();
  };
}
