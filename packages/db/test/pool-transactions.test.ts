/** Transactions on a PostgreSQL pool give their connection back, even one that breaks before `begin`. */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { transactionOn } from '../src/postgres-connection.js';
import { TEST_DATABASE_URL } from './support/test-database.js';

/** The socket under a pooled client (node-postgres keeps it there). */
function socketOf(client: pg.PoolClient): { destroy(): void } {
  return (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream;
}

describe('transactions on a PostgreSQL pool', () => {
  it('release a connection that breaks between check-out and begin: the pool keeps its slot and ends', async () => {
    const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1, connectionTimeoutMillis: 3_000 });
    pool.on('error', () => undefined);
    let breakNext = true;
    pool.on('acquire', (client) => {
      if (!breakNext) return;
      breakNext = false;
      client.on('error', () => undefined);
      // The network drops right after the check-out: `begin` is the first statement to fail.
      socketOf(client).destroy();
    });
    const transaction = transactionOn(pool);

    await expect(transaction((tx) => tx.execute(sql`select 1`))).rejects.toThrow();
    // The pool's only slot is free again: the next transaction gets a connection instead of timing out.
    const rows = await transaction(async (tx) => (await tx.execute(sql`select 2 as two`)).rows);
    expect(rows).toEqual([{ two: 2 }]);
    expect(pool.totalCount).toBe(1);
    // With a connection never given back, this would wait forever.
    await pool.end();
    expect(pool.ended).toBe(true);
  });
});
