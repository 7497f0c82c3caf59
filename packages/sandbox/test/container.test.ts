/**
 * The sandbox inside a default (unprivileged) container: /proc masked and read-only in parts, the cgroup file
 * system read-only. A private mount namespace made to look like that stands in for the container; with
 * CAP_SYS_ADMIN the sandbox undoes exactly those mounts and runs, without it it refuses and names what to grant.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { procMasks, readOnlyCgroups } from '../src/container.js';
import type { MountEntry } from '../src/cgroup-common.js';
import { scaledMs, uidBaseOf } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/container-check.ts', import.meta.url));

/** What runc and crun do to an unprivileged container's /proc and /sys/fs/cgroup (the paths this kernel has). */
const CONTAINER_MOUNTS = `set -e
for f in /proc/kcore /proc/keys /proc/timer_list /proc/sched_debug; do
  if [ -f "$f" ]; then mount --bind /dev/null "$f"; fi
done
for d in /proc/acpi /proc/scsi; do
  if [ -d "$d" ]; then mount -t tmpfs -o ro tmpfs "$d"; fi
done
for p in /proc/bus /proc/fs /proc/irq /proc/sys /proc/sysrq-trigger; do
  if [ -e "$p" ]; then mount --bind "$p" "$p"; mount -o remount,bind,ro "$p"; fi
done
for m in $(awk '$9 == "cgroup" || $9 == "cgroup2" { print $5 }' /proc/self/mountinfo); do
  mount -o remount,bind,ro "$m"
done
`;

interface Outcome {
  kind?: string;
  left?: string[];
  error?: string;
}

/** Runs the preflight fixture in a fresh private mount namespace set up like a container's. */
function inContainerLikeNamespace(tag: string, dropSysAdmin: boolean): Outcome {
  const node = [
    process.execPath,
    '--import',
    'tsx',
    fixture,
    `sbtest-${tag}-${process.pid}`,
    String(uidBaseOf('check')),
  ];
  const exec = dropSysAdmin ? ['setpriv', '--bounding-set', '-sys_admin', '--', ...node] : node;
  const script = `${CONTAINER_MOUNTS}exec "$@"\n`;
  const out = execFileSync(
    'unshare',
    ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', ...exec],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: scaledMs(60_000),
    },
  );
  const line = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Outcome;
}

const entry = (mountPoint: string, fsType: string, mountOptions = ['rw']): MountEntry => ({
  mountPoint,
  fsType,
  mountOptions,
  superOptions: ['rw'],
});

describe('a default container', () => {
  it('finds the runtime masks under /proc and the read-only cgroup mounts, and leaves the rest', () => {
    const mounts = [
      entry('/proc', 'proc'),
      entry('/proc/kcore', 'devtmpfs'),
      entry('/proc/acpi', 'tmpfs', ['ro']),
      entry('/proc/sys', 'proc', ['ro']),
      entry('/proc/sys/fs/binfmt_misc', 'binfmt_misc'),
      entry('/sys/fs/cgroup', 'tmpfs', ['ro']),
      entry('/sys/fs/cgroup/memory', 'cgroup', ['ro', 'nosuid']),
      entry('/sys/fs/cgroup/pids', 'cgroup', ['rw']),
      entry('/sys/fs/cgroup/unified', 'cgroup2', ['ro']),
    ];
    expect(procMasks(mounts).map((m) => m.mountPoint)).toEqual(['/proc/kcore', '/proc/acpi', '/proc/sys']);
    expect(readOnlyCgroups(mounts).map((m) => m.mountPoint)).toEqual([
      '/sys/fs/cgroup/memory',
      '/sys/fs/cgroup/unified',
    ]);
  });

  it('with CAP_SYS_ADMIN: unmasks /proc, makes the cgroups writable and sandboxes', () => {
    const outcome = inContainerLikeNamespace('container', false);
    expect(outcome.error).toBeUndefined();
    expect(outcome.kind).toMatch(/^bwrap\+cgroup-v[12]$/);
    expect(outcome.left).toEqual([]);
  });

  it('without CAP_SYS_ADMIN: refuses to start and names what to grant', () => {
    const outcome = inContainerLikeNamespace('container-nocap', true);
    expect(outcome.kind).toBeUndefined();
    expect(outcome.error).toMatch(/masks parts of \/proc .*\/proc\/sys/);
    expect(outcome.error).toContain('CAP_SYS_ADMIN');
    expect(outcome.error).toContain('systempaths=unconfined');
  });
});
