/**
 * The working directory of a cell: a private tmpfs (`<root>/box-<n>`, owned by the cell's uid, mode 0700,
 * `size=` and `nr_inodes=` capped, nosuid, nodev) mounted once when the sandbox starts, bound on `/box` in
 * each sandbox and wiped after each run. A disk folder would let a run write gigabytes; tmpfs pages are
 * also charged to the run's memory cgroup. Beside it, `<root>/io-<n>` (root-owned) holds the run's stdin
 * and script, bound read-only.
 *
 * Reading artefacts back runs as root on the host, after every process of the run is dead: symlinks are
 * never followed (a run could point `main` at /etc/shadow), and only regular files are read.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  constants,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import {
  chmod,
  chown,
  link,
  lstat,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  rmdir,
  writeFile,
} from 'node:fs/promises';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { isErrno, readMounts } from './cgroup-common.js';

const run = promisify(execFile);

/** Checks a relative path from a request and returns it normalised; throws on `..`, absolute, empty. */
export function safeRelativePath(p: string): string {
  if (typeof p !== 'string' || p.length === 0 || p.includes('\0'))
    throw new Error(`invalid path: ${JSON.stringify(p)}`);
  if (p.startsWith('/')) throw new Error(`absolute paths are not allowed: ${p}`);
  if (p.split('/').includes('..')) throw new Error(`'..' is not allowed in paths: ${p}`);
  const norm = posix.normalize(p).replace(/\/+$/, '');
  if (norm === '' || norm === '.' || norm.startsWith('../') || norm === '..')
    throw new Error(`invalid path: ${p}`);
  return norm;
}

export interface WorkDirOptions {
  /** Folder holding every cell's mounts; created 0711 (the cell uids must traverse it to reach their own). */
  root: string;
  index: number;
  uid: number;
  gid: number;
  /** tmpfs size, in bytes. */
  sizeBytes: number;
  /** Most files and folders a run may create. */
  inodes: number;
}

export class WorkDir {
  private constructor(
    readonly boxDir: string,
    readonly ioDir: string,
    private readonly uid: number,
    private readonly gid: number,
  ) {}

  static async mount(o: WorkDirOptions): Promise<WorkDir> {
    const boxDir = join(o.root, `box-${o.index}`);
    const ioDir = join(o.root, `io-${o.index}`);
    await mkdir(boxDir, { mode: 0o700 });
    await mkdir(ioDir, { mode: 0o755 });
    await chmod(ioDir, 0o755); // mkdir's mode is masked by the umask
    const opts = `size=${Math.floor(o.sizeBytes)},nr_inodes=${Math.floor(o.inodes)},mode=0700,uid=${o.uid},gid=${o.gid},nosuid,nodev`;
    try {
      await run('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', boxDir]);
    } catch (err) {
      const stderr =
        typeof err === 'object' && err !== null && 'stderr' in err ? String(err.stderr).trim() : String(err);
      throw new Error(
        `cannot mount the tmpfs work dir ${boxDir} (${stderr}): the worker must run as root (CAP_SYS_ADMIN)`,
        { cause: err },
      );
    }
    return new WorkDir(boxDir, ioDir, o.uid, o.gid);
  }

  /** A plain folder owned by the current user (for the unsandboxed runner); `ioDir` is unused. */
  static plain(dir: string): WorkDir {
    return new WorkDir(dir, dir, process.getuid?.() ?? 0, process.getgid?.() ?? 0);
  }

  /** Writes the request's files into the work dir, owned by the cell's uid, mode 0755 (a collected binary stays runnable). */
  async writeFiles(files: Record<string, string | Uint8Array>): Promise<void> {
    for (const [rel, content] of Object.entries(files)) {
      const norm = safeRelativePath(rel);
      const parts = norm.split('/');
      let dir = this.boxDir;
      for (const part of parts.slice(0, -1)) {
        dir = join(dir, part);
        try {
          await mkdir(dir, { mode: 0o755 });
          await chown(dir, this.uid, this.gid);
        } catch (err) {
          if (!isCode(err, 'EEXIST')) throw err;
          if (!(await lstat(dir)).isDirectory())
            throw new Error(`${rel}: ${part} is not a folder`, { cause: err });
        }
      }
      await writeOwned(join(this.boxDir, norm), content, 0o755, this.uid, this.gid);
    }
  }

  async writeIo(name: string, content: string | Uint8Array): Promise<void> {
    await writeOwned(join(this.ioDir, name), content, 0o644, 0, 0);
  }

  /** Reads back files, or whole folders, by relative path; missing paths and symlinks are skipped. */
  async collect(paths: readonly string[]): Promise<Record<string, Uint8Array>> {
    const out: Record<string, Uint8Array> = {};
    for (const rel of paths) {
      const norm = safeRelativePath(rel);
      if (!(await this.noSymlinkOnTheWay(norm))) continue;
      await this.collectEntry(norm, out);
    }
    return out;
  }

  private async noSymlinkOnTheWay(norm: string): Promise<boolean> {
    const parts = norm.split('/');
    let dir = this.boxDir;
    for (const part of parts.slice(0, -1)) {
      dir = join(dir, part);
      try {
        if (!(await lstat(dir)).isDirectory()) return false;
      } catch {
        return false;
      }
    }
    return true;
  }

  private async collectEntry(rel: string, out: Record<string, Uint8Array>): Promise<void> {
    const full = join(this.boxDir, rel);
    let st;
    try {
      st = await lstat(full);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of (await readdir(full)).sort()) await this.collectEntry(`${rel}/${name}`, out);
    } else if (st.isFile()) {
      // O_NOFOLLOW: belt and braces; nothing of the run is alive to swap the file, but never follow a link.
      const fh = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        out[rel] = new Uint8Array(await fh.readFile());
      } finally {
        await fh.close();
      }
    }
  }

  /** Empties the work dir and the I/O folder, and resets the work dir's owner and mode. */
  async wipe(): Promise<void> {
    // Files go synchronously (microseconds on tmpfs); folders, which may hold many files, asynchronously.
    for (const e of readdirSync(this.boxDir, { withFileTypes: true })) {
      const full = join(this.boxDir, e.name);
      if (e.isDirectory()) await rm(full, { recursive: true, force: true });
      else unlinkSync(full);
    }
    chownSync(this.boxDir, this.uid, this.gid);
    chmodSync(this.boxDir, 0o700);
    for (const name of readdirSync(this.ioDir)) unlinkSync(join(this.ioDir, name));
  }

  async unmount(): Promise<void> {
    await unmountIfMounted(this.boxDir);
    await rm(this.ioDir, { recursive: true, force: true });
    await rmdir(this.boxDir).catch(() => undefined);
  }
}

async function unmountIfMounted(dir: string): Promise<void> {
  if (readMounts().some((m) => m.mountPoint === dir)) await run('umount', ['-l', dir]);
}

/**
 * Prepares the root folder: refuses one owned by another live worker (`owner.pid`), unmounts tmpfs left by a
 * crashed worker and removes its `box-*`/`io-*` folders. Nothing else in the folder is touched.
 */
export async function prepareWorkRoot(root: string): Promise<void> {
  if (!root.startsWith('/') || root.split('/').filter(Boolean).length < 2) {
    throw new Error(`work root must be an absolute path at least two levels deep: ${root}`);
  }
  await mkdir(root, { recursive: true, mode: 0o711 });
  await chown(root, 0, 0);
  await chmod(root, 0o711);
  const pidFile = join(root, 'owner.pid');
  // Claimed with link(2), which fails if the file exists: two workers starting at once cannot both win.
  const mine = join(root, `owner.${process.pid}.tmp`);
  await writeFile(mine, String(process.pid));
  const won = await link(mine, pidFile).then(
    () => true,
    (err: unknown) => {
      if (isErrno(err, 'EEXIST')) return false;
      throw err;
    },
  );
  if (won) {
    await rm(mine, { force: true });
  } else {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isLiveNode(pid)) {
      await rm(mine, { force: true });
      throw new Error(
        `sandbox work root ${root} is in use by process ${pid}: give each worker its own workRoot, cgroupRoot ` +
          `and uidBase (or delete ${pidFile} if that process is not a worker)`,
      );
    }
    // The owner is gone (or is us): take over.
    await rename(mine, pidFile);
  }
  await sweepWorkRoot(root);
}

/** Unmounts and removes every `box-*` and `io-*` of the root. */
export async function sweepWorkRoot(root: string): Promise<void> {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  for (const m of readMounts().reverse()) {
    if (m.mountPoint.startsWith(prefix)) await run('umount', ['-l', m.mountPoint]);
  }
  for (const name of await readdir(root)) {
    if (/^(box|io)-\d+$/.test(name)) await rm(join(root, name), { recursive: true, force: true });
  }
}

export async function releaseWorkRoot(root: string): Promise<void> {
  await sweepWorkRoot(root);
  await rm(join(root, 'owner.pid'), { force: true });
  await rmdir(root).catch(() => undefined);
}

function isLiveNode(pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /node|tsx|vitest/.test(cmdline);
  } catch {
    return false;
  }
}

/** Contents up to this size are written synchronously: a few µs on tmpfs, less than a trip to the thread pool. */
const SYNC_WRITE_BYTES = 256 * 1024;

/**
 * Creates a file that must not exist yet ('wx': the folder was wiped, so an existing entry means a duplicate
 * path), then sets its owner and mode (the mode given to open is masked by the umask).
 */
async function writeOwned(
  file: string,
  content: string | Uint8Array,
  mode: number,
  uid: number,
  gid: number,
): Promise<void> {
  const size = typeof content === 'string' ? content.length * 3 : content.byteLength;
  if (size <= SYNC_WRITE_BYTES) writeFileSync(file, content, { flag: 'wx', mode });
  else await writeFile(file, content, { flag: 'wx', mode });
  chownSync(file, uid, gid);
  chmodSync(file, mode);
}

function isCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === code;
}
