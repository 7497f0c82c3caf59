/**
 * The lock of a one-off build on the host (the precompiled C++ header, the JVM class archives): one builder
 * per target among the workers of a host, and a lock whose builder died holds nothing.
 */
import { readFile, stat } from 'node:fs/promises';

/** A build older than this is taken for one that died, in ms. */
export const STALE_LOCK_MS = 5 * 60_000;

/** Whether a process with this pid exists on the host. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock is live while its builder's process is (a lock just created, its pid not written yet, counts as
 * live) and it is younger than STALE_LOCK_MS. A lock that cannot be read any more was just released.
 */
export async function lockIsLive(lock: string): Promise<boolean> {
  const info = await stat(lock).catch(() => null);
  if (info === null) return false;
  if (Date.now() - info.mtimeMs >= STALE_LOCK_MS) return false;
  const text = (await readFile(lock, 'utf8').catch(() => '')).trim();
  if (text === '') return Date.now() - info.mtimeMs < 5_000;
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 && alive(pid);
}
