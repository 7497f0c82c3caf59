/** A PostgreSQL connection lost while a transaction holds it is reported, never an uncaught exception. */
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '@arbiter/db';
import { DATABASE_URL } from '../support/platform.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

it('a connection reset while a transaction holds the client goes to onError and the pool serves again', async () => {
  const target = new URL(DATABASE_URL);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  closers.push(() => proxy.close());
  const proxied = new URL(DATABASE_URL);
  proxied.host = `127.0.0.1:${proxy.port}`;
  const errors: Error[] = [];
  let reported: () => void = () => undefined;
  const firstError = new Promise<void>((resolve) => (reported = resolve));
  const connection = await openDatabase({
    url: proxied.toString(),
    migrate: false,
    poolSize: 2,
    onError: (error) => {
      errors.push(error);
      reported();
    },
  });
  closers.push(() => connection.close());

  // Between two statements of a transaction the client is checked out and no query is pending: the
  // reset arrives as an 'error' event on the client itself, which must have a listener.
  const transaction = connection.db.transaction(async (tx) => {
    await tx.execute(sql`select 1`);
    proxy.cut();
    await firstError;
  });
  await expect(transaction).rejects.toThrow();
  expect(errors.length).toBeGreaterThanOrEqual(1);
  expect(errors[0]?.message).toMatch(/ECONNRESET|terminated|closed/i);

  proxy.restore();
  await connection.ping();
});
