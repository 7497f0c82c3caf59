/**
 * What the cgroup v1 and v2 drivers share: the interface a run's cgroup offers, and small helpers to read
 * cgroupfs and mountinfo. Kept apart from the detection in `cgroup.ts` so the drivers do not import it.
 */
import { readFileSync, rmdirSync } from 'node:fs';

export interface RunCgroup {
  readonly name: string;
  /** `cgroup.procs` files a process writes its own pid to, to join the run's cgroup(s). */
  readonly procsFiles: readonly string[];
  /** Memory limit (processes + page cache + tmpfs, no swap), in bytes; task limit. */
  setLimits(memoryBytes: number, pids: number): void;
  /** Starts peak-memory tracking afresh from the current usage (where the kernel allows it). */
  resetPeak(): void;
  /** CPU time of every process that ever ran in the cgroup, in µs. */
  cpuUsageUs(): number;
  /** Peak memory usage, in bytes. */
  memoryPeakBytes(): number;
  /** How many processes the kernel OOM-killed in this cgroup. */
  oomKills(): number;
  /** Pids currently in the cgroup. */
  pids(): number[];
  /** SIGKILLs everything in the cgroup once (v2: `cgroup.kill`; v1: each listed pid). */
  killAll(): void;
  /** Kills until empty, then removes the directories; retries while the kernel says EBUSY. */
  destroy(timeoutMs?: number): Promise<void>;
}

export interface CgroupDriver {
  /** `v1` or `v2`, for logs and the sandbox's `kind`. */
  readonly version: 'v1' | 'v2';
  /** Where run cgroups are created, for messages. */
  readonly location: string;
  create(name: string): RunCgroup;
  /** Names of run cgroups currently under the root (leftovers of a crashed worker, or live runs). */
  list(): string[];
  /** Destroys every run cgroup under the root (stale ones after a crash). */
  sweep(): Promise<void>;
  /** Removes the root directories (after every run cgroup is gone). */
  close(): Promise<void>;
}

export interface MountEntry {
  mountPoint: string;
  fsType: string;
  /** Options of this mount (e.g. `ro`, `nosuid`), as opposed to those of its file system. */
  mountOptions: string[];
  superOptions: string[];
}

/** Mounts of this process's mount namespace, from /proc/self/mountinfo, in mount order. */
export function readMounts(): MountEntry[] {
  const text = readFileSync('/proc/self/mountinfo', 'utf8');
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const fields = left.split(' ');
    const rest = right.split(' ');
    const mountPoint = fields[4];
    const fsType = rest[0];
    if (!mountPoint || !fsType) continue;
    out.push({
      mountPoint: unescapeMount(mountPoint),
      fsType,
      mountOptions: (fields[5] ?? '').split(','),
      superOptions: (rest[2] ?? '').split(','),
    });
  }
  return out;
}

/** mountinfo escapes space, tab, newline and backslash as octal. */
export function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/** Parses `key value` lines (cpu.stat, memory.events, memory.oom_control). */
export function parseKeyValues(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && value !== undefined && /^\d+$/.test(value)) out.set(key, Number(value));
  }
  return out;
}

/** Parses a cgroup.procs listing. */
export function parsePids(text: string): number[] {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGKILL one pid; a pid that is already gone is fine. */
export function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // ESRCH: already gone.
  }
}

/** Reads a cgroupfs file; `undefined` when it does not exist (an older kernel, or an absent controller). */
export function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  }
}

export function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === code;
}

/** Pids listed in a cgroup.procs file; a removed cgroup has none. */
export function readPids(procsFile: string): number[] {
  const text = readOptional(procsFile);
  return text === undefined ? [] : parsePids(text);
}

/**
 * Kills until the cgroup is empty, then removes its directories. The kernel refuses `rmdir` (EBUSY) while a
 * task is in the cgroup or still exiting, so both steps are retried, quickly at first, until `timeoutMs` has
 * passed. The first attempt removes straight away, without reading the cgroup's processes: after a run
 * that ended by itself the cgroup is empty, and one that is not refuses the removal.
 */
export async function killAndRemove(
  cgroup: { pids(): number[]; killAll(): void },
  dirs: readonly string[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const pids = attempt === 0 ? [] : cgroup.pids();
    let lastError: unknown;
    if (pids.length === 0) {
      try {
        for (const dir of dirs) rmdirIfExists(dir);
        return;
      } catch (err) {
        if (!isErrno(err, 'EBUSY')) throw err;
        lastError = err;
      }
    } else {
      cgroup.killAll();
    }
    if (Date.now() > deadline) {
      const detail = pids.length > 0 ? `pids ${pids.join(' ')} survive SIGKILL` : String(lastError);
      throw new Error(`cannot remove cgroup ${dirs[0] ?? '?'} after ${timeoutMs} ms: ${detail}`);
    }
    await sleep(attempt < 20 ? 1 : 10);
  }
}

function rmdirIfExists(dir: string): void {
  try {
    rmdirSync(dir);
  } catch (err) {
    if (!isErrno(err, 'ENOENT')) throw err;
  }
}
