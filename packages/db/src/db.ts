/**
 * The Drizzle database type every repository takes: the part node-postgres and PGlite have in
 * common, so one repository works on both.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'postgres' | 'pglite';

/** Where repositories read the time: injected so tests can move it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** What each backend's opener returns; `openDatabase` builds the repositories on top. */
export interface BackendConnection {
  db: Db;
  /** Applies pending migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  /** A cheap round trip; throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
