/** Opens PostgreSQL through a node-postgres pool, optionally confined to one schema. */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { BackendConnection } from './db.js';
import { migratePostgres } from './migrate.js';
import * as schema from './schema/index.js';

/** Schema names we accept: plain identifiers, so they need no quoting in `search_path` or DDL. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresOptions {
  url: string;
  /** Schema for the tables and the migration journal (created if missing); default: `public`. */
  schema?: string;
  /** Connections in the pool. */
  poolSize: number;
  /** Errors of pooled connections, idle or checked out (the server restarted, the network dropped). */
  onError: (error: Error) => void;
}

/** The URL with its password masked, for error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export function openPostgres(options: PostgresOptions): BackendConnection {
  const { schema: schemaName } = options;
  if (schemaName !== undefined && !SCHEMA_NAME.test(schemaName)) {
    throw new Error(
      `Invalid schema name ${JSON.stringify(schemaName)}: lowercase letters, digits and _ only`,
    );
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    // Give up connecting (or waiting for a pooled connection) after this long, in ms: a dead server
    // fails start-up instead of hanging it, and a request answers 503 in seconds instead of waiting.
    connectionTimeoutMillis: 3_000,
    ...(schemaName ? { options: `-c search_path=${schemaName}` } : {}),
  });
  // An idle connection's error reaches both listeners below: report each error once.
  const reported = new WeakSet<Error>();
  const report = (error: Error) => {
    if (reported.has(error)) return;
    reported.add(error);
    options.onError(error);
  };
  pool.on('error', report);
  // The pool listens for errors only while a connection is idle. A connection checked out by a
  // transaction that loses its server between two statements emits 'error' on the client itself;
  // without a listener of its own that is an uncaught exception that takes the process down. The
  // pending statement still fails, and the pool drops the broken connection when it is released.
  pool.on('connect', (client) => client.on('error', report));
  const db = drizzle({ client: pool, schema });
  db.transaction = transactionOn(pool);
  return {
    db,
    migrate: () => migratePostgres(pool, schemaName),
    async ping() {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

/**
 * `db.transaction` over a pool that always gives its connection back. Drizzle's own checks a
 * connection out and sends `begin` before its try/finally: when the connection breaks in between
 * (the server restarts, the network drops) the connection is never released, the pool has one slot
 * less for good and `pool.end()` never returns. Here the check-out and its release wrap everything,
 * and the transaction runs on a Drizzle instance bound to that one connection (one per pooled
 * connection, made once). A broken connection is dropped by the pool on release.
 */
type NodePgDb = NodePgDatabase<typeof schema>;

export function transactionOn(pool: pg.Pool): NodePgDb['transaction'] {
  const bound = new WeakMap<pg.PoolClient, NodePgDb>();
  return async (run, config) => {
    const client = await pool.connect();
    try {
      let db = bound.get(client);
      if (db === undefined) {
        db = drizzle({ client, schema });
        bound.set(client, db);
      }
      return await db.transaction(run, config);
    } finally {
      client.release();
    }
  };
}
