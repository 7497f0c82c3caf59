/**
 * The two backends every suite runs against: real PostgreSQL (a private schema per suite, dropped
 * afterwards) and PGlite in memory. PostgreSQL comes from TEST_DATABASE_URL, else the local
 * server; when it does not answer the suite fails and says so, it never skips.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type OpenDatabaseOptions } from '../../src/index.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type BackendName = 'postgres' | 'pglite';
export const BACKENDS: BackendName[] = ['postgres', 'pglite'];

/** A clock tests move by hand. */
export interface TestClock {
  now: () => Date;
  set(date: Date): void;
  advance(ms: number): void;
}

export function testClock(start = new Date('2026-01-01T00:00:00.000Z')): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = date.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface TestDatabase {
  database: Database;
  clock: TestClock;
  /** The private schema (PostgreSQL), for tests that open more connections to it. */
  schema: string | undefined;
  /** Empties every table. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export function randomSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** Runs `sql` on the test server outside any schema, failing with a clear message if it is down. */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not answering at ${TEST_DATABASE_URL} (${(error as Error).message}). ` +
        `Start it, or point TEST_DATABASE_URL at one (trust auth, an existing database).`,
      { cause: error },
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function openTestDatabase(
  backend: BackendName,
  options: Pick<OpenDatabaseOptions, 'migrate'> = {},
): Promise<TestDatabase> {
  const clock = testClock();
  let schema: string | undefined;
  let database: Database;
  if (backend === 'postgres') {
    schema = randomSchema();
    await adminQuery('select 1'); // fail here, with the clear message, if the server is down
    database = await openDatabase({
      url: TEST_DATABASE_URL,
      schema,
      now: clock.now,
      poolSize: 8,
      ...options,
    });
  } else {
    database = await openDatabase({ dataDir: 'memory://', now: clock.now, ...options });
  }
  return {
    database,
    clock,
    schema,
    async reset() {
      await database.db.execute(
        'truncate table problem_versions, imported_problems, package_blobs, problem_stats, submissions, sessions, users cascade',
      );
    },
    async close() {
      await database.close();
      if (schema) await adminQuery(`drop schema if exists "${schema}" cascade`);
    },
  };
}
