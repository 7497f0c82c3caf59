/**
 * The contract between the judge and whatever runs a program: one call runs one
 * command over a set of files and reports exactly what happened. Implementations:
 * the bubblewrap + cgroup sandbox, and an unsandboxed runner for development only.
 */

export type OutputStream = 'stdout' | 'stderr';

export interface RunLimits {
  /** CPU time of the whole run (all processes together), in ms. */
  cpuMs: number;
  /** Wall-clock time, in ms. */
  wallMs: number;
  /** Memory of the whole run (all processes, tmpfs pages included), in KiB. */
  memoryKb: number;
  /** Most processes and threads alive at once. */
  pids: number;
  /** Bytes kept per output stream; more stops the run with `output_limit`. */
  outputBytes: number;
  /** Largest file the program may write, in bytes. */
  fileSizeBytes: number;
  /** Open file descriptors. */
  openFiles: number;
  /** Stack size, in KiB. */
  stackKb: number;
}

export interface RunRequest {
  /** Command to run; argv[0] is looked up on the sandbox's PATH (`/usr/bin:/bin`). */
  argv: string[];
  /** Files placed in the working directory before the run, by relative path. */
  files?: Record<string, string | Uint8Array>;
  /** Relative paths (files, or folders taken whole) to read back after the run. */
  collect?: string[];
  /** The program's stdin (a file); not with `channel`. */
  stdin?: string | Uint8Array;
  /**
   * A conversation with the program instead of a stdin file: its fd 0 is a socket whose other end the
   * caller holds (see `RunChannel`).
   */
  channel?: RunChannel;
  /** Extra environment; the run otherwise starts with an empty one (PATH, HOME, LANG set). */
  env?: Record<string, string>;
  limits: RunLimits;
  /**
   * Called with output as it arrives (within the cap of `stdout`/`stderr`). Returning a promise holds that
   * stream until it settles (backpressure): the sandbox reads no more of it, the pipe fills and the program
   * blocks in its write. Once the program has ended nothing is held (the pipes drain and the run ends).
   */
  onOutput?: (stream: OutputStream, chunk: Uint8Array) => void | Promise<void>;
  /**
   * Called when a stream reaches its end of file while the run goes on, after its last `onOutput`: every
   * process of the run closed it, and the program (or a child) still runs (as a program that closes its
   * stdout and then reads the answer). Not called for an end that comes with the run's end (exit, kill,
   * limit): the report says that, and comes after. In a run with a `channel`, stdout is held by the
   * program (and its children) alone; otherwise, and for stderr, the sandbox holds it until the run ends.
   */
  onOutputEnd?: (stream: OutputStream) => void;
  /** Aborting kills the run; it then reports `aborted`. */
  signal?: AbortSignal;
}

/** The run's resource use so far, read from outside the program (its cgroup). */
export interface RunUsage {
  /** CPU time of all processes of the run so far, in ms. */
  cpuMs: number;
  /** Peak memory of the run so far, in KiB. */
  memoryKb: number;
}

/** The caller's end of a run's channel. */
export interface ChannelPort {
  /**
   * Writes to the program's fd 0. False when the channel holds its high-water mark (16 KiB) that the
   * program has not read yet: write more only after `onDrain` (what was written is kept all the same).
   * Once the channel is ended or the run is over, writes are dropped.
   */
  write(data: string | Uint8Array): boolean;
  /**
   * Calls `listener` once, when more may be written: the program has read the backlog, or the channel was
   * ended or the run is over (at once if more may be written now).
   */
  onDrain(listener: () => void): void;
  /** Half-closes the channel: the program reads end of file. */
  end(): void;
  /** Kills the run at the caller's request: it reports `signaled` by `SIGKILL` (unless a limit came first). */
  kill(): void;
  /** The run's resource use now. */
  usage(): RunUsage;
}

/**
 * A run's fd 0 as a bidirectional stream socket to the caller, for programs that answer one message at a
 * time (the function harness). Nothing of it exists as a file inside the sandbox: the program only ever
 * holds what the caller has written so far.
 */
export interface RunChannel {
  /** The program is about to start; `port` stays usable until the run ends. */
  open(port: ChannelPort): void;
  /** Bytes the program wrote to its fd 0, with the run's resource use read when they arrived. */
  data(chunk: Uint8Array, usage: RunUsage): void;
}

/** Why the run stopped. */
export type RunStatus =
  | 'exited' // exited by itself, with `exitCode`
  | 'signaled' // killed by a signal it caused (e.g. SIGSEGV), in `signal`
  | 'cpu_limit'
  | 'wall_limit'
  | 'memory_limit'
  | 'output_limit'
  | 'aborted' // the caller aborted it
  | 'internal_error'; // the sandbox itself failed; never the program's fault

export interface RunReport {
  status: RunStatus;
  exitCode: number | null;
  /** Signal name, e.g. `SIGKILL`. */
  signal: string | null;
  /** CPU time of all processes of the run, in ms. */
  cpuMs: number;
  /** Wall-clock time, in ms. */
  wallMs: number;
  /** Peak memory, in KiB. */
  memoryKb: number;
  /** Captured output, at most `limits.outputBytes` each. */
  stdout: Uint8Array;
  stderr: Uint8Array;
  /** Files named in `collect` that existed after the run, by relative path. */
  files: Record<string, Uint8Array>;
  /** What went wrong, for `internal_error`. */
  error?: string;
}

/** What a sandbox counts about its own health, for logs and metrics. */
export interface SandboxCounters {
  /** Cells taken out of use because they could not be proven clean after a run (then rebuilt). */
  cellsRetired: number;
  /** Cells whose rebuild failed, out of service now (each is rebuilt when a run next takes it). */
  cellsOutOfService: number;
}

export interface Sandbox {
  /** A short name for logs and `/languages` (e.g. `bwrap+cgroup-v1`, `unsandboxed`). */
  readonly kind: string;
  /** How runs are confined: the cgroup version under bubblewrap, or `none` (no sandbox). */
  readonly driver: 'cgroup-v1' | 'cgroup-v2' | 'none';
  run(request: RunRequest): Promise<RunReport>;
  /**
   * Runs several commands at the same time, each in a sandbox of its own (its own cell, uid, cgroup and
   * limits), started together and counted as one of the sandbox's concurrent runs: the processes of an
   * interactive test case, which talk to each other through the caller's channels. Reports in order;
   * `onReport` hears each run's report as soon as that run has ended, while the others may go on.
   */
  runGroup(
    requests: readonly RunRequest[],
    onReport?: (index: number, report: RunReport) => void,
  ): Promise<RunReport[]>;
  /** Health counters, where the implementation keeps any. */
  counters?(): SandboxCounters;
  /** Releases what the sandbox holds (cgroups, mounts); pending runs are killed. */
  close(): Promise<void>;
}
