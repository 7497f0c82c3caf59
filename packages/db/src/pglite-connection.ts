/** Opens embedded PGlite: in memory, or persisted in a folder this process then holds exclusively. */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { resolve } from 'node:path';
import type { BackendConnection } from './db.js';
import { migratePglite } from './migrate.js';
import { lockDataDir, type DataDirLock } from './pglite-lock.js';
import * as schema from './schema/index.js';

/** The `dataDir` that keeps the database in memory (gone on close). */
export const IN_MEMORY = 'memory://';

export async function openPglite(dataDir: string): Promise<BackendConnection> {
  const inMemory = dataDir.startsWith(IN_MEMORY);
  const lock: DataDirLock | null = inMemory ? null : await lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? IN_MEMORY : resolve(dataDir));
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const db = drizzle({ client, schema });
  return {
    db,
    migrate: () => migratePglite(db),
    async ping() {
      await client.query('select 1');
    },
    async close() {
      try {
        await client.close();
      } finally {
        await lock?.release();
      }
    },
  };
}
