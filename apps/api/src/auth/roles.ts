/**
 * Role checks beyond "signed in": `requireOrganiser` lets admins and organisers (teachers) through,
 * e.g. to create contests. Signed out: 401 `UNAUTHENTICATED`; another role: 403 `FORBIDDEN`.
 */
import type { Request } from 'express';
import type { AuthUser, UserRole } from '@arbiter/contracts';
import { HttpError } from '../http/http-error.js';
import { requireUser } from './session.js';

/** Whether the user may organise contests (admins may do everything organisers may). */
export function isOrganiser(user: Pick<AuthUser, 'role'> | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'organiser';
}

/** The signed-in user when their role is one of `roles`; 401 or 403 otherwise. */
export function requireRole(
  req: Request,
  roles: readonly UserRole[],
  action: string,
  who = roles.join(' or ') + 's',
): AuthUser {
  const user = requireUser(req, action);
  if (roles.includes(user.role)) return user;
  throw new HttpError(403, 'FORBIDDEN', `Only ${who} may ${action}.`);
}

export function requireOrganiser(req: Request, action: string): AuthUser {
  return requireRole(req, ['admin', 'organiser'], action, 'admins and organisers');
}
