/**
 * A precompiled `bits/stdc++.h` for C++ submissions, built once per toolchain and flags
 * and kept on disk: GCC picks `<dir>/bits/stdc++.h.gch` up through `-I <dir>` when the
 * flags match, which cuts a typical competitive-programming compile from ~1.7 s to ~0.5 s.
 * Built on the host from a system header (no user input), outside the sandbox.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CPP_FLAGS } from '@arbiter/languages';
import { STALE_LOCK_MS, alive, lockIsLive } from './build-lock.js';
import { runHostBuildCommand } from './host-build-command.js';

export interface PrecompiledHeader {
  /** Folder to pass as `-I`; holds `bits/stdc++.h.gch`. */
  includeDir: string;
}

/** Where the header for this toolchain lives under `root` (depends only on the compiler version and flags). */
export function precompiledHeaderDir(root: string, gxxVersion: string): string {
  const id = createHash('sha256')
    .update(`${gxxVersion}\0${CPP_FLAGS.join(' ')}`)
    .digest('hex')
    .slice(0, 16);
  return join(root, `gxx-${id}`);
}

/**
 * Builds the header under `dir` unless it is already there. Returns null if g++ cannot build it, or when
 * `signal` ends the build (g++ is killed and its partial file removed before this settles).
 */
export async function buildPrecompiledHeader(
  dir: string,
  signal?: AbortSignal,
): Promise<PrecompiledHeader | null> {
  if (signal?.aborted) return null;
  const target = join(dir, 'bits', 'stdc++.h.gch');
  if (await isFile(target)) return { includeDir: dir };
  await mkdir(join(dir, 'bits'), { recursive: true });
  // One builder per folder: several workers on a host would otherwise each spend seconds of CPU on it. The
  // lock names its builder's pid: a builder that died (a worker stopped or killed mid-build) holds nothing.
  const lock = join(dir, '.building');
  const held = await open(lock, 'wx').catch(() => null);
  if (held === null) {
    if (await lockIsLive(lock)) return waitForOther(target, dir, signal);
    await rm(lock, { force: true });
    return buildPrecompiledHeader(dir, signal);
  }
  await held.writeFile(String(process.pid));
  await held.close();
  await removeDeadPartials(join(dir, 'bits'));
  // Built beside the target and renamed, so a concurrent worker never sees half a file.
  const partial = `${target}.${process.pid}.tmp`;
  try {
    const header = await findHeader(signal);
    if (header === null) return null;
    await runHostBuildCommand('/usr/bin/g++', [...CPP_FLAGS, '-x', 'c++-header', header, '-o', partial], {
      env: { PATH: '/usr/bin:/bin' },
      timeout: 120_000,
      ...(signal === undefined ? {} : { signal }),
    });
    await rename(partial, target);
    return { includeDir: dir };
  } catch {
    return null;
  } finally {
    await rm(partial, { force: true });
    await rm(lock, { force: true });
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function waitForOther(
  target: string,
  dir: string,
  signal?: AbortSignal,
): Promise<PrecompiledHeader | null> {
  const lock = join(dir, '.building');
  for (let waited = 0; waited < STALE_LOCK_MS && signal?.aborted !== true; waited += 250) {
    if (await isFile(target)) return { includeDir: dir };
    if (!(await stat(lock).catch(() => null))) return (await isFile(target)) ? { includeDir: dir } : null;
    // Its builder died: build it here.
    if (!(await lockIsLive(lock))) return buildPrecompiledHeader(dir, signal);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

/** Removes half-written headers (`stdc++.h.gch.<pid>.tmp`, ~100 MB each) whose builder is gone. */
async function removeDeadPartials(bits: string): Promise<void> {
  for (const name of await readdir(bits).catch(() => [])) {
    const pid = /^stdc\+\+\.h\.gch\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) await rm(join(bits, name), { force: true });
  }
}

/** The path of `bits/stdc++.h` as g++ resolves it. */
async function findHeader(signal?: AbortSignal): Promise<string | null> {
  const { stdout } = await runHostBuildCommand(
    '/bin/sh',
    ['-c', `echo '#include <bits/stdc++.h>' | /usr/bin/g++ ${CPP_FLAGS.join(' ')} -x c++ -M -`],
    signal === undefined ? {} : { signal },
  );
  const match = /(\S*\/bits\/stdc\+\+\.h)\b/.exec(stdout);
  return match?.[1] ?? null;
}
