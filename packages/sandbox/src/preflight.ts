/**
 * Checks, before a worker starts, that the host can sandbox: Linux, root, bubblewrap 0.8+, mount/umount,
 * /bin/sh. Each failure throws an Error whose message says what to install or
 * enable; the worker refuses to start with it. (The cgroup checks live in the cgroup detection, and a test
 * run in `createBwrapSandbox`.)
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { HardCaps } from './run-script.js';

export interface Tools {
  bwrapPath: string;
}

/** Finds an executable on PATH (and the usual system folders, as the worker may run with a bare PATH). */
export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/bin', '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function checkHost(options: { bwrapPath?: string } = {}): Tools {
  if (process.platform !== 'linux') {
    throw new Error(
      `the sandbox needs Linux (this is ${process.platform}); use the unsandboxed runner for development`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      'the sandbox needs root: run the worker as root (each run drops to its own unprivileged uid, and root is ' +
        'needed to create cgroups and mount the tmpfs work dirs)',
    );
  }
  const bwrapPath = options.bwrapPath ?? findExecutable('bwrap');
  if (!bwrapPath || !isExecutable(bwrapPath)) {
    const where = options.bwrapPath ? ` (nothing executable at ${options.bwrapPath})` : '';
    throw new Error(`bubblewrap is not installed${where}: run \`apt-get install -y bubblewrap\``);
  }
  let version = '';
  try {
    version = execFileSync(bwrapPath, ['--version'], { encoding: 'utf8', env: {} }).trim();
  } catch (err) {
    throw new Error(
      `bubblewrap at ${bwrapPath} does not run (${String(err)}): reinstall it with \`apt-get install -y --reinstall bubblewrap\``,
      { cause: err },
    );
  }
  const m = /(\d+)\.(\d+)/.exec(version);
  if (!m || (Number(m[1]) === 0 && Number(m[2]) < 8)) {
    throw new Error(
      `${version || 'bubblewrap'} is too old: version 0.8 or later is needed (for --disable-userns)`,
    );
  }
  for (const tool of ['mount', 'umount']) {
    if (!findExecutable(tool)) throw new Error(`${tool} is not installed: run \`apt-get install -y mount\``);
  }
  try {
    accessSync('/bin/sh', constants.X_OK);
  } catch {
    throw new Error('/bin/sh is missing: install a POSIX shell (`apt-get install -y dash`)');
  }
  return { bwrapPath };
}

/** The worker's own hard limits: an unprivileged shell inside cannot go above them. */
export function hardCaps(): HardCaps {
  const text = readFileSync('/proc/self/limits', 'utf8');
  const hard = (label: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(label));
    const value = line?.slice(label.length).trim().split(/\s+/)[1];
    return value === undefined || value === 'unlimited' ? Number.POSITIVE_INFINITY : Number(value);
  };
  return { openFiles: hard('Max open files'), stackKb: Math.floor(hard('Max stack size') / 1024) };
}
