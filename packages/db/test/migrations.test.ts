/**
 * Migrations: idempotent on both backends, and safe when several processes start at once on one
 * PostgreSQL schema (each opener has its own pool, so they race on separate server sessions).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MIGRATIONS_FOLDER, openDatabase } from '../src/index.js';
import { adminQuery, openTestDatabase, randomSchema, TEST_DATABASE_URL } from './support/test-database.js';

const TABLES = [
  'api_tokens',
  'assignment_problems',
  'assignments',
  'class_members',
  'classes',
  'contest_announcements',
  'contest_clarifications',
  'contest_participants',
  'contest_problems',
  'contests',
  'imported_problems',
  'package_blobs',
  'problem_stats',
  'problem_versions',
  'sessions',
  'submissions',
  'user_settings',
  'users',
];
/** Migrations shipped: each is applied exactly once. */
const MIGRATIONS = (
  JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }
).entries.length;

async function inSchema<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('migrations on postgres', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await adminQuery(`drop schema if exists "${schema}" cascade`);
  });

  it('lets 4 processes migrate one fresh schema at once: all succeed, each table exists once', async () => {
    const schema = randomSchema();
    schemas.push(schema);
    await adminQuery('select 1');
    const opened = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ url: TEST_DATABASE_URL, schema, poolSize: 2 })),
    );
    try {
      const tables = await inSchema<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = $1 order by table_name`,
        [schema],
      );
      expect(tables.map((row) => row.table_name)).toEqual(['__drizzle_migrations', ...TABLES]);
      const journal = await inSchema<{ n: number }>(
        `select count(*)::int as n from "${schema}".__drizzle_migrations`,
        [],
      );
      expect(journal[0]?.n).toBe(MIGRATIONS);
      // Every opener works on the same tables.
      await opened[0]?.users.createUser({ username: 'ada', passwordHash: 'h' });
      for (const database of opened) expect(await database.users.countUsers()).toBe(1);
    } finally {
      await Promise.all(opened.map((database) => database.close()));
    }
  });

  it('is idempotent: migrating again changes nothing', async () => {
    const t = await openTestDatabase('postgres');
    if (t.schema) schemas.push(t.schema);
    try {
      await t.database.users.createUser({ username: 'ada', passwordHash: 'h' });
      await t.database.migrate();
      await t.database.migrate();
      expect(await t.database.users.countUsers()).toBe(1);
      const journal = await inSchema<{ n: number }>(
        `select count(*)::int as n from "${t.schema}".__drizzle_migrations`,
        [],
      );
      expect(journal[0]?.n).toBe(MIGRATIONS);
    } finally {
      await t.close();
    }
  });

  it('fails with a clear message when PostgreSQL does not answer', async () => {
    // Port 1 is never a PostgreSQL server.
    await expect(openDatabase({ url: 'postgres://postgres:secret@127.0.0.1:1/test' })).rejects.toThrow(
      /PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test is not answering/,
    );
  });

  it('refuses a URL that is not postgres://', async () => {
    await expect(openDatabase({ url: 'mysql://localhost/x' })).rejects.toThrow(
      /must start with postgres:\/\//,
    );
  });
});

describe('migrations on pglite', () => {
  it('is idempotent: migrating again changes nothing', async () => {
    const t = await openTestDatabase('pglite', { migrate: false });
    try {
      await t.database.migrate();
      await t.database.users.createUser({ username: 'ada', passwordHash: 'h' });
      await t.database.migrate();
      expect(await t.database.users.countUsers()).toBe(1);
    } finally {
      await t.close();
    }
  });
});
