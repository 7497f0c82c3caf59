/** PGlite on disk: data survives close and reopen, and one folder is held by one opener at a time. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase, PGLITE_LOCK_FILE } from '../src/index.js';

describe('pglite in a data folder', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'arbiter-db-')), 'pglite');
  });
  afterAll(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('keeps data across close and reopen, and refuses a second opener meanwhile', async () => {
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    const ada = await first.users.createUser({ username: 'ada', passwordHash: 'h' });
    const lock: unknown = JSON.parse(await readFile(join(dataDir, PGLITE_LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, host: hostname() });
    const second = openDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(/is in use by process \d+/);
    await first.close();

    const reopened = await openDatabase({ dataDir });
    try {
      expect(await reopened.users.findUserByUsername('ADA')).toEqual(ada);
    } finally {
      await reopened.close();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const lockFile = join(dataDir, PGLITE_LOCK_FILE);
    await writeFile(lockFile, JSON.stringify({ host: hostname(), pid: dead, since: 0 }));
    const database = await openDatabase({ dataDir });
    try {
      expect(await database.users.countUsers()).toBe(1);
      expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await database.close();
    }
    await expect(readFile(lockFile, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
