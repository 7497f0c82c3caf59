/**
 * Opens the database the configuration names: PostgreSQL when given a `postgres://` URL,
 * otherwise embedded PGlite in a folder (or in memory). Both run the same migrations and the same
 * repositories; the caller gets them bound to one connection, plus `close()`.
 */
import { systemClock, type Clock, type DatabaseKind, type Db, type BackendConnection } from './db.js';
import { ClassesRepository } from './classes-repository.js';
import { ContestsRepository } from './contests-repository.js';
import { openPglite } from './pglite-connection.js';
import { openPostgres, redactUrl } from './postgres-connection.js';
import { ProblemPackagesRepository } from './problem-packages-repository.js';
import { ProfileRepository } from './profile-repository.js';
import { SessionsRepository } from './sessions-repository.js';
import { SettingsRepository } from './settings-repository.js';
import { ApiTokensRepository } from './api-tokens-repository.js';
import { SubmissionStatsRepository } from './submission-stats-repository.js';
import { SubmissionsRepository } from './submissions-repository.js';
import { UsersRepository } from './users-repository.js';

/** PGlite's folder when neither a URL nor a folder is given (relative to the working directory). */
export const DEFAULT_PGLITE_DIR = './data/pglite';

export interface OpenDatabaseOptions {
  /** `postgres://` or `postgresql://` URL. Absent or empty: embedded PGlite. */
  url?: string;
  /** PGlite's folder (one process at a time); `memory://` keeps it in memory. Default `./data/pglite`. */
  dataDir?: string;
  /**
   * PostgreSQL only: the schema holding the tables and the migration journal, created if missing.
   * Default: tables in `public`, journal in `drizzle`.
   */
  schema?: string;
  /**
   * Apply pending migrations before returning (safe when several processes start at once).
   * @defaultValue true
   */
  migrate?: boolean;
  /**
   * PostgreSQL only: connections in the pool.
   * @defaultValue 10
   */
  poolSize?: number;
  /** Where repositories read the time. Default: the system clock. */
  now?: Clock;
  /** PostgreSQL only: errors of pooled connections. Default: written to stderr. */
  onError?: (error: Error) => void;
}

export interface Database {
  /** Drizzle, for queries the repositories do not cover. */
  db: Db;
  kind: DatabaseKind;
  users: UsersRepository;
  sessions: SessionsRepository;
  submissions: SubmissionsRepository;
  stats: SubmissionStatsRepository;
  contests: ContestsRepository;
  /** Classes, their members and assignments, and the progress matrix. */
  classes: ClassesRepository;
  /** Users' public profiles. */
  profiles: ProfileRepository;
  /** Imported problem packages and their versions. */
  problems: ProblemPackagesRepository;
  /** Per-account settings (the editor's). */
  settings: SettingsRepository;
  /** Personal access tokens. */
  apiTokens: ApiTokensRepository;
  /** Resolves when the database answers a query (readiness checks). */
  ping(): Promise<void>;
  /** Applies pending migrations (what `openDatabase` does unless `migrate: false`). */
  migrate(): Promise<void>;
  /** Ends the pool, or closes PGlite and frees its folder. */
  close(): Promise<void>;
}

function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

async function connect(
  options: OpenDatabaseOptions,
): Promise<{ kind: DatabaseKind; backend: BackendConnection }> {
  const url = options.url?.trim();
  if (url) {
    if (!isPostgresUrl(url)) {
      throw new Error(`Database URL must start with postgres:// or postgresql://, got ${redactUrl(url)}`);
    }
    const backend = openPostgres({
      url,
      schema: options.schema,
      poolSize: options.poolSize ?? 10,
      onError:
        options.onError ?? ((error) => console.error(`PostgreSQL idle connection error: ${error.message}`)),
    });
    try {
      await backend.ping();
    } catch (error) {
      await backend.close().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`PostgreSQL at ${redactUrl(url)} is not answering: ${reason}`, { cause: error });
    }
    return { kind: 'postgres', backend };
  }
  return { kind: 'pglite', backend: await openPglite(options.dataDir ?? DEFAULT_PGLITE_DIR) };
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const { kind, backend } = await connect(options);
  if (options.migrate ?? true) {
    try {
      await backend.migrate();
    } catch (error) {
      await backend.close().catch(() => undefined);
      throw error;
    }
  }
  const now = options.now ?? systemClock;
  return {
    db: backend.db,
    kind,
    users: new UsersRepository(backend.db),
    sessions: new SessionsRepository(backend.db, now),
    submissions: new SubmissionsRepository(backend.db, now),
    stats: new SubmissionStatsRepository(backend.db),
    contests: new ContestsRepository(backend.db, now),
    classes: new ClassesRepository(backend.db, now),
    profiles: new ProfileRepository(backend.db, now),
    problems: new ProblemPackagesRepository(backend.db, now),
    settings: new SettingsRepository(backend.db, now),
    apiTokens: new ApiTokensRepository(backend.db, now),
    ping: () => backend.ping(),
    migrate: () => backend.migrate(),
    close: () => backend.close(),
  };
}
