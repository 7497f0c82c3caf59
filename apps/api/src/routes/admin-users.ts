/**
 * Account management for admins, through the API so it works while the API holds an embedded
 * PGlite database: `GET /admin/users` (search, role, disabled; newest first; cursor pages),
 * `PUT /admin/users/:username/disabled` (a disabled account's sessions end and sign-in is refused)
 * and `POST /admin/users/:username/password` (set one, or have one generated and shown once).
 * Roles change with `PUT /admin/users/:username/role` (routes/admin.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import {
  passwordWeakness,
  usernameSchema,
  type AdminAccount,
  type AdminAccountResponse,
  type AdminUserPage,
  type ResetPasswordResponse,
} from '@arbiter/contracts';
import { InvalidCursorError, type User } from '@arbiter/db';
import { requireAdmin } from '../admin/require-admin.js';
import { ADMIN } from '../auth/access.js';
import { hashPassword } from '../auth/passwords.js';
import { HttpError, notFound } from '../http/http-error.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import {
  AdminAccountResponse as AdminAccountResponseSchema,
  AdminUserPage as AdminUserPageSchema,
  AdminUsersQuery,
  ResetPasswordRequest,
  ResetPasswordResponse as ResetPasswordResponseSchema,
  SetDisabledRequest,
} from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';

/** Random bytes of a generated password: 16 base64url characters, 96 bits. */
const GENERATED_PASSWORD_BYTES = 12;

function account(user: Pick<User, 'id' | 'username' | 'role' | 'createdAt' | 'disabledAt'>): AdminAccount {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    disabledAt: user.disabledAt?.toISOString() ?? null,
  };
}

const usernameParams = z.object({ username: usernameSchema.describe('The account, as it signs in.') });
const noSuchAccount = (username: unknown) => notFound(`No account named "${String(username)}".`);
const invalidUsername = (part: string, error: Error, req: Request) =>
  part === 'params' ? noSuchAccount(req.params.username) : error;

export function adminUserRoutes(resources: Pick<ApiResources, 'db' | 'logger'>): RouteSpec[] {
  const { db, logger } = resources;

  async function findAccount(username: string): Promise<User> {
    const user = await db.users.findUserByUsername(username);
    if (user === null) throw noSuchAccount(username);
    return user;
  }

  return [
    defineRoute({
      method: 'get',
      path: '/admin/users',
      tag: 'Admin',
      summary: 'Accounts, newest first, with their submission counts',
      access: ADMIN,
      action: 'manage accounts',
      query: AdminUsersQuery,
      responses: {
        200: { description: 'One page.', body: AdminUserPageSchema },
        400: {
          description: 'A filter is invalid, or the cursor is not one this API gave out.',
          errors: ['INVALID_REQUEST'],
        },
      },
      handle: async ({ query }, _req, res) => {
        try {
          const page = await db.users.listUsers(query);
          const answer: AdminUserPage = {
            items: page.items.map((item) => ({ ...account(item), submissions: item.submissions })),
            nextCursor: page.nextCursor,
          };
          res.set('Cache-Control', 'no-store').json(answer);
        } catch (error) {
          if (error instanceof InvalidCursorError)
            throw new HttpError(
              400,
              'INVALID_REQUEST',
              'cursor: not one this API gave out; start again without it.',
            );
          throw error;
        }
      },
    }),
    defineRoute({
      method: 'put',
      path: '/admin/users/:username/disabled',
      tag: 'Admin',
      summary: 'Disable or enable an account',
      description:
        'A disabled account is signed out everywhere at once (its sessions end) and its sign-in is refused with ' +
        '403 `ACCOUNT_DISABLED`; its submissions stay. Admins cannot disable themselves.',
      access: ADMIN,
      action: 'manage accounts',
      params: usernameParams,
      invalid: invalidUsername,
      body: SetDisabledRequest,
      responses: {
        200: { description: 'The account as it is now.', body: AdminAccountResponseSchema },
        400: { description: '`disabled` is not a boolean.', errors: ['INVALID_REQUEST', 'INVALID_JSON'] },
        404: { description: '`NOT_FOUND`: no such account.', errors: ['NOT_FOUND'] },
        409: {
          description: '`CONFLICT`: an admin tried to disable their own account.',
          errors: ['CONFLICT'],
        },
      },
      handle: async ({ params, body }, req, res) => {
        const admin = requireAdmin(req, 'manage accounts');
        const user = await findAccount(params.username);
        if (body.disabled && user.id === admin.id)
          throw new HttpError(409, 'CONFLICT', 'You cannot disable your own account; ask another admin.');
        const wasDisabled = user.disabledAt !== null;
        const updated =
          wasDisabled === body.disabled
            ? user
            : await db.users.setDisabled(user.id, body.disabled ? new Date() : null);
        if (updated === null) throw noSuchAccount(params.username);
        // Sessions are refused while disabled anyway; deleting them means enabling does not revive them.
        const ended = body.disabled ? await db.sessions.deleteUserSessions(user.id) : 0;
        if (wasDisabled !== body.disabled)
          logger.info(
            { userId: user.id, by: admin.id, disabled: body.disabled, sessionsEnded: ended },
            body.disabled ? 'account disabled' : 'account enabled',
          );
        const answer: AdminAccountResponse = { user: account(updated) };
        res.json(answer);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/admin/users/:username/password',
      tag: 'Admin',
      summary: "Reset an account's password",
      description:
        'With `password`: that one (the sign-up rules apply). Without: a generated one, in the answer only, ' +
        'this once. Every session of the account ends.',
      access: ADMIN,
      action: 'manage accounts',
      params: usernameParams,
      invalid: invalidUsername,
      body: ResetPasswordRequest,
      responses: {
        200: { description: 'The password is set.', body: ResetPasswordResponseSchema },
        400: {
          description: 'The password breaks a rule (length, easy to guess); the message says which.',
          errors: ['INVALID_REQUEST', 'INVALID_JSON'],
        },
        404: { description: '`NOT_FOUND`: no such account.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params, body }, req, res) => {
        const admin = requireAdmin(req, 'manage accounts');
        const user = await findAccount(params.username);
        if (body.password !== undefined) {
          const weakness = passwordWeakness(body.password, user.username);
          if (weakness !== null) throw new HttpError(400, 'INVALID_REQUEST', `password: ${weakness}`);
        }
        const password = body.password ?? randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
        const updated = await db.users.setPasswordHash(user.id, await hashPassword(password));
        if (updated === null) throw noSuchAccount(params.username);
        const sessionsEnded = await db.sessions.deleteUserSessions(user.id);
        const tokensRevoked = await db.apiTokens.revokeUserTokens(user.id);
        logger.info(
          { userId: user.id, by: admin.id, sessionsEnded, tokensRevoked },
          'password reset by an admin',
        );
        const answer: ResetPasswordResponse = {
          user: account(updated),
          ...(body.password === undefined ? { password } : {}),
          sessionsEnded,
          tokensRevoked,
        };
        res.set('Cache-Control', 'no-store').json(answer);
      },
    }),
  ];
}
