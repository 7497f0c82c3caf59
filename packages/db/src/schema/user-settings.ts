/** The `user_settings` table: one row per account that saved settings (the editor's, as jsonb). */
import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestampMs } from './columns.js';
import { users } from './users.js';

export const userSettings = pgTable('user_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** `EditorSettings` of packages/contracts, as last saved (read back through `editorSettingsOrDefaults`). */
  editor: jsonb('editor').notNull(),
  updatedAt: timestampMs('updated_at').notNull().defaultNow(),
});
