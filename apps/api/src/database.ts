/** Opens the API's database from its configuration: PostgreSQL with DATABASE_URL, else PGlite under DATA_DIR. */
import { join } from 'node:path';
import { IN_MEMORY, openDatabase, type Database } from '@arbiter/db';
import type { Logger } from '@arbiter/observability';
import type { ApiEnv } from './env.js';

export function openApiDatabase(env: ApiEnv, logger: Logger): Promise<Database> {
  const dataDir = env.DATA_DIR === IN_MEMORY ? IN_MEMORY : join(env.DATA_DIR, 'pglite');
  return openDatabase({
    url: env.DATABASE_URL,
    dataDir,
    schema: env.DATABASE_SCHEMA,
    // An idle pooled connection that breaks (the database restarted) is replaced; say so in the log.
    onError: (error) => logger.warn({ err: error }, 'database connection lost'),
  });
}
