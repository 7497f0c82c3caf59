/** The `api_tokens` table: personal access tokens, keyed by the SHA-256 of the token (never the token). */
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { timestampMs } from './columns.js';
import { users } from './users.js';

export const apiTokens = pgTable(
  'api_tokens',
  {
    /** A random id the owner names the token by (list, revoke); not a secret. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Hex SHA-256 of the token; the token itself is shown once, at creation. */
    tokenHash: text('token_hash').notNull().unique(),
    /** The owner's label, e.g. "grading bot". */
    name: text('name').notNull(),
    /** The token's first characters, so the owner can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: timestampMs('created_at').notNull(),
    /** Null: never expires. */
    expiresAt: timestampMs('expires_at'),
    /** Refreshed at most once a minute, so using a token rarely writes. */
    lastUsedAt: timestampMs('last_used_at'),
  },
  (table) => [index('api_tokens_user_id_idx').on(table.userId)],
);
