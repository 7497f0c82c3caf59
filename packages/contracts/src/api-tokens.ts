/**
 * Personal access tokens (`GET` / `POST /auth/tokens`, `DELETE /auth/tokens/{id}`): an account's
 * tokens for scripts and API clients, sent as `Authorization: Bearer <token>`.
 */
import { z } from 'zod';
import { API_TOKEN_MAX_DAYS, API_TOKEN_NAME_MAX } from './api-token-limits.js';

export * from './api-token-limits.js';

export const createApiTokenRequestSchema = z
  .object({
    name: z
      .string({ error: 'must be a string' })
      .trim()
      .min(1, 'must not be empty')
      .max(API_TOKEN_NAME_MAX, `must be at most ${API_TOKEN_NAME_MAX} characters`)
      .refine(
        (name) => ![...name].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127),
        'must not contain control characters',
      )
      .describe('A label to tell the token apart, e.g. "grading bot".'),
    expiresInDays: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(API_TOKEN_MAX_DAYS, `must be at most ${API_TOKEN_MAX_DAYS}`)
      .optional()
      .describe('Days until the token stops working; omitted: it works until revoked.'),
  })
  .strict();
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequestSchema>;

export const apiTokenSchema = z.object({
  id: z.string().describe('Names the token for `DELETE /auth/tokens/{id}`; not a secret.'),
  name: z.string(),
  prefix: z.string().describe("The token's first characters, to tell tokens apart."),
  createdAt: z.string().describe('ISO 8601.'),
  expiresAt: z.string().nullable().describe('ISO 8601; null: until revoked.'),
  lastUsedAt: z.string().nullable().describe('ISO 8601, to the minute; null: never used.'),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

export const createdApiTokenSchema = z.object({
  token: z.string().describe('The token itself, shown this once: the server keeps only its hash.'),
  apiToken: apiTokenSchema,
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenParamsSchema = z.object({
  id: z.string().min(1).max(64).describe('The id from `GET /auth/tokens`.'),
});
