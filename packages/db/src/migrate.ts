/**
 * Applies the SQL migrations in `packages/db/migrations` (written by drizzle-kit from
 * `src/schema`). Every process runs this at start-up; on PostgreSQL a session advisory lock makes
 * concurrent starts take turns, so exactly one applies each migration and the others find it done.
 */
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePgDb } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePgliteDb } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Pool } from 'pg';
import type { Schema } from './db.js';

/** The folder drizzle-kit writes to (`out` in drizzle.config.ts). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/** Schema of drizzle's migration journal when tables live in the default (`public`) schema. */
const DEFAULT_JOURNAL_SCHEMA = 'drizzle';

/** Advisory-lock key: one per schema, so separate schemas (test files) do not wait for each other. */
function lockKey(schema: string | undefined): string {
  return `arbiter:migrate:${schema ?? 'public'}`;
}

/**
 * On PostgreSQL: takes `pg_advisory_lock` on one pooled connection, creates `schema` if given,
 * applies pending migrations on that same connection, then unlocks. The lock is a session lock,
 * so if this process dies mid-way the server frees it and the next process retries; the
 * migrations themselves run in one transaction, so a crash leaves nothing half-applied.
 */
export async function migratePostgres(pool: Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [lockKey(schema)]);
    try {
      if (schema) await client.query(`create schema if not exists "${schema}"`);
      await migratePgDb(drizzlePg(client), {
        migrationsFolder: MIGRATIONS_FOLDER,
        migrationsSchema: schema ?? DEFAULT_JOURNAL_SCHEMA,
      });
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [lockKey(schema)]).catch((error) => {
        // The connection is unusable: drop it (which also frees the lock) instead of pooling it.
        broken = error instanceof Error ? error : new Error(String(error));
      });
    }
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** On PGlite: one process owns the folder (see pglite-lock.ts), so no lock is needed. */
export async function migratePglite(db: PgliteDatabase<Schema>): Promise<void> {
  await migratePgliteDb(db, {
    migrationsFolder: MIGRATIONS_FOLDER,
    migrationsSchema: DEFAULT_JOURNAL_SCHEMA,
  });
}
