/**
 * cgroup v2 driver: run cgroups live in `<parent>/<root>/<run>`, where `<parent>` is the worker's own cgroup
 * (or a configured one) with the memory, pids and cpu controllers. Semantics used (kernel
 * Documentation/admin-guide/cgroup-v2.rst): `memory.max` hard limit (OOM kill above it), `memory.swap.max`
 * 0 (no swap), `memory.peak` high-water mark (5.19+; resettable per open file from 6.12), `memory.events`
 * `oom_kill` count, `pids.max`, `cpu.stat` `usage_usec` and `cgroup.kill` (5.14+) to SIGKILL every process
 * at once.
 *
 * The "no internal processes" rule: a non-root cgroup can only hand controllers to its children when it has
 * no processes itself. When the parent still holds processes (the worker in its delegated cgroup, or every
 * process of a container), they are moved into a leaf `<parent>/sandbox-supervisor` first; a worker found
 * in that leaf later (a second sandbox, a restart) uses its parent again.
 */
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readSync,
  rmdirSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CgroupDriver, RunCgroup } from './cgroup-common.js';
import {
  isErrno,
  killAndRemove,
  killPid,
  parseKeyValues,
  readMounts,
  readOptional,
  readPids,
} from './cgroup-common.js';

const CONTROLLERS = ['memory', 'pids', 'cpu'] as const;
/** Where the processes of a parent cgroup go when it must hand controllers to its children. */
const SUPERVISOR_LEAF = 'sandbox-supervisor';

/** Finds the cgroup2 directory to create the root under, and checks it can serve. */
export function findV2Parent(
  explicit?: string,
): { ok: true; parent: string } | { ok: false; reason: string } {
  const mount = readMounts().find((m) => m.fsType === 'cgroup2');
  if (!mount) return { ok: false, reason: 'no cgroup2 file system mounted' };
  let own = explicit;
  if (own === undefined) {
    const line = readFileSync('/proc/self/cgroup', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('0::'));
    own = line === undefined ? '/' : line.slice(3);
    if (basename(own) === SUPERVISOR_LEAF) own = dirname(own);
  }
  const parent = join(mount.mountPoint, own);
  const controllers = (readOptional(join(parent, 'cgroup.controllers')) ?? '').trim().split(/\s+/);
  const missing = CONTROLLERS.filter((c) => !controllers.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `${parent} lacks the ${missing.join(', ')} controller(s) (it has: ${controllers.join(' ') || 'none'})`,
    };
  }
  try {
    accessSync(parent, constants.W_OK);
  } catch (err) {
    return { ok: false, reason: `${parent} is not writable (${String(err)})` };
  }
  return { ok: true, parent };
}

export class CgroupV2Driver implements CgroupDriver {
  readonly version = 'v2' as const;
  readonly location: string;

  private constructor(private readonly rootDir: string) {
    this.location = rootDir;
  }

  static open(parent: string, root: string, warn?: (obj: object, msg: string) => void): CgroupV2Driver {
    const rootDir = join(parent, root);
    try {
      enableControllers(parent, warn);
      mkdirSync(rootDir, { recursive: true });
      writeFileSync(join(rootDir, 'cgroup.subtree_control'), CONTROLLERS.map((c) => `+${c}`).join(' '));
    } catch (err) {
      throw new Error(
        `cgroup v2 memory/pids/cpu controllers cannot be enabled under ${parent} (${String(err)}): run the worker ` +
          'as root, or delegate a cgroup v2 subtree (systemd: Delegate=yes)',
        { cause: err },
      );
    }
    return new CgroupV2Driver(rootDir);
  }

  create(name: string): RunCgroup {
    const dir = join(this.rootDir, name);
    // memory.oom.group stays 0: a group kill would take bubblewrap down together with the sandbox's pid 1,
    // orphaning it; the OOM killer picks the biggest process (the program), as on v1.
    mkdirSync(dir);
    return new V2RunCgroup(name, dir);
  }

  list(): string[] {
    try {
      return readdirSync(this.rootDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return [];
      throw err;
    }
  }

  async sweep(): Promise<void> {
    for (const name of this.list()) await new V2RunCgroup(name, join(this.rootDir, name)).destroy();
  }

  async close(): Promise<void> {
    await this.sweep();
    try {
      rmdirSync(this.rootDir);
    } catch (err) {
      if (!isErrno(err, 'ENOENT')) throw err;
    }
  }
}

/** Enables memory/pids/cpu in `parent`'s subtree_control, moving its processes into a leaf if the kernel asks. */
function enableControllers(parent: string, warn?: (obj: object, msg: string) => void): void {
  const file = join(parent, 'cgroup.subtree_control');
  const enabled = readFileSync(file, 'utf8').trim().split(/\s+/);
  const wanted = CONTROLLERS.filter((c) => !enabled.includes(c));
  if (wanted.length === 0) return;
  const line = wanted.map((c) => `+${c}`).join(' ');
  try {
    writeFileSync(file, line);
    return;
  } catch (err) {
    if (!isErrno(err, 'EBUSY')) throw err;
  }
  const leaf = join(parent, SUPERVISOR_LEAF);
  mkdirSync(leaf, { recursive: true });
  const moved = readPids(join(parent, 'cgroup.procs'));
  for (const pid of moved) {
    try {
      writeFileSync(join(leaf, 'cgroup.procs'), String(pid));
    } catch (err) {
      // Gone already (ESRCH), or a kernel thread that cannot move (EINVAL).
      if (!isErrno(err, 'ESRCH') && !isErrno(err, 'EINVAL')) throw err;
    }
  }
  warn?.({ parent, leaf, moved: moved.length }, 'moved the processes of the cgroup v2 parent into a leaf');
  writeFileSync(file, line);
}

class V2RunCgroup implements RunCgroup {
  readonly procsFiles: readonly string[];
  /** An fd of memory.peak that was reset; reads through it give the peak since the reset (kernel 6.12+). */
  private peakFd: number | undefined;

  constructor(
    readonly name: string,
    private readonly dir: string,
  ) {
    this.procsFiles = [join(dir, 'cgroup.procs')];
  }

  setLimits(memoryBytes: number, pids: number): void {
    writeFileSync(join(this.dir, 'memory.max'), String(Math.floor(memoryBytes)));
    try {
      writeFileSync(join(this.dir, 'memory.swap.max'), '0');
    } catch (err) {
      // No swap controller (CONFIG_MEMCG_SWAP off or no swap): nothing to limit.
      if (!isErrno(err, 'ENOENT')) throw err;
    }
    writeFileSync(join(this.dir, 'pids.max'), String(Math.floor(pids)));
  }

  resetPeak(): void {
    let fd: number | undefined;
    try {
      fd = openSync(join(this.dir, 'memory.peak'), 'r+');
      writeSync(fd, 'reset\n');
      this.peakFd = fd;
    } catch {
      // Older kernels: memory.peak is read-only (or absent); the peak then includes the sandbox's set-up.
      if (fd !== undefined) closeSync(fd);
    }
  }

  cpuUsageUs(): number {
    return parseKeyValues(readFileSync(join(this.dir, 'cpu.stat'), 'utf8')).get('usage_usec') ?? 0;
  }

  memoryPeakBytes(): number {
    if (this.peakFd !== undefined) {
      const buf = Buffer.alloc(64);
      const n = readSync(this.peakFd, buf, 0, buf.length, 0);
      return Number(buf.subarray(0, n).toString('utf8').trim());
    }
    const text =
      readOptional(join(this.dir, 'memory.peak')) ?? readOptional(join(this.dir, 'memory.current'));
    return text === undefined ? 0 : Number(text.trim());
  }

  oomKills(): number {
    return parseKeyValues(readFileSync(join(this.dir, 'memory.events'), 'utf8')).get('oom_kill') ?? 0;
  }

  pids(): number[] {
    return readPids(join(this.dir, 'cgroup.procs'));
  }

  killAll(): void {
    try {
      writeFileSync(join(this.dir, 'cgroup.kill'), '1');
      return;
    } catch (err) {
      // Before 5.14 there is no cgroup.kill: kill pid by pid. ENOENT on a removed cgroup is fine too.
      if (!isErrno(err, 'ENOENT')) throw err;
    }
    for (const pid of this.pids()) killPid(pid);
  }

  async destroy(timeoutMs = 5_000): Promise<void> {
    if (this.peakFd !== undefined) {
      closeSync(this.peakFd);
      this.peakFd = undefined;
    }
    await killAndRemove(this, [this.dir], timeoutMs);
  }
}
