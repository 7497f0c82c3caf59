/**
 * cgroup v1 driver: a run's cgroup is one directory in each of the memory, pids and cpuacct hierarchies
 * (`<mount>/<root>/<run>`). Memory is limited with `memory.limit_in_bytes` and, when swap accounting is on,
 * `memory.memsw.limit_in_bytes` (no swap); OOM kills are counted in `memory.oom_control` (`memory.failcnt`
 * stays 0 on an OOM kill, so it is not used); CPU comes from `cpuacct.usage` (ns).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CgroupDriver, RunCgroup } from './cgroup-common.js';
import { isErrno, killAndRemove, killPid, parseKeyValues, readMounts, readPids } from './cgroup-common.js';

export interface V1Mounts {
  memory: string;
  pids: string;
  cpuacct: string;
}

export function findV1Mounts(): { ok: true; mounts: V1Mounts } | { ok: false; reason: string } {
  const found: Partial<V1Mounts> = {};
  for (const m of readMounts()) {
    if (m.fsType !== 'cgroup') continue;
    for (const ctrl of ['memory', 'pids', 'cpuacct'] as const) {
      if (m.superOptions.includes(ctrl) && found[ctrl] === undefined) found[ctrl] = m.mountPoint;
    }
  }
  const { memory, pids, cpuacct } = found;
  if (memory && pids && cpuacct) return { ok: true, mounts: { memory, pids, cpuacct } };
  const missing = (['memory', 'pids', 'cpuacct'] as const).filter((c) => found[c] === undefined);
  return { ok: false, reason: `no v1 hierarchy mounted for ${missing.join(', ')}` };
}

export class CgroupV1Driver implements CgroupDriver {
  readonly version = 'v1' as const;
  readonly location: string;
  /** `<mount>/<root>` per controller; co-mounted controllers share one directory. */
  private readonly roots: V1Mounts;
  private readonly uniqueRoots: string[];
  private readonly hasMemsw: boolean;

  private constructor(mounts: V1Mounts, root: string) {
    this.roots = {
      memory: join(mounts.memory, root),
      pids: join(mounts.pids, root),
      cpuacct: join(mounts.cpuacct, root),
    };
    this.uniqueRoots = [...new Set([this.roots.memory, this.roots.pids, this.roots.cpuacct])];
    this.location = this.uniqueRoots.join(', ');
    this.hasMemsw = existsSync(join(mounts.memory, 'memory.memsw.limit_in_bytes'));
  }

  static open(mounts: V1Mounts, root: string, warn?: (obj: object, msg: string) => void): CgroupV1Driver {
    const driver = new CgroupV1Driver(mounts, root);
    for (const [ctrl, dir] of Object.entries(driver.roots)) {
      try {
        mkdirSync(dir, { recursive: true });
      } catch (err) {
        throw new Error(
          `cgroup ${ctrl} controller is not writable at ${dir} (${String(err)}): run the worker as root with ` +
            '/sys/fs/cgroup mounted read-write, or delegate a cgroup v2 subtree',
          { cause: err },
        );
      }
    }
    if (!driver.hasMemsw) {
      warn?.(
        { location: driver.location },
        'cgroup v1 swap accounting is off (no memory.memsw.limit_in_bytes): runs get memory.swappiness=0 instead; ' +
          'boot with swapaccount=1 to enforce memory+swap',
      );
    }
    return driver;
  }

  create(name: string): RunCgroup {
    const dirs: V1Mounts = {
      memory: join(this.roots.memory, name),
      pids: join(this.roots.pids, name),
      cpuacct: join(this.roots.cpuacct, name),
    };
    const unique = [...new Set([dirs.memory, dirs.pids, dirs.cpuacct])];
    const created: string[] = [];
    try {
      for (const dir of unique) {
        mkdirSync(dir);
        created.push(dir);
      }
      if (!this.hasMemsw) writeFileSync(join(dirs.memory, 'memory.swappiness'), '0');
    } catch (err) {
      for (const dir of created.reverse()) {
        try {
          rmdirSync(dir);
        } catch {
          // Best effort; the sweep at the next start removes it.
        }
      }
      throw err;
    }
    return new V1RunCgroup(name, dirs, unique, this.hasMemsw);
  }

  list(): string[] {
    const names = new Set<string>();
    for (const root of this.uniqueRoots) {
      try {
        for (const e of readdirSync(root, { withFileTypes: true })) if (e.isDirectory()) names.add(e.name);
      } catch (err) {
        if (!isErrno(err, 'ENOENT')) throw err;
      }
    }
    return [...names];
  }

  async sweep(): Promise<void> {
    for (const name of this.list()) {
      const dirs: V1Mounts = {
        memory: join(this.roots.memory, name),
        pids: join(this.roots.pids, name),
        cpuacct: join(this.roots.cpuacct, name),
      };
      await new V1RunCgroup(name, dirs, [...new Set(Object.values(dirs))], this.hasMemsw).destroy();
    }
  }

  async close(): Promise<void> {
    await this.sweep();
    for (const dir of this.uniqueRoots) {
      try {
        rmdirSync(dir);
      } catch (err) {
        if (!isErrno(err, 'ENOENT')) throw err;
      }
    }
  }
}

class V1RunCgroup implements RunCgroup {
  readonly procsFiles: readonly string[];

  constructor(
    readonly name: string,
    private readonly dirs: V1Mounts,
    private readonly uniqueDirs: readonly string[],
    private readonly hasMemsw: boolean,
  ) {
    this.procsFiles = uniqueDirs.map((d) => join(d, 'cgroup.procs'));
  }

  setLimits(memoryBytes: number, pids: number): void {
    const limit = join(this.dirs.memory, 'memory.limit_in_bytes');
    const memsw = join(this.dirs.memory, 'memory.memsw.limit_in_bytes');
    const bytes = String(Math.floor(memoryBytes));
    // memsw must stay >= limit: when lowering, the limit goes first; when raising, memsw goes first.
    try {
      writeFileSync(limit, bytes);
      if (this.hasMemsw) writeFileSync(memsw, bytes);
    } catch (err) {
      if (!this.hasMemsw || !isErrno(err, 'EINVAL')) throw err;
      writeFileSync(memsw, bytes);
      writeFileSync(limit, bytes);
    }
    writeFileSync(join(this.dirs.pids, 'pids.max'), String(Math.floor(pids)));
  }

  resetPeak(): void {
    // Writing 0 resets the high-water mark to the current usage.
    writeFileSync(join(this.dirs.memory, 'memory.max_usage_in_bytes'), '0');
  }

  cpuUsageUs(): number {
    return Number(readFileSync(join(this.dirs.cpuacct, 'cpuacct.usage'), 'utf8').trim()) / 1000;
  }

  memoryPeakBytes(): number {
    return Number(readFileSync(join(this.dirs.memory, 'memory.max_usage_in_bytes'), 'utf8').trim());
  }

  oomKills(): number {
    const text = readFileSync(join(this.dirs.memory, 'memory.oom_control'), 'utf8');
    return parseKeyValues(text).get('oom_kill') ?? 0;
  }

  pids(): number[] {
    const all = new Set<number>();
    for (const file of this.procsFiles) for (const pid of readPids(file)) all.add(pid);
    return [...all];
  }

  killAll(): void {
    for (const pid of this.pids()) killPid(pid);
  }

  destroy(timeoutMs = 5_000): Promise<void> {
    return killAndRemove(this, this.uniqueDirs, timeoutMs);
  }
}
