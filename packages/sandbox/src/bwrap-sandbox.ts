/**
 * The production sandbox: each run executes under bubblewrap (user, pid, mount, net, ipc, uts and cgroup
 * namespaces; read-only system folders; private tmpfs work dir), inside its own cgroup (memory incl. tmpfs,
 * tasks, total CPU), with rlimits (CPU per process, file size, open files, stack, no core dumps), as an
 * unprivileged uid that belongs to one cell and to nothing else on the host. The worker runs as root.
 *
 * Cells: `slots` runs go at once; there are `slots + spares` cells, each with its own uid (`uidBase + i`)
 * and tmpfs work dir. An idle cell keeps a prepared sandbox (see `standby.ts`), so a run only pays for
 * writing its files and one exec. After a run, everything in its cgroup is killed, the I/O folder is emptied
 * and the cgroup removed, in the background; then the cell is prepared again, in one process: a fresh, checked
 * tmpfs on the work dir, then bubblewrap. A cell that cannot be proven clean is retired (its uid's processes
 * killed, new folders and tmpfs), never reused.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hostLayout, type BwrapArgsOptions } from './bwrap-args.js';
import { detectCgroups, type CgroupDriver } from './cgroup.js';
import { nextCpuCheckMs, maxRunCpus } from './cpu-check.js';
import { killPid, sleep } from './cgroup-common.js';
import { classifyEnd, type KillReason } from './exit-status.js';
import { prepareContainer } from './container.js';
import { checkLimits } from './limits.js';
import { buildNativeTools, installNativeTools } from './native-tools.js';
import { OutputCapture } from './output-capture.js';
import { checkHost, hardCaps } from './preflight.js';
import { checkCommand, runScript, SCRIPT_FILE, STDIN_FILE, type HardCaps } from './run-script.js';
import type {
  OutputStream,
  RunReport,
  RunRequest,
  RunStatus,
  RunUsage,
  Sandbox,
  SandboxCounters,
} from './sandbox.js';
import { SlotPool } from './slot-pool.js';
import { CellResetError, SANDBOX_PROCESSES, Standby, type ExitInfo } from './standby.js';
import { Spawner } from './spawner.js';
import { processesOfUid } from './uid-processes.js';
import { filesPageBytes, prepareWorkRoot, releaseWorkRoot, safeRelativePath, WorkDir } from './work-dir.js';

export interface SandboxLogger {
  warn(obj: object, msg: string): void;
}

export interface BwrapSandboxOptions {
  /** Runs at once (the worker's concurrency). */
  slots: number;
  /**
   * Extra cells kept prepared while the others run; default 2 (back-to-back short runs on one slot then
   * rarely wait for a preparation).
   */
  spares?: number;
  /** Prepare each cell's next sandbox ahead of its run; default true. Off: every run starts bubblewrap itself. */
  standby?: boolean;
  /** Name of the cgroup folder holding the run cgroups; default `arbiter`. One per worker on a host. */
  cgroupRoot?: string;
  /** Force a cgroup version instead of detecting it. */
  cgroupVersion?: 'v1' | 'v2';
  /** cgroup v2: cgroup path to create `cgroupRoot` under; default: the worker's own cgroup. */
  cgroupParent?: string;
  /** Host folder for the cells' work dirs; default `<tmpdir>/<cgroupRoot>-sandbox`. One per worker on a host. */
  workRoot?: string;
  /** Size of each cell's `/box` tmpfs, in bytes; default 256 MiB. */
  workDirBytes?: number;
  /** Files and folders a run may create in `/box`; default 16384. */
  workDirInodes?: number;
  /** Size of the private `/tmp`, in bytes; default 64 MiB. */
  tmpBytes?: number;
  /** Size of `/dev/shm`, in bytes; default 64 MiB. */
  shmBytes?: number;
  /** Cell i runs as uid and gid `uidBase + i`; default 10001. The range must be unused on the host. */
  uidBase?: number;
  /** Extra host paths bound read-only at the same place inside (e.g. a compiler outside /usr). */
  extraRoBinds?: string[];
  bwrapPath?: string;
  logger?: SandboxLogger;
  /**
   * Run `/bin/sh -c 'echo ok'` (and read its seccomp mode) before returning, and throw if it fails or the
   * seccomp filter is not in force; default true.
   */
  selfTest?: boolean;
  /** How long bubblewrap may take to come up, in ms; default 10,000 (an emulated machine needs more). */
  readyTimeoutMs?: number;
}

/** The bubblewrap sandbox, with what tests and benchmarks need to see. */
export interface BwrapSandbox extends Sandbox {
  /** The uid of each cell. */
  readonly uids: readonly number[];
  readonly cgroups: CgroupDriver;
  /** Host folders of each cell's work dir and I/O folder now (a retired cell gets new ones). */
  cellDirs(): Array<{ boxDir: string; ioDir: string }>;
  /** Resolves when every idle cell has finished its clean-up and preparing its sandbox. */
  settled(): Promise<void>;
  counters(): SandboxCounters;
}

/** The start-up self-test: prints `ok`, then `seccomp <mode>` of the sandbox's shell. */
const SELF_TEST =
  'echo ok; while read -r k v; do [ "$k" = Seccomp: ] && echo "seccomp $v"; done < /proc/self/status; true';

/** How long bubblewrap may take to come up by default, in ms. */
const READY_TIMEOUT_MS = 10_000;
/**
 * Most bytes (whole tmpfs pages) of a run's files the worker writes itself; above this, the helper writes
 * them from inside the run's cgroup (one more process start, ~1 ms, worth it only for big artefacts).
 */
const WORKER_WRITTEN_MAX_BYTES = 1 << 20;
/** The helper's `put` exit code when the memory cgroup refused a page. */
const PUT_OUT_OF_MEMORY = 2;

interface Cell {
  index: number;
  uid: number;
  work: WorkDir;
  /** Bumped by each rebuild; names the work dir's folders. */
  generation: number;
  /** The clean-up of the last run, then the preparation of the next sandbox (undefined: none prepared). */
  standby: Promise<Standby | undefined> | undefined;
  ready: boolean;
  /** Why the cell is out of service: retired, and its rebuild failed. It is rebuilt before its next run. */
  broken: Error | undefined;
}

/** How long the processes of a retired cell's uid may take to die, in ms. */
const RETIRE_KILL_MS = 5_000;

/**
 * Roots and uids held by the sandboxes open in this process: a second sandbox on the same ones would sweep
 * the first one's runs at its start.
 */
const claimed = new Set<string>();

function claim(keys: readonly string[]): () => void {
  const taken = keys.filter((k) => claimed.has(k));
  if (taken.length > 0) {
    throw new Error(
      `another sandbox in this process already uses ${taken.join(', ')}: give each its own cgroupRoot, workRoot and uidBase`,
    );
  }
  for (const k of keys) claimed.add(k);
  return () => {
    for (const k of keys) claimed.delete(k);
  };
}

export async function createBwrapSandbox(options: BwrapSandboxOptions): Promise<BwrapSandbox> {
  const tools = checkHost(options);
  const container = prepareContainer();
  const slots = Math.floor(options.slots);
  if (!(slots >= 1)) throw new Error('slots must be at least 1');
  const spares = Math.max(0, Math.floor(options.spares ?? 2));
  const root = options.cgroupRoot ?? 'arbiter';
  const workRoot = options.workRoot ?? join(tmpdir(), `${root}-sandbox`);
  const uidBase = options.uidBase ?? 10_001;
  const warn = (obj: object, msg: string): void => options.logger?.warn(obj, msg);
  if (container.unmasked.length > 0 || container.remounted.length > 0) {
    warn(container, 'container: unmasked /proc and made the cgroup file system writable for the sandbox');
  }

  const cellCount = slots + spares;
  const release = claim([
    `workRoot ${workRoot}`,
    `cgroupRoot ${root}`,
    ...Array.from({ length: cellCount }, (_, i) => `uid ${uidBase + i}`),
  ]);
  let ownsWorkRoot = false;
  let cgroups: CgroupDriver | undefined;
  const cells: Cell[] = [];
  let mountWork: ((index: number, generation: number) => Promise<WorkDir>) | undefined;
  let helperPath = '';
  let spawner: Spawner | undefined;
  try {
    const native = await buildNativeTools();
    await prepareWorkRoot(workRoot);
    ownsWorkRoot = true;
    const installed = installNativeTools(native, workRoot);
    helperPath = installed.helperPath;
    spawner = await Spawner.open(workRoot, helperPath, installed.seccompPath);
    cgroups = detectCgroups({ root, version: options.cgroupVersion, v2Parent: options.cgroupParent, warn });
    await cgroups.sweep();
    mountWork = (index, generation) =>
      WorkDir.mount({
        root: workRoot,
        index,
        generation,
        uid: uidBase + index,
        gid: uidBase + index,
        sizeBytes: options.workDirBytes ?? 256 << 20,
        inodes: options.workDirInodes ?? 16_384,
        helperPath,
      });
    for (let i = 0; i < cellCount; i++) {
      const work = await mountWork(i, 0);
      cells.push({
        index: i,
        uid: uidBase + i,
        work,
        generation: 0,
        standby: undefined,
        ready: false,
        broken: undefined,
      });
    }
  } catch (err) {
    await spawner?.close().catch(() => undefined);
    if (ownsWorkRoot) await releaseWorkRoot(workRoot).catch(() => undefined);
    await cgroups?.close().catch(() => undefined);
    release();
    throw err;
  }
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  const sandbox = new BwrapSandboxImpl(cells, slots, options.standby ?? true, {
    cgroups,
    workRoot,
    mountWork,
    spawner: spawner as Spawner,
    release,
    caps: hardCaps(),
    warn,
    bwrapPath: tools.bwrapPath,
    readyTimeoutMs,
    layout: {
      layout: hostLayout(options.extraRoBinds),
      tmpBytes: options.tmpBytes ?? 64 << 20,
      shmBytes: options.shmBytes ?? 64 << 20,
    },
  });
  if (options.selfTest ?? true) {
    const report = await sandbox.run({
      // Shell builtins only: `ok`, then the shell's own seccomp mode (2: a filter).
      argv: ['/bin/sh', '-c', SELF_TEST],
      limits: {
        cpuMs: Math.max(5_000, Math.round(readyTimeoutMs / 2)),
        wallMs: Math.max(10_000, readyTimeoutMs),
        memoryKb: 64 * 1024,
        pids: 16,
        outputBytes: 1024,
        fileSizeBytes: 1 << 20,
        openFiles: 64,
        stackKb: 8192,
      },
    });
    const out = Buffer.from(report.stdout).toString('utf8');
    if (report.status !== 'exited' || report.exitCode !== 0 || !out.startsWith('ok\n')) {
      await sandbox.close().catch(() => undefined);
      const detail =
        report.error ??
        `status ${report.status}, exit code ${String(report.exitCode)}, output ${JSON.stringify(out + Buffer.from(report.stderr).toString('utf8'))}`;
      throw new Error(`sandbox self-test (/bin/sh -c 'echo ok') failed: ${detail}`);
    }
    if (out !== 'ok\nseccomp 2\n') {
      await sandbox.close().catch(() => undefined);
      throw new Error(
        `the sandbox's seccomp filter is not in force (/proc/self/status of the sandbox: ${JSON.stringify(out.slice(3))}): ` +
          'the kernel needs CONFIG_SECCOMP_FILTER, and a container must let bubblewrap load a filter',
      );
    }
  }
  return sandbox;
}

interface Environment {
  cgroups: CgroupDriver;
  workRoot: string;
  /** Creates and mounts a cell's work dir (its folders named by the generation). */
  mountWork: (index: number, generation: number) => Promise<WorkDir>;
  /** Gives back this sandbox's roots and uids to the process-wide registry. */
  release: () => void;
  caps: HardCaps;
  warn: (obj: object, msg: string) => void;
  bwrapPath: string;
  /** The cells' spawner (the installed static helper's `serve`, which loads the seccomp filter for each start). */
  spawner: Spawner;
  layout: Omit<BwrapArgsOptions, 'command' | 'boxDir' | 'ioDir' | 'seccompFd'>;
  readyTimeoutMs: number;
}

class BwrapSandboxImpl implements BwrapSandbox {
  readonly kind: string;
  readonly driver: 'cgroup-v1' | 'cgroup-v2';
  readonly uids: readonly number[];
  readonly cgroups: CgroupDriver;
  private readonly pool: SlotPool<Cell>;
  private readonly active = new Set<Promise<unknown>>();
  private readonly killers = new Set<(reason: KillReason) => void>();
  private seq = 0;
  private closing: Promise<void> | undefined;
  private readonly stats: SandboxCounters = { cellsRetired: 0, cellsOutOfService: 0 };
  /** The most CPUs a run can use at once, for when its CPU counter is read next (`cpu-check.ts`). */
  private readonly cpuCount = maxRunCpus();

  constructor(
    private readonly cells: Cell[],
    slots: number,
    private readonly useStandby: boolean,
    private readonly env: Environment,
  ) {
    this.kind = `bwrap+cgroup-${env.cgroups.version}`;
    this.driver = `cgroup-${env.cgroups.version}`;
    this.cgroups = env.cgroups;
    this.uids = cells.map((c) => c.uid);
    this.pool = new SlotPool(cells, slots, (c) => c.ready);
    if (useStandby) for (const cell of cells) this.prepare(cell);
  }

  async run(request: RunRequest): Promise<RunReport> {
    const [report] = await this.runGroup([request]);
    return report as RunReport;
  }

  async runGroup(
    requests: readonly RunRequest[],
    onReport?: (index: number, report: RunReport) => void,
  ): Promise<RunReport[]> {
    if (this.closing) throw new Error('the sandbox is closed');
    for (const request of requests) {
      checkCommand(request.argv, request.env);
      if (request.channel && request.stdin !== undefined)
        throw new Error('a run has either stdin or a channel');
      checkLimits(request.limits);
      for (const p of Object.keys(request.files ?? {})) safeRelativePath(p);
      for (const p of request.collect ?? []) safeRelativePath(p);
    }
    const signal = requests[0]?.signal;
    if (requests.some((r) => r.signal?.aborted)) return requests.map(() => emptyReport('aborted'));
    let cells: Cell[];
    try {
      cells = await this.pool.acquireGroup(requests.length, signal);
    } catch (err) {
      if (this.closing || signal?.aborted)
        return requests.map(() =>
          emptyReport('aborted', this.closing ? 'the sandbox was closed' : undefined),
        );
      return requests.map(() => emptyReport('internal_error', errorMessage(err)));
    }
    const done = Promise.all(
      cells.map(async (cell, i) => {
        const report = await this.runInCell(cell, requests[i] as RunRequest);
        onReport?.(i, report);
        return report;
      }),
    );
    this.active.add(done);
    try {
      return await done;
    } finally {
      this.active.delete(done);
      this.pool.releaseGroup(cells);
    }
  }

  async settled(): Promise<void> {
    await Promise.all(this.pool.idle().map((c) => c.standby?.catch(() => undefined)));
  }

  cellDirs(): Array<{ boxDir: string; ioDir: string }> {
    return this.cells.map((c) => ({ boxDir: c.work.boxDir, ioDir: c.work.ioDir }));
  }

  counters(): SandboxCounters {
    return {
      ...this.stats,
      cellsOutOfService: this.cells.filter((c) => c.broken !== undefined).length,
    };
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.pool.close(new Error('the sandbox was closed'));
    for (const kill of this.killers) kill('aborted');
    await Promise.allSettled([...this.active]);
    for (const cell of this.cells) {
      const standby = await cell.standby?.catch(() => undefined);
      cell.standby = undefined;
      await standby
        ?.destroy()
        .catch((err: unknown) => this.env.warn({ err }, 'cannot destroy a prepared sandbox'));
      await cell.work.unmount().catch((err: unknown) => this.env.warn({ err }, 'cannot unmount a work dir'));
    }
    try {
      await this.env.spawner.close();
      await this.env.cgroups.close();
      await releaseWorkRoot(this.env.workRoot);
    } finally {
      this.env.release();
    }
  }

  /**
   * Starts preparing the cell's next sandbox in the background, after `before` (the previous run's
   * clean-up). A cell out of service prepares nothing: its rebuild is tried again when a run takes it.
   */
  private prepare(cell: Cell, before: Promise<void> = Promise.resolve()): void {
    cell.ready = false;
    // Deferred a turn of the event loop: spawning forks the worker (~1 ms), which the run that just ended
    // should not wait for.
    const p = before
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        if (this.closing) throw new Error('the sandbox was closed');
        if (cell.broken) return undefined;
        return this.startStandby(cell);
      });
    cell.standby = p;
    p.then(
      (standby) => {
        if (cell.standby === p && standby) cell.ready = true;
      },
      (err: unknown) => {
        if (!this.closing) this.env.warn({ err, cell: cell.index }, 'preparing a sandbox failed');
      },
    );
  }

  /**
   * Starts the cell's next sandbox, whose first step is the work dir's fresh tmpfs. If that reset fails the
   * cell is not provably clean: it is retired (and rebuilt) before this rejects.
   */
  private async startStandby(cell: Cell): Promise<Standby> {
    try {
      return await this.startInCell(cell);
    } catch (err) {
      if (err instanceof CellResetError) await this.retire(cell, err);
      throw err;
    }
  }

  private startInCell(cell: Cell): Promise<Standby> {
    return Standby.start({
      cgroups: this.env.cgroups,
      name: `c${cell.index}-${++this.seq}`,
      uid: cell.uid,
      gid: cell.uid,
      bwrapPath: this.env.bwrapPath,
      spawner: this.env.spawner,
      tmpfs: cell.work.tmpfsSpec,
      bwrap: { ...this.env.layout, boxDir: cell.work.boxDir, ioDir: cell.work.ioDir },
      readyTimeoutMs: this.env.readyTimeoutMs,
    });
  }

  /**
   * The cell's prepared sandbox if it is alive, else a fresh one. Waits for the previous run's clean-up
   * (part of the pending preparation), so a run never starts in a cell that was not proven clean.
   */
  private async takeStandby(cell: Cell): Promise<Standby> {
    const pending = cell.standby;
    cell.standby = undefined;
    cell.ready = false;
    if (pending) {
      const standby = await pending.catch(() => undefined);
      if (standby?.intact()) return standby;
      // Not used, so nothing of a run can be in the cell; cleaned up all the same.
      if (standby) await this.recycle(cell, standby);
    }
    if (cell.broken) await this.rebuild(cell);
    if (cell.broken) throw new Error(`no clean sandbox cell: ${cell.broken.message}`);
    try {
      return await this.startStandby(cell);
    } catch (err) {
      // A failed reset retired the cell; once it is rebuilt on new folders, one more start.
      if (!(err instanceof CellResetError) || cell.broken) throw err;
      return this.startStandby(cell);
    }
  }

  private async runInCell(cell: Cell, req: RunRequest): Promise<RunReport> {
    let standby: Standby;
    try {
      standby = await this.takeStandby(cell);
    } catch (err) {
      if (this.useStandby && !this.closing) this.prepare(cell);
      return emptyReport('internal_error', errorMessage(err));
    }
    const limits = req.limits;
    const cg = standby.cgroup;
    let killReason: KillReason | undefined;
    const kill = (reason: KillReason): void => {
      killReason ??= reason;
      standby.kill();
    };
    const capture = (stream: OutputStream): OutputCapture =>
      new OutputCapture(
        stream,
        limits.outputBytes,
        () => kill('output_limit'),
        req.onOutput,
        req.onOutputEnd,
      );
    const stdout = capture('stdout');
    const stderr = capture('stderr');
    let wallTimer: NodeJS.Timeout | undefined;
    let cpuTimer: NodeJS.Timeout | undefined;
    const onAbort = (): void => kill('aborted');
    this.killers.add(kill);
    let wallMs = 0;
    let cpuMs = 0;
    try {
      // The run's files are the run's memory. Small sets are written by the worker (fast; their pages are
      // charged to the worker's cgroup, so they are taken off the limit and added to the report); larger
      // ones by the helper inside the run's cgroup, where the kernel charges and limits them.
      const input = req.files ?? {};
      const filesBytes = filesPageBytes(input);
      const inCgroup = filesBytes > WORKER_WRITTEN_MAX_BYTES;
      const workerBytes = inCgroup ? 0 : filesBytes;
      if (!inCgroup) await cell.work.writeFiles(input);
      // With a channel there is no stdin file: the program gets only what the caller writes to it.
      if (!req.channel) await cell.work.writeIo(STDIN_FILE, req.stdin ?? '');
      await cell.work.writeIo(
        SCRIPT_FILE,
        runScript({ argv: req.argv, env: req.env, limits, caps: this.env.caps, channel: !!req.channel }),
      );
      const memoryBytes = limits.memoryKb * 1024 - workerBytes;
      if (memoryBytes <= 0)
        return { ...emptyReport('memory_limit'), memoryKb: Math.ceil(workerBytes / 1024) };
      // The sandbox's own two tasks (bubblewrap, the shell) come on top of the program's `pids`.
      cg.setLimits(memoryBytes, limits.pids + SANDBOX_PROCESSES);
      cg.resetPeak();
      const oom0 = cg.oomKills();
      if (inCgroup) {
        const put = await cell.work.putFiles(input, (pid) => {
          for (const file of cg.procsFiles) writeFileSync(file, String(pid));
        });
        if (!put.ok) {
          // Killed by the OOM killer (it picks the writer first), or a page refused: the files alone
          // exceed the run's memory limit.
          if (cg.oomKills() > oom0 || ('code' in put && put.code === PUT_OUT_OF_MEMORY)) {
            return { ...emptyReport('memory_limit'), memoryKb: Math.ceil(cg.memoryPeakBytes() / 1024) };
          }
          throw new Error(`cannot write the run's files: ${put.message}`);
        }
      }
      // Read after the files are in: writing them is not the program's CPU time.
      const cpu0 = cg.cpuUsageUs();
      standby.setSink(
        (stream, data) => (stream === 'stdout' ? stdout : stderr).push(data),
        // Told only while the run goes on: an end that comes with the run's end is the report's.
        (stream) => {
          if (killReason === undefined && standby.programRunning())
            (stream === 'stdout' ? stdout : stderr).end();
        },
      );
      if (!standby.alive) throw new Error('the prepared sandbox died before its run');
      req.signal?.addEventListener('abort', onAbort, { once: true });
      if (req.signal?.aborted || this.closing) kill('aborted');

      const channel = req.channel;
      let last: RunUsage = { cpuMs: 0, memoryKb: 0 };
      // Read between the program's messages, while it waits for the next one: its own numbers are not asked.
      const usage = (): RunUsage => {
        try {
          last = {
            cpuMs: (cg.cpuUsageUs() - cpu0) / 1000,
            memoryKb: Math.ceil((cg.memoryPeakBytes() + workerBytes) / 1024),
          };
        } catch {
          // The cgroup is being torn down: the last reading stands.
        }
        return last;
      };
      if (channel) standby.setChannelSink((data) => channel.data(data, usage()));

      const t0 = performance.now();
      standby.go();
      // After the go line: the shell reads exactly one line (byte by byte), the rest is the program's.
      channel?.open({
        write: (data) => standby.channelWrite(data),
        onDrain: (listener) => standby.onChannelDrain(listener),
        end: () => standby.channelEnd(),
        kill: () => kill('killed'),
        usage,
      });
      wallTimer = setTimeout(() => kill('wall_limit'), limits.wallMs);
      // The CPU counter is read only when the run could have passed its limit since the last reading
      // (`cpu-check.ts`): none for a run far below it, every 10 ms near it.
      const checkCpu = (): void => {
        let usedMs: number;
        try {
          usedMs = (cg.cpuUsageUs() - cpu0) / 1000;
        } catch {
          return; // The cgroup is being torn down: the run is over anyway.
        }
        if (usedMs > limits.cpuMs) kill('cpu_limit');
        else cpuTimer = setTimeout(checkCpu, nextCpuCheckMs(usedMs, limits.cpuMs, this.cpuCount));
      };
      cpuTimer = setTimeout(checkCpu, nextCpuCheckMs(0, limits.cpuMs, this.cpuCount));
      const exit: ExitInfo = await standby.exited;
      wallMs = performance.now() - t0;
      // Nothing is held back any more: what is left in the pipes drains, and no channel writer waits.
      standby.releaseFlow();
      clearTimeout(wallTimer);
      clearTimeout(cpuTimer);

      // Whatever the program left behind (daemons, children) dies now; then the pipes drain and close.
      await standby.killAll();
      await Promise.race([standby.streamsClosed, sleep(2_000)]);
      standby.closeControl();
      cpuMs = (cg.cpuUsageUs() - cpu0) / 1000;
      const memoryKb = Math.ceil((cg.memoryPeakBytes() + workerBytes) / 1024);
      const outcome = classifyEnd({
        killReason,
        oomKills: cg.oomKills() - oom0,
        cpuMs,
        cpuLimitMs: limits.cpuMs,
        exitCode: exit.code,
        signal: exit.signal,
        signalHitSandbox: true,
      });
      const files = req.collect ? await cell.work.collect(req.collect) : {};
      return {
        ...outcome,
        cpuMs: round(cpuMs),
        wallMs: round(wallMs),
        memoryKb,
        stdout: stdout.bytes(),
        stderr: stderr.bytes(),
        files,
      };
    } catch (err) {
      return {
        ...emptyReport('internal_error', errorMessage(err)),
        cpuMs: round(cpuMs),
        wallMs: round(wallMs),
        stdout: stdout.bytes(),
        stderr: stderr.bytes(),
      };
    } finally {
      clearTimeout(wallTimer);
      clearTimeout(cpuTimer);
      req.signal?.removeEventListener('abort', onAbort);
      this.killers.delete(kill);
      standby.releaseFlow();
      // Every process of the run is dead by now (or the clean-up retires the cell). With prepared cells
      // the clean-up runs after the report, before the cell's next preparation; without, before returning.
      const cleanedUp = this.recycle(cell, standby);
      if (this.useStandby && !this.closing) this.prepare(cell, cleanedUp);
      else await cleanedUp;
    }
  }

  /**
   * After a run: every process dead, the I/O folder empty, then the cgroup removed. A cell that cannot be
   * proven clean is retired. The work dir's fresh tmpfs is the first step of the cell's next start (the
   * helper's `start`: one process for both), so no sandbox ever starts on a work dir that was not reset and
   * checked. Never rejects.
   */
  private async recycle(cell: Cell, standby: Standby): Promise<void> {
    let dirty: unknown;
    try {
      await standby.killAll();
    } catch (err) {
      dirty = err;
    }
    standby.closeControl();
    if (dirty === undefined) {
      try {
        cell.work.clearIo();
      } catch (err) {
        dirty = err;
      }
    }
    try {
      await standby.cgroup.destroy();
    } catch (err) {
      this.env.warn({ err, cell: cell.index }, 'cannot remove a run cgroup; it is swept at the next start');
    }
    if (dirty !== undefined) await this.retire(cell, dirty);
  }

  /** Takes a cell that could not be proven clean out of service and rebuilds it. Never rejects. */
  private async retire(cell: Cell, reason: unknown): Promise<void> {
    this.stats.cellsRetired++;
    this.env.warn(
      { err: reason, cell: cell.index, uid: cell.uid },
      'a sandbox cell could not be proven clean after a run: retiring it and building a new one',
    );
    cell.broken = reason instanceof Error ? reason : new Error(String(reason));
    await this.rebuild(cell);
  }

  /**
   * Builds a retired cell anew: kills every process of its uid on the host, mounts a fresh tmpfs on new
   * folders (the old ones are unmounted and removed best-effort; the next start sweeps what remains). On
   * failure the cell stays out of service, and the next run that takes it tries again.
   */
  private async rebuild(cell: Cell): Promise<void> {
    try {
      await killUid(cell.uid, RETIRE_KILL_MS);
      const old = cell.work;
      const work = await this.env.mountWork(cell.index, cell.generation + 1);
      cell.generation++;
      cell.work = work;
      cell.broken = undefined;
      await old
        .unmount()
        .catch((err: unknown) =>
          this.env.warn({ err, cell: cell.index }, 'cannot remove the folders of a retired cell'),
        );
    } catch (err) {
      cell.broken = err instanceof Error ? err : new Error(String(err));
      this.env.warn(
        { err, cell: cell.index, uid: cell.uid },
        'cannot rebuild a retired sandbox cell: it stays out of service until a rebuild succeeds',
      );
    }
  }
}

/** SIGKILLs every process on the host whose real uid is `uid` until none is left. */
async function killUid(uid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const left = processesOfUid(uid);
    if (left.length === 0) return;
    for (const pid of left) killPid(pid);
    if (Date.now() > deadline) {
      throw new Error(`processes of uid ${uid} survive SIGKILL: ${left.join(' ')}`);
    }
    await sleep(attempt < 20 ? 1 : 10);
  }
}

function emptyReport(status: RunStatus, error?: string): RunReport {
  const report: RunReport = {
    status,
    exitCode: null,
    signal: null,
    cpuMs: 0,
    wallMs: 0,
    memoryKb: 0,
    stdout: new Uint8Array(),
    stderr: new Uint8Array(),
    files: {},
  };
  if (error !== undefined) report.error = error;
  return report;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Milliseconds to 0.01 ms. */
function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
