/**
 * An exclusive lock on a PGlite data folder. PGlite is Postgres in one process with no
 * postmaster, so nothing stops a second process from opening the same folder, and two writers
 * corrupt it (the next open aborts). The lock is a file created with `O_EXCL` holding the owner's
 * host and pid; a lock left by a process that no longer runs on this host is taken over.
 */
import { hostname } from 'node:os';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, resolve } from 'node:path';

/** Name of the lock file inside the data folder (Postgres ignores files it does not know). */
export const PGLITE_LOCK_FILE = 'arbiter.lock';

/** An unreadable lock file older than this was cut short by a crash, in ms. */
const UNREADABLE_STALE_MS = 10_000;
/** Wait before checking a taken-over lock is still ours (two processes taking over at once), in ms. */
const TAKEOVER_SETTLE_MS = 100;

interface LockOwner {
  host: string;
  pid: number;
  /** ms since the epoch. */
  since: number;
}

/** Thrown when another live process holds the folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner ? `process ${owner.pid} on ${owner.host}` : 'another process';
    super(
      `The PGlite data folder ${dataDir} is in use by ${who}. PGlite allows one process per ` +
        `folder: stop that process, point this one at another DATA_DIR, or use PostgreSQL ` +
        `(DATABASE_URL) to share one database between processes. If no such process runs, ` +
        `delete ${join(dataDir, PGLITE_LOCK_FILE)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * Folders this process holds. A lock file naming this very pid is ours only if it is listed here;
 * otherwise it was left by an earlier process that had the same pid (a restarted container).
 */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { host, pid, since } = parsed as Record<string, unknown>;
    if (typeof host !== 'string' || typeof pid !== 'number' || typeof since !== 'number') return null;
    return { host, pid, since };
  } catch {
    return null;
  }
}

function isStale(owner: LockOwner, folder: string): boolean {
  if (owner.host !== hostname()) return false; // cannot check a process on another machine
  if (owner.pid === process.pid) return !heldHere.has(folder);
  return !isAlive(owner.pid);
}

/** An unreadable lock is being written right now (held), or was cut short by a crash long ago. */
async function isOldUnreadable(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > UNREADABLE_STALE_MS;
}

async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(JSON.stringify(owner));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the folder (creating it if needed) or throws `DataDirLockedError`. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const folder = resolve(dataDir);
  await mkdir(folder, { recursive: true });
  const path = join(folder, PGLITE_LOCK_FILE);
  const me: LockOwner = { host: hostname(), pid: process.pid, since: Date.now() };

  if (!(await tryCreate(path, me))) {
    const owner = await readOwner(path);
    const stale = owner ? isStale(owner, folder) : await isOldUnreadable(path);
    if (!stale) throw new DataDirLockedError(folder, owner);
    await unlink(path).catch(() => undefined);
    if (!(await tryCreate(path, me))) throw new DataDirLockedError(folder, await readOwner(path));
    // Another process may have found the same stale lock and replaced ours: the last writer wins.
    await sleep(TAKEOVER_SETTLE_MS);
    const now = await readOwner(path);
    if (now?.pid !== me.pid || now.since !== me.since) throw new DataDirLockedError(folder, now);
  }
  heldHere.add(folder);

  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(folder);
      const owner = await readOwner(path);
      if (owner?.pid === me.pid && owner.since === me.since) await unlink(path).catch(() => undefined);
    },
  };
}
