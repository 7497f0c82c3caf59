/**
 * The command line that starts one sandbox: bubblewrap, already running as the cell's unprivileged uid,
 * builds the namespaces and the file system the program sees:
 * read-only `/usr` (and the few `/etc` entries runtimes need), fresh `/proc`, minimal `/dev`, size-limited
 * tmpfs on `/tmp` and `/dev/shm`, the cell's work dir on `/box`, the run's I/O folder read-only on
 * `/run/sandbox`, and a read-only root. Every flag below exists in bubblewrap 0.8 (`bwrap --help`).
 */
import { existsSync, lstatSync, readdirSync, readlinkSync } from 'node:fs';

/** Where the prepared shell waits for its instructions, inside the sandbox. */
export const IO_MOUNT = '/run/sandbox';
/** The working directory inside the sandbox. */
export const BOX_MOUNT = '/box';

export interface HostLayout {
  /** Host paths bound read-only at the same place (must exist). */
  roBinds: string[];
  /**
   * The caller's extra read-only paths: bound after the private `/tmp` and `/dev/shm` are mounted,
   * so a path under `/tmp` stays visible instead of being hidden by the fresh tmpfs.
   */
  extraRoBinds: string[];
  /** `[target, link]` pairs: `/bin` → `usr/bin` on merged-/usr systems. */
  symlinks: Array<[string, string]>;
}

/**
 * What of the host is shown inside: `/usr`; `/bin`, `/sbin`, `/lib*` as symlinks when the host has merged
 * /usr, else bound; `/etc/alternatives`, `/etc/ld.so.cache` and `/etc/java-*` (the JDK's conf links there),
 * plus `extra`. Only paths that exist are bound. Deliberately absent: `/etc/passwd`, `/etc/shadow`, `/home`,
 * `/root`, `/sys`, `/var`, the host `/tmp`.
 */
export function hostLayout(extra: readonly string[] = []): HostLayout {
  const roBinds = ['/usr'];
  const symlinks: Array<[string, string]> = [];
  for (const top of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    let st;
    try {
      st = lstatSync(top);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) {
      const target = readlinkSync(top);
      if (target.startsWith('usr/') || target.startsWith('/usr/')) symlinks.push([target, top]);
      else roBinds.push(top);
    } else if (st.isDirectory()) {
      roBinds.push(top);
    }
  }
  const etc = ['/etc/alternatives', '/etc/ld.so.cache'];
  try {
    for (const name of readdirSync('/etc')) if (name.startsWith('java-')) etc.push(`/etc/${name}`);
  } catch {
    // No /etc to read: nothing to add.
  }
  for (const p of etc) if (existsSync(p) && !roBinds.includes(p)) roBinds.push(p);
  const extraRoBinds = extra.filter((p) => existsSync(p) && !roBinds.includes(p));
  return { roBinds, extraRoBinds, symlinks };
}

export interface BwrapArgsOptions {
  layout: HostLayout;
  /** Host folder (a tmpfs) bound read-write on `/box`. */
  boxDir: string;
  /** Host folder bound read-only on `/run/sandbox` (the run's stdin and script). */
  ioDir: string;
  /** Size of the sandbox's private `/tmp`, in bytes. */
  tmpBytes: number;
  /** Size of `/dev/shm`, in bytes. */
  shmBytes: number;
  /** Descriptor bubblewrap reads the seccomp filter (BPF) from, and loads before it executes the command. */
  seccompFd: number;
  /** The command bubblewrap runs inside. */
  command: readonly string[];
}

/** bubblewrap's own arguments (without the program name). */
export function bwrapArgs(o: BwrapArgsOptions): string[] {
  const args = [
    // Namespaces: user, mount, pid, net (only `lo`), ipc, uts, cgroup. No nested user namespaces.
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    // The UTS namespace starts as a copy of the host's: without a name of its own a run reads the host's
    // (in Kubernetes, the pod's name).
    '--hostname',
    'sandbox',
    // No bubblewrap init: our shell is pid 1 and waits for the program. bwrap's own init is not waited for
    // by the outer bwrap, so it would end as a zombie of the host's pid 1 after every run (never reaped when
    // the worker itself is pid 1 in a container). The outer bwrap reaps our shell, and the kernel reaps
    // everything else in the pid namespace when pid 1 exits.
    '--as-pid-1',
    // bwrap, and so its pid 1 and the whole pid namespace, is killed with its parent (the worker).
    '--die-with-parent',
    // setsid(): no controlling terminal, so no TIOCSTI into the worker's terminal.
    '--new-session',
    '--clearenv',
    '--cap-drop',
    'ALL',
    // The seccomp filter (native/seccomp-filter.c): loaded last, applies to the command and its children.
    '--seccomp',
    String(o.seccompFd),
  ];
  for (const p of o.layout.roBinds) args.push('--ro-bind', p, p);
  for (const [target, link] of o.layout.symlinks) args.push('--symlink', target, link);
  args.push(
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--size',
    String(o.tmpBytes),
    '--tmpfs',
    '/tmp',
    '--size',
    String(o.shmBytes),
    '--tmpfs',
    '/dev/shm',
    '--bind',
    o.boxDir,
    BOX_MOUNT,
    '--ro-bind',
    o.ioDir,
    IO_MOUNT,
  );
  for (const p of o.layout.extraRoBinds) args.push('--ro-bind', p, p);
  args.push(
    // Nothing writable but /box, /tmp and /dev/shm: the root and /dev tmpfs become read-only.
    '--remount-ro',
    '/dev',
    '--remount-ro',
    '/',
    '--chdir',
    BOX_MOUNT,
    '--setenv',
    'PATH',
    '/usr/bin:/bin',
    '--setenv',
    'HOME',
    BOX_MOUNT,
    '--setenv',
    'LANG',
    'C.UTF-8',
    '--',
    ...o.command,
  );
  return args;
}

/** Quotes one word for /bin/sh: single quotes, with `'` written as `'\''`. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
