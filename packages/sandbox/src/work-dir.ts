/**
 * The working directory of a cell: a private tmpfs (`<root>/box-<n>.<g>`, owned by the cell's uid, mode 0700,
 * `size=` and `nr_inodes=` capped, nosuid, nodev), bound on `/box` in each sandbox. A disk folder would let a
 * run write gigabytes; tmpfs pages are also charged to the run's memory cgroup. Beside it, `<root>/io-<n>.<g>`
 * (root-owned) holds the run's stdin and script, bound read-only. `<g>` is the cell's generation: a rebuilt
 * cell gets new folders, and whatever was stuck in the old ones cannot follow it.
 *
 * Between runs the tmpfs is not emptied file by file (a run controls what is in it: paths longer than
 * PATH_MAX, modes, fifos, sockets, attributes on `/box` itself) but replaced: the static helper detaches it,
 * mounts a new one and checks the result (a tmpfs, empty, every inode free, owner and mode right), as the
 * first step of starting the cell's next sandbox (`Standby.start`; `reset` here for a new cell). The I/O
 * folder, which runs cannot write, is emptied and checked after each run. Any failure throws: the caller then
 * retires the cell.
 *
 * Reading artefacts back runs as root on the host, after every process of the run is dead: symlinks are
 * never followed (a run could point `main` at /etc/shadow), and only regular files are read.
 */
import { execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  constants,
  lstatSync,
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
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { isErrno, readMounts } from './cgroup-common.js';
import { HELPER_FILE, SECCOMP_FILE } from './native-tools.js';

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
  /** The cell's generation, part of its folders' names; a rebuilt cell takes the next one. */
  generation: number;
  uid: number;
  gid: number;
  /** tmpfs size, in bytes. */
  sizeBytes: number;
  /** Most files and folders a run may create. */
  inodes: number;
  /** The static helper that mounts a fresh tmpfs and checks it (`native/sandbox-helper.c`). */
  helperPath: string;
}

/** The tmpfs settings a cell's work dir is reset with. */
interface TmpfsSpec {
  helperPath: string;
  sizeBytes: number;
  inodes: number;
}

/** Page size for charging written files (tmpfs allocates whole pages). */
const PAGE_BYTES = 4096;

/** The memory a set of files takes in a tmpfs: whole pages per file. */
export function filesPageBytes(files: Record<string, string | Uint8Array>): number {
  let bytes = 0;
  for (const content of Object.values(files)) {
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    bytes += Math.ceil(size / PAGE_BYTES) * PAGE_BYTES;
  }
  return bytes;
}

/** How the helper's `put` ended (see `WorkDir.putFiles`). */
export type PutOutcome =
  | { ok: true }
  /** Killed by a signal (the OOM killer's SIGKILL when the files exceed the run's memory limit). */
  | { ok: false; signal: NodeJS.Signals; message: string }
  /** Exit 2: the memory cgroup refused a page (ENOMEM); other codes: any other failure. */
  | { ok: false; code: number; message: string };

export class WorkDir {
  private constructor(
    readonly boxDir: string,
    readonly ioDir: string,
    private readonly uid: number,
    private readonly gid: number,
    private readonly tmpfs?: TmpfsSpec,
  ) {}

  /** Creates the cell's two folders and mounts its first tmpfs (checked like every later one). */
  static async mount(o: WorkDirOptions): Promise<WorkDir> {
    const boxDir = join(o.root, `box-${o.index}.${o.generation}`);
    const ioDir = join(o.root, `io-${o.index}.${o.generation}`);
    const work = new WorkDir(boxDir, ioDir, o.uid, o.gid, {
      helperPath: o.helperPath,
      sizeBytes: Math.floor(o.sizeBytes),
      inodes: Math.floor(o.inodes),
    });
    // Both folders must be new; whatever this attempt created is removed again if it fails.
    await mkdir(boxDir, { mode: 0o700 });
    try {
      await mkdir(ioDir, { mode: 0o755 });
    } catch (err) {
      await rmdir(boxDir).catch(() => undefined);
      throw err;
    }
    try {
      await chmod(ioDir, 0o755); // mkdir's mode is masked by the umask
      await work.reset();
    } catch (err) {
      await work.unmount().catch(() => undefined);
      throw err;
    }
    return work;
  }

  /** A plain folder owned by the current user (for the unsandboxed runner); `ioDir` is unused. */
  static plain(dir: string): WorkDir {
    return new WorkDir(dir, dir, process.getuid?.() ?? 0, process.getgid?.() ?? 0);
  }

  /**
   * Writes the request's files into the work dir, owned by the cell's uid, mode 0755 (a collected binary
   * stays runnable). Resolves with the memory they take in the tmpfs (whole pages), which the worker's
   * writes charge to the worker's memory cgroup, not to the run's.
   */
  async writeFiles(files: Record<string, string | Uint8Array>): Promise<number> {
    let bytes = 0;
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
      const size = await writeOwned(join(this.boxDir, norm), content, 0o755, this.uid, this.gid);
      bytes += Math.ceil(size / PAGE_BYTES) * PAGE_BYTES;
    }
    return bytes;
  }

  /**
   * Writes the request's files through the static helper (`put`), started as the cell's uid and moved into
   * the run's cgroup by `join` before it is sent a byte: the files' tmpfs pages are then charged to the run,
   * and the run's memory limit bounds them (files written by the worker are charged to the worker's cgroup).
   * Resolves with how the helper ended; rejects only when it cannot be started or joined.
   */
  async putFiles(
    files: Record<string, string | Uint8Array>,
    join: (pid: number) => void,
  ): Promise<PutOutcome> {
    const spec = this.tmpfs;
    if (!spec) throw new Error('a plain work dir has no helper to write with');
    const child = spawn(spec.helperPath, ['put', this.boxDir], {
      uid: this.uid,
      gid: this.gid,
      env: {},
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4096) stderr += d.toString('utf8');
    });
    const pid = child.pid;
    try {
      if (pid === undefined || !child.stdin) throw new Error('the helper did not start');
      join(pid);
    } catch (err) {
      child.kill('SIGKILL');
      await exited.catch(() => undefined);
      throw new Error(`cannot start the file writer in the run's cgroup: ${errorText(err)}`, { cause: err });
    }
    function* records(): Generator<Uint8Array> {
      for (const [rel, content] of Object.entries(files)) {
        const bytes = typeof content === 'string' ? Buffer.from(content) : content;
        yield Buffer.from(`${safeRelativePath(rel)}\0${bytes.byteLength}\0`);
        if (bytes.byteLength > 0) yield bytes;
      }
    }
    // EPIPE when the helper died early (killed, or refused a file): its exit says why.
    await pipeline(Readable.from(records(), { objectMode: false }), child.stdin).catch(() => undefined);
    const end = await exited;
    const message = stderr.trim() || 'no message';
    if (end.signal !== null) return { ok: false, signal: end.signal, message };
    if (end.code !== 0) return { ok: false, code: end.code ?? -1, message };
    return { ok: true };
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

  /** The tmpfs the helper mounts on the work dir (its `reset`, also the first step of its `start`). */
  get tmpfsSpec(): { sizeBytes: number; inodes: number } {
    const spec = this.tmpfs;
    if (!spec) throw new Error('a plain work dir has no tmpfs');
    return { sizeBytes: spec.sizeBytes, inodes: spec.inodes };
  }

  /**
   * Replaces the work dir's tmpfs by a fresh one and empties the I/O folder, then checks both; throws if
   * anything is not exactly as a new cell's (the caller must then not reuse the cell). Every process of the
   * run must be dead.
   */
  async reset(): Promise<void> {
    const spec = this.tmpfs;
    if (!spec) throw new Error('a plain work dir has no tmpfs to reset');
    try {
      await run(spec.helperPath, [
        'reset',
        this.boxDir,
        String(this.uid),
        String(this.gid),
        String(spec.sizeBytes),
        String(spec.inodes),
      ]);
    } catch (err) {
      const stderr =
        typeof err === 'object' && err !== null && 'stderr' in err ? String(err.stderr).trim() : '';
      throw new Error(
        `cannot mount a fresh tmpfs on the work dir ${this.boxDir}: ${stderr || errorText(err)}` +
          ' (the worker must run as root, with CAP_SYS_ADMIN)',
        { cause: err },
      );
    }
    this.clearIo();
  }

  /** Empties the I/O folder and checks it; throws if it is not an empty root-owned 0755 folder after that. */
  clearIo(): void {
    for (const name of readdirSync(this.ioDir)) unlinkSync(join(this.ioDir, name));
    const io = lstatSync(this.ioDir);
    const left = readdirSync(this.ioDir);
    if (!io.isDirectory() || io.uid !== 0 || (io.mode & 0o7777) !== 0o755 || left.length > 0) {
      throw new Error(`the I/O folder ${this.ioDir} is not an empty root-owned 0755 folder after the run`);
    }
  }

  /** Unmounts the tmpfs (and anything stacked on it) and removes both folders. */
  async unmount(): Promise<void> {
    await unmountAll(this.boxDir);
    await rm(this.ioDir, { recursive: true, force: true });
    await rmdir(this.boxDir).catch(() => undefined);
  }
}

async function unmountAll(dir: string): Promise<void> {
  for (let i = 0; i < 64 && readMounts().some((m) => m.mountPoint === dir); i++) {
    await run('umount', ['-l', dir]);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
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

/** Unmounts and removes every `box-*` and `io-*` of the root, and the installed helper and filter. */
export async function sweepWorkRoot(root: string): Promise<void> {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  for (const m of readMounts().reverse()) {
    if (m.mountPoint.startsWith(prefix)) await run('umount', ['-l', m.mountPoint]);
  }
  for (const name of await readdir(root)) {
    if (/^(box|io)-\d+(\.\d+)?$/.test(name) || name === HELPER_FILE || name === SECCOMP_FILE) {
      await rm(join(root, name), { recursive: true, force: true });
    }
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
): Promise<number> {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  if (bytes <= SYNC_WRITE_BYTES) writeFileSync(file, content, { flag: 'wx', mode });
  else await writeFile(file, content, { flag: 'wx', mode });
  chownSync(file, uid, gid);
  chmodSync(file, mode);
  return bytes;
}

function isCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === code;
}
