/** The `sessions` table: sign-in sessions, keyed by the SHA-256 of their token (never the token). */
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { timestampMs } from './columns.js';
import { users } from './users.js';

export const sessions = pgTable(
  'sessions',
  {
    /** Hex SHA-256 of the session token; the raw token only ever lives in the client's cookie. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestampMs('created_at').notNull(),
    expiresAt: timestampMs('expires_at').notNull(),
    /** Refreshed at most once a minute, so reading a session rarely writes. */
    lastSeenAt: timestampMs('last_seen_at').notNull(),
  },
  (table) => [
    index('sessions_user_id_idx').on(table.userId),
    index('sessions_expires_at_idx').on(table.expiresAt),
  ],
);
