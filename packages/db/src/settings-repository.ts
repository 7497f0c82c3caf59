/** Per-account settings: the editor's, read (null when never saved) and replaced in one upsert. */
import { eq } from 'drizzle-orm';
import type { Clock, Db } from './db.js';
import { userSettings } from './schema/index.js';

export class SettingsRepository {
  constructor(
    private readonly db: Db,
    private readonly now: Clock,
  ) {}

  /** What the account last saved, as stored (validate it before use); null when it never saved any. */
  async getEditorSettings(userId: string): Promise<unknown> {
    const [row] = await this.db
      .select({ editor: userSettings.editor })
      .from(userSettings)
      .where(eq(userSettings.userId, userId));
    return row?.editor ?? null;
  }

  async putEditorSettings(userId: string, editor: unknown): Promise<void> {
    const updatedAt = this.now();
    await this.db
      .insert(userSettings)
      .values({ userId, editor, updatedAt })
      .onConflictDoUpdate({ target: userSettings.userId, set: { editor, updatedAt } });
  }
}
