/**
 * Picks the cgroup version for the sandbox: v2 when a writable cgroup2 parent has the memory, pids and cpu
 * controllers, otherwise the v1 hierarchies (memory, pids, cpuacct). A run gets a fresh cgroup; the sandbox
 * joins it before exec, enforces and reads limits through it, and kills whatever is left in it at the end.
 */
import { CgroupV1Driver, findV1Mounts } from './cgroup-v1.js';
import { CgroupV2Driver, findV2Parent } from './cgroup-v2.js';
import type { CgroupDriver } from './cgroup-common.js';

export type { CgroupDriver, RunCgroup } from './cgroup-common.js';

export interface CgroupOptions {
  /** Name of the directory that holds the run cgroups, e.g. `arbiter`. */
  root: string;
  /** v2 only: absolute cgroup path to create the root under; default: the worker's own cgroup. */
  v2Parent?: string;
  /** Force one version instead of detecting. */
  version?: 'v1' | 'v2';
  warn?: (obj: object, msg: string) => void;
}

/** Picks v2 when usable, else v1; throws an Error whose message says what to enable. */
export function detectCgroups(options: CgroupOptions): CgroupDriver {
  if (!/^[A-Za-z0-9_.-]+$/.test(options.root)) throw new Error(`invalid cgroup root name: ${options.root}`);
  const problems: string[] = [];
  if (options.version !== 'v1') {
    const v2 = findV2Parent(options.v2Parent);
    if (v2.ok) return CgroupV2Driver.open(v2.parent, options.root, options.warn);
    problems.push(`cgroup v2: ${v2.reason}`);
    if (options.version === 'v2') throw new Error(cgroupHelp(problems));
  }
  const v1 = findV1Mounts();
  if (v1.ok) return CgroupV1Driver.open(v1.mounts, options.root, options.warn);
  problems.push(`cgroup v1: ${v1.reason}`);
  throw new Error(cgroupHelp(problems));
}

function cgroupHelp(problems: string[]): string {
  return (
    `no usable cgroup controllers (memory, pids, cpu) for the sandbox: ${problems.join('; ')}. ` +
    'Run the worker as root with /sys/fs/cgroup mounted read-write, or delegate a cgroup v2 subtree with the ' +
    'memory, pids and cpu controllers enabled (systemd: Delegate=yes; a container: its own cgroup namespace, ' +
    '--cgroupns=private, and CAP_SYS_ADMIN, with which the worker remounts /sys/fs/cgroup read-write).'
  );
}
