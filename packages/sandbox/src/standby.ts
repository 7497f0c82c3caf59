/**
 * One prepared sandbox: its cgroup created, the cell's work dir on a fresh, checked tmpfs, and bubblewrap
 * started as the cell's uid inside the run's cgroup with every namespace and mount in place, and a shell
 * inside blocked on fd 3 until the run's script is ready. All of that is one process the sandbox's spawner
 * forks (`spawner.ts`): the static helper's `start` (reset, join the cgroup, drop to the cell's uid, close
 * every descriptor but the sandbox's own, exec bubblewrap). Starting this costs ~6 ms (fork, namespaces, mounts, two execs); doing
 * it before the run arrives takes that off the run's latency. A standby serves exactly one run and is then
 * destroyed.
 */
import type { Readable, Duplex } from 'node:stream';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { bwrapArgs, type BwrapArgsOptions } from './bwrap-args.js';
import { ChannelWriter } from './channel-writer.js';
import { OutputFlow } from './output-flow.js';
import type { CgroupDriver, RunCgroup } from './cgroup.js';
import { killPid, sleep } from './cgroup-common.js';
import { processState } from './process-state.js';
import { STANDBY_COMMAND, STDOUT_FD } from './run-script.js';
import type { OutputStream } from './sandbox.js';
import type { SpawnedProcess, Spawner } from './spawner.js';

export interface StandbyOptions {
  cgroups: CgroupDriver;
  /** Unique name of the run's cgroup. */
  name: string;
  uid: number;
  gid: number;
  bwrapPath: string;
  /** The cells' spawner: the static helper's `serve`, which forks each `start` (see `native/sandbox-helper.c`). */
  spawner: Spawner;
  /** The fresh tmpfs the helper mounts on the work dir (`bwrap.boxDir`) first: its size in bytes, its inodes. */
  tmpfs: { sizeBytes: number; inodes: number };
  bwrap: Omit<BwrapArgsOptions, 'command' | 'seccompFd'>;
  /** How long bubblewrap may take to come up, in ms. */
  readyTimeoutMs: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Processes of a waiting sandbox: bubblewrap, and the shell that is pid 1 inside. */
export const SANDBOX_PROCESSES = 2;

/** How long bubblewrap gets to reap its pid 1 and exit by itself before it is killed too, in ms. */
const OUTER_GRACE_MS = 200;

/** Takes output; a promise it returns holds that stream until it settles (see `OutputFlow`). */
type Sink = (stream: OutputStream, data: Buffer) => void | Promise<void>;
/** The descriptor bubblewrap reads the seccomp filter from. */
const SECCOMP_FD = 4;
/** The last descriptor the helper's `start` keeps open: the run's stdout (`STDOUT_FD`), above the filter. */
const LAST_FD = STDOUT_FD;

/** The helper's `start` exit code when the work dir's reset failed (bubblewrap was never started). */
const START_RESET_FAILED = 3;

/**
 * The cell's work dir could not be reset to a fresh, checked tmpfs before its sandbox started: the cell is
 * not provably clean and must be retired. Nothing was started in it.
 */
export class CellResetError extends Error {}

export class Standby {
  /** Resolves when the bubblewrap process has exited (and was reaped). */
  readonly exited: Promise<ExitInfo>;
  /**
   * Resolves when stdout, stderr and the control socket are closed (every process holding them is dead and
   * what they wrote was read).
   */
  readonly streamsClosed: Promise<void>;
  private exitInfo: ExitInfo | undefined;
  private sink: Sink;
  /** Told each stream's end of file, during a run. */
  private endSink: ((stream: OutputStream) => void) | undefined;
  /** Where the program's writes to its fd 0 go, in a run with a channel (see `RunChannel`). */
  private channelSink: ((data: Buffer) => void) | undefined;
  private setupOutput = '';
  /** Bubblewrap was reaped and the cgroup then held no process: the run's processes are all gone. */
  private provenEmpty = false;
  private readonly flow = new OutputFlow();
  /** The writing end of the run's channel (the control socket after `go()`). */
  private readonly channel: ChannelWriter;

  private constructor(
    readonly child: SpawnedProcess,
    readonly cgroup: RunCgroup,
    private readonly control: Duplex,
    stdout: Readable,
    stderr: Readable,
  ) {
    this.sink = (_s, data) => {
      // Before the run: only bubblewrap's own complaints can arrive; keep a little for the error message.
      if (this.setupOutput.length < 4096) this.setupOutput += data.toString('utf8');
    };
    this.flow.read(
      stdout,
      (d) => this.sink('stdout', d),
      () => this.endSink?.('stdout'),
    );
    this.flow.read(
      stderr,
      (d) => this.sink('stderr', d),
      () => this.endSink?.('stderr'),
    );
    this.channel = new ChannelWriter(control);
    // The control socket is the run's channel after `go()` (fd 0 of the program) when it has one; before,
    // only the shell's ready byte comes through it.
    control.on('data', (d: Buffer) => this.channelSink?.(d));
    this.streamsClosed = Promise.all([closed(stdout), closed(stderr), closed(control)]).then(() => undefined);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
    control.on('error', () => {
      // EPIPE/ECONNRESET when the sandbox died: `exited` reports it.
    });
  }

  /**
   * Creates the cgroup and starts bubblewrap as the cell's uid; resolves once the shell inside is waiting
   * and every process of the sandbox has joined the cgroup.
   */
  static async start(o: StandbyOptions): Promise<Standby> {
    const cgroup = o.cgroups.create(o.name);
    let child: SpawnedProcess;
    try {
      // The spawner's child starts as root: it resets the work dir, joins the run's cgroup, then drops to the
      // cell's uid and gid with no supplementary groups and no capabilities before it executes bubblewrap, so
      // bubblewrap starts unprivileged. An empty environment: the worker's variables must not reach the
      // sandbox (not even via /proc/1/environ). Its fds are /dev/null (0 and 1), stderr, the control socket,
      // (fd 4) the seccomp filter, a descriptor of its own per sandbox (bubblewrap reads it to the end and
      // closes it before the command starts), and (fd 5) stdout, which bubblewrap's monitor closes; the helper
      // closes every descriptor above 5 before it executes bubblewrap.
      const args = [
        o.bwrap.boxDir,
        String(o.uid),
        String(o.gid),
        String(o.tmpfs.sizeBytes),
        String(o.tmpfs.inodes),
        String(cgroup.procsFiles.length),
        ...cgroup.procsFiles,
        String(LAST_FD),
        o.bwrapPath,
        ...bwrapArgs({ ...o.bwrap, seccompFd: SECCOMP_FD, command: STANDBY_COMMAND }),
      ];
      child = await o.spawner.start(args);
    } catch (err) {
      await cgroup.destroy().catch(() => undefined);
      throw err;
    }
    const [, stdout, stderr, control] = child.stdio;
    const standby = new Standby(child, cgroup, control as Duplex, stdout, stderr);
    const ready = new Promise<void>((resolve) => control.once('data', () => resolve()));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), o.readyTimeoutMs);
    });
    const first = await Promise.race([ready.then(() => 'ready' as const), standby.exited, timeout]);
    clearTimeout(timer);
    if (first === 'ready') {
      try {
        standby.checkCgroup();
        return standby;
      } catch (err) {
        await standby.destroy().catch(() => undefined);
        throw err;
      }
    }
    await standby.destroy();
    await sleep(0);
    const detail = standby.setupOutput.trim();
    if (first === 'timeout')
      throw new Error(`sandbox did not start within ${o.readyTimeoutMs} ms: ${detail}`);
    if (first.code === START_RESET_FAILED && detail.startsWith('sandbox-helper: reset')) {
      throw new CellResetError(
        `cannot mount a fresh tmpfs on the work dir: ${detail} (the worker must run as root, with CAP_SYS_ADMIN)`,
      );
    }
    throw new Error(explainStartFailure(detail, first));
  }

  /**
   * Checks that bubblewrap and the waiting shell (pid 1 inside), and nothing else, are in the run's cgroup.
   * The helper joined it before it executed bubblewrap, so both were born there (and the sandbox's cgroup
   * namespace is rooted at the run's cgroup); the program itself only starts after `go()`.
   */
  private checkCgroup(): void {
    const pid = this.child.pid;
    if (pid === undefined) throw new Error('the sandbox has no pid');
    const pids = descendants(pid);
    if (pids.length !== SANDBOX_PROCESSES) {
      throw new Error(`the sandbox has ${pids.length} process(es), expected bubblewrap and its shell`);
    }
    const joined = this.cgroup.pids();
    if (joined.length !== pids.length || !pids.every((p) => joined.includes(p))) {
      throw new Error(
        `the sandbox's processes (${pids.join(' ')}) are not those of its cgroup (${joined.join(' ')})`,
      );
    }
  }

  /** True while bubblewrap and its shell are both there, waiting (checked through the cgroup). */
  intact(): boolean {
    return this.alive && this.cgroup.pids().length === SANDBOX_PROCESSES;
  }

  /**
   * True while a process of the run other than bubblewrap and its shell is running and not exiting: the
   * program (or a child of it) goes on. A process that exits is marked exiting before it closes its files,
   * so an end of file that comes from the program's exit never finds it running.
   */
  programRunning(): boolean {
    const outer = this.child.pid;
    let pids: number[];
    try {
      pids = this.cgroup.pids();
    } catch {
      return false; // The cgroup is being torn down: the run is over.
    }
    for (const pid of pids) {
      if (pid === outer) continue;
      const state = processState(pid);
      // The shell (pid 1 inside) is bubblewrap's child.
      if (state?.running && state.ppid !== outer) return true;
    }
    return false;
  }

  /** True while bubblewrap is alive. */
  get alive(): boolean {
    return this.exitInfo === undefined;
  }

  /** Routes output, and each stream's end of file (`end`), from now on. */
  setSink(sink: Sink, end?: (stream: OutputStream) => void): void {
    this.sink = sink;
    this.endSink = end;
  }

  /** Routes what the program writes to its channel from now on. */
  setChannelSink(sink: (data: Buffer) => void): void {
    this.channelSink = sink;
  }

  /** Lets the prepared shell source the run's script. */
  go(): void {
    this.control.write('\n');
  }

  /**
   * Writes to the program's channel (its fd 0; the shell has read its go line by then); false: wait for
   * `onChannelDrain` (see `ChannelPort`).
   */
  channelWrite(data: string | Uint8Array): boolean {
    return this.channel.write(data);
  }

  /** Calls `listener` once, when more may be written to the channel, or it was ended, or it closed. */
  onChannelDrain(listener: () => void): void {
    this.channel.onDrain(listener);
  }

  /** Half-closes the program's channel: it reads end of file. */
  channelEnd(): void {
    this.channel.end();
  }

  /** The program has ended: its output is read as it comes from now on, and no channel writer waits. */
  releaseFlow(): void {
    this.flow.release();
    this.channel.wake();
  }

  /**
   * SIGKILLs everything of the run but bubblewrap itself: the shell is pid 1 of the sandbox, so its death
   * takes the whole pid namespace down, and bubblewrap reaps it and exits. (Killing bubblewrap first would
   * orphan the shell to the host's pid 1 as a zombie.)
   */
  kill(): void {
    this.killInside(this.cgroup.pids());
  }

  /** SIGKILLs each of `pids` (the cgroup's, as just read) but bubblewrap itself. */
  private killInside(pids: readonly number[]): void {
    const outer = this.child.pid;
    for (const pid of pids) if (pid !== outer) killPid(pid);
  }

  /**
   * Kills until the cgroup is empty and bubblewrap is reaped; bubblewrap itself only if it lingers. One
   * reading of the cgroup per round: after a run that ended by itself (bubblewrap reaped, the cgroup empty)
   * that is the only one.
   */
  async killAll(timeoutMs = 5_000): Promise<void> {
    // Once bubblewrap is reaped and the cgroup was seen empty, nothing can enter it again: no process of the
    // run is left to fork, and only root on the host writes `cgroup.procs`.
    if (this.provenEmpty) return;
    const start = Date.now();
    for (let attempt = 0; ; attempt++) {
      const pids = this.cgroup.pids();
      if (!this.alive && pids.length === 0) {
        this.provenEmpty = true;
        break;
      }
      this.killInside(pids);
      const elapsed = Date.now() - start;
      if (this.alive && elapsed > OUTER_GRACE_MS) this.child.kill('SIGKILL');
      if (elapsed > timeoutMs) throw new Error(`processes of cgroup ${this.cgroup.name} survive SIGKILL`);
      const pause = sleep(attempt < 20 ? 1 : 10);
      await (this.alive ? Promise.race([this.exited, pause]) : pause);
    }
  }

  /** Drops the control socket (and with it anything of the channel not read yet). */
  closeControl(): void {
    this.control.destroy();
    this.channel.wake();
  }

  /** Kills everything and removes the cgroup. */
  async destroy(): Promise<void> {
    await this.killAll();
    this.closeControl();
    await this.cgroup.destroy();
  }
}

function closed(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.readableEnded) resolve();
    else stream.once('close', () => resolve());
  });
}

/** Turns bubblewrap's complaint into what to fix. */
export function explainStartFailure(stderr: string, exit: ExitInfo): string {
  const status = exit.signal ? `signal ${exit.signal}` : `exit code ${String(exit.code)}`;
  const base = `the sandbox failed to start (${status}): ${stderr || 'no output'}`;
  if (/seccomp/i.test(stderr)) {
    return (
      `${base}. bubblewrap could not load the sandbox's seccomp filter: the kernel needs CONFIG_SECCOMP_FILTER, ` +
      'and in a container the runtime must let bubblewrap install a filter (prctl PR_SET_SECCOMP)'
    );
  }
  if (/namespace|uid map|setting up uid|Operation not permitted|Permission denied/i.test(stderr)) {
    return (
      `${base}. Unprivileged user namespaces look disabled: enable them (\`sysctl -w kernel.unprivileged_userns_clone=1\` ` +
      'on Debian, `sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` on Ubuntu 23.10+, ' +
      '`sysctl -w user.max_user_namespaces=15000`), and in a container allow unshare/mount (seccomp and AppArmor profiles)'
    );
  }
  return base;
}

/** `pid` and all its descendants, parents first. */
export function descendants(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const p = out[i];
    if (p !== undefined) out.push(...children(p));
  }
  return out;
}

function children(pid: number): number[] {
  let text: string;
  try {
    // Needs CONFIG_PROC_CHILDREN (on in Debian, Ubuntu, RHEL kernels); bubblewrap's processes are single-threaded.
    text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
  } catch (err) {
    if (
      typeof err === 'object' &&
      err !== null &&
      'code' in err &&
      err.code === 'ENOENT' &&
      existsSync(`/proc/${pid}`)
    ) {
      return childrenByScan(pid);
    }
    return [];
  }
  return text.split(/\s+/).filter(Boolean).map(Number);
}

/** Fallback without CONFIG_PROC_CHILDREN: every process whose parent is `pid`. */
function childrenByScan(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // Exited meanwhile.
    }
  }
  return out;
}
