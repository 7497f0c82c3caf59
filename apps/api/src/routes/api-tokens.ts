/**
 * Personal access tokens: `GET /auth/tokens`, `POST /auth/tokens` (the token is answered once) and
 * `DELETE /auth/tokens/{id}`. Managed from a signed-in session only: a token cannot mint or revoke tokens.
 */
import type { Request } from 'express';
import {
  MAX_API_TOKENS_PER_USER,
  apiTokenParamsSchema,
  type ApiToken,
  type ApiTokenList as ApiTokenListBody,
  type AuthUser,
  type CreatedApiToken as CreatedApiTokenBody,
} from '@arbiter/contracts';
import type { ApiTokenRow } from '@arbiter/db';
import { SESSION } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { HttpError, notFound } from '../http/http-error.js';
import { defineRoute, type ResponseSpec, type RouteSpec } from '../http/route.js';
import { ApiTokenList, CreateApiTokenRequest, CreatedApiToken } from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const view = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

/** The signed-in user, when signed in by the session cookie; a token-signed request gets a 403. */
function sessionUser(req: Request, action: string): AuthUser {
  const user = requireUser(req, action);
  if (req.authVia === 'token')
    throw new HttpError(
      403,
      'FORBIDDEN',
      `Access tokens cannot ${action}: sign in with your password (the web's Settings → API tokens).`,
    );
  return user;
}

const tokenOnly: ResponseSpec = {
  description:
    '`FORBIDDEN`, `FORBIDDEN_ORIGIN`: the request is signed in by an access token, not a session, or comes from a page on another site.',
  errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
};

export function apiTokenRoutes(resources: Pick<ApiResources, 'db' | 'logger'>): RouteSpec[] {
  const { db, logger } = resources;
  return [
    defineRoute({
      method: 'get',
      path: '/auth/tokens',
      tag: 'Accounts',
      summary: "The signed-in user's personal access tokens",
      description: 'Names, prefixes and dates; never the tokens themselves.',
      access: SESSION,
      action: 'list your access tokens',
      responses: { 200: { description: 'The tokens, oldest first.', body: ApiTokenList } },
      handle: async (_input, req, res) => {
        const user = requireUser(req, 'list your access tokens');
        const answer: ApiTokenListBody = { tokens: (await db.apiTokens.listTokens(user.id)).map(view) };
        res.set('Cache-Control', 'no-store').json(answer);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/tokens',
      tag: 'Accounts',
      summary: 'Create a personal access token',
      description: `A token acts as its account on every route (\`Authorization: Bearer <token>\`; Judge0 clients may send it in Judge0's \`X-Auth-Token\` header), until it expires or is revoked. The token is in this answer only. At most ${MAX_API_TOKENS_PER_USER} per account.`,
      access: SESSION,
      action: 'create an access token',
      body: CreateApiTokenRequest,
      responses: {
        201: { description: 'The new token, shown this once.', body: CreatedApiToken },
        400: {
          description: 'A field is missing, unknown or out of range; the message names it.',
          errors: ['INVALID_REQUEST', 'INVALID_JSON'],
        },
        403: tokenOnly,
        409: {
          description: `\`CONFLICT\`: the account already holds ${MAX_API_TOKENS_PER_USER} tokens.`,
          errors: ['CONFLICT'],
        },
      },
      handle: async ({ body }, req, res) => {
        const user = sessionUser(req, 'create access tokens');
        if ((await db.apiTokens.countTokens(user.id)) >= MAX_API_TOKENS_PER_USER)
          throw new HttpError(
            409,
            'CONFLICT',
            `You already have ${MAX_API_TOKENS_PER_USER} access tokens; revoke one you no longer use first.`,
          );
        const expiresAt =
          body.expiresInDays === undefined ? null : new Date(Date.now() + body.expiresInDays * DAY_MS);
        const created = await db.apiTokens.createToken(user.id, body.name, expiresAt);
        logger.info({ userId: user.id, tokenId: created.row.id }, 'access token created');
        const answer: CreatedApiTokenBody = { token: created.token, apiToken: view(created.row) };
        res.status(201).set('Cache-Control', 'no-store').json(answer);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/auth/tokens/:id',
      tag: 'Accounts',
      summary: 'Revoke a personal access token',
      description: 'It stops working at once.',
      access: SESSION,
      action: 'revoke an access token',
      params: apiTokenParamsSchema,
      invalid: (part, error) => (part === 'params' ? notFound('No such access token.') : error),
      responses: {
        204: { description: 'Revoked.' },
        403: tokenOnly,
        404: { description: '`NOT_FOUND`: you have no token with this id.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, req, res) => {
        const user = sessionUser(req, 'revoke access tokens');
        if (!(await db.apiTokens.revokeToken(user.id, params.id)))
          throw notFound('No such access token. See GET /auth/tokens.');
        logger.info({ userId: user.id, tokenId: params.id }, 'access token revoked');
        res.status(204).end();
      },
    }),
  ];
}
