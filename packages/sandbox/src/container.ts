/**
 * Undoes, in the worker's own mount namespace, the two container-runtime defaults the sandbox cannot work
 * under, and nothing else: paths of /proc masked or made read-only (bubblewrap mounts a fresh procfs in each
 * sandbox, which the kernel refuses in a new user namespace while a procfs in sight has covered files, and
 * `--disable-userns` writes /proc/sys/user/max_user_namespaces), and a read-only cgroup file system (each
 * run gets a cgroup). Needs CAP_SYS_ADMIN in the container; on a host, or in a container whose runtime
 * already leaves these alone, there is nothing to change. Without the capability it says what to grant.
 */
import { execFileSync } from 'node:child_process';
import { readMounts, type MountEntry } from './cgroup-common.js';

/** What runtimes mount over /proc paths: /dev/null binds (tmpfs or devtmpfs), empty tmpfs, procfs binds. */
const MASK_FS_TYPES = new Set(['proc', 'tmpfs', 'devtmpfs']);

export interface ContainerChanges {
  /** Mounts removed from under /proc. */
  unmasked: string[];
  /** cgroup mounts remounted read-write. */
  remounted: string[];
}

/** Mounts a runtime put over parts of /proc (never /proc itself, nor binfmt_misc and the like). */
export function procMasks(mounts: readonly MountEntry[]): MountEntry[] {
  return mounts.filter((m) => m.mountPoint.startsWith('/proc/') && MASK_FS_TYPES.has(m.fsType));
}

/** cgroup (v1) and cgroup2 mounts that are read-only. */
export function readOnlyCgroups(mounts: readonly MountEntry[]): MountEntry[] {
  return mounts.filter(
    (m) => (m.fsType === 'cgroup' || m.fsType === 'cgroup2') && m.mountOptions.includes('ro'),
  );
}

const GRANT =
  'give the worker container CAP_SYS_ADMIN (Docker/Compose `cap_add: [SYS_ADMIN]`, Podman `--cap-add SYS_ADMIN`, ' +
  'Kubernetes `securityContext.capabilities.add: [SYS_ADMIN]`) with a seccomp profile that allows mount once it ' +
  'is granted (the runtimes’ defaults do) and, on AppArmor hosts, an AppArmor profile that allows mount ' +
  '(`apparmor=unconfined`, or deploy/apparmor/arbiter-worker); see docs/DEPLOY.md';

export function prepareContainer(): ContainerChanges {
  const mounts = readMounts();
  const changes: ContainerChanges = { unmasked: [], remounted: [] };
  const masks = procMasks(mounts);
  // Innermost first: reverse mount order.
  for (const mask of [...masks].reverse()) {
    try {
      execFileSync('umount', ['-l', mask.mountPoint], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      const list = masks.map((m) => m.mountPoint).join(' ');
      throw new Error(
        `the container runtime masks parts of /proc (${list}) and the worker cannot unmount them ` +
          `(${stderrOf(err)}); bubblewrap cannot mount the /proc of its sandboxes under them. Either ${GRANT}; ` +
          'or have the runtime leave /proc unmasked (Docker `security_opt: [systempaths=unconfined]`, Podman ' +
          '`--security-opt unmask=ALL`, Kubernetes `procMount: Unmasked`)',
        { cause: err },
      );
    }
    changes.unmasked.push(mask.mountPoint);
  }
  for (const cgroup of readOnlyCgroups(mounts)) {
    try {
      execFileSync('mount', ['-o', 'remount,bind,rw', cgroup.mountPoint], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (err) {
      throw new Error(
        `the container runtime mounts the cgroup file system read-only (${cgroup.mountPoint}) and the worker cannot ` +
          `remount it read-write (${stderrOf(err)}); the sandbox creates a cgroup per run. Either ${GRANT}, with a ` +
          'private cgroup namespace (Compose `cgroup: private`, `--cgroupns=private`; the default on cgroup v2)',
        { cause: err },
      );
    }
    changes.remounted.push(cgroup.mountPoint);
  }
  return changes;
}

function stderrOf(err: unknown): string {
  const stderr = (err as { stderr?: unknown }).stderr;
  const text = Buffer.isBuffer(stderr) ? stderr.toString('utf8').trim() : '';
  return text || String(err);
}
