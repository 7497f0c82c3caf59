/** Opens the API's database from its configuration: PostgreSQL with DATABASE_URL, else PGlite under DATA_DIR. */
import { join } from 'node:path';
import { IN_MEMORY, openDatabase, type Database } from '@arbiter/db';
import type { ApiEnv } from './env.js';

export function openApiDatabase(env: ApiEnv): Promise<Database> {
  const dataDir = env.DATA_DIR === IN_MEMORY ? IN_MEMORY : join(env.DATA_DIR, 'pglite');
  return openDatabase({ url: env.DATABASE_URL, dataDir, schema: env.DATABASE_SCHEMA });
}
