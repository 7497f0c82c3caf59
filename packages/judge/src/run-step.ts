/** Runs a compiled program once in the sandbox, streaming its output, and classifies how it ended. */
import { preciseNow, type EffectiveLimits, type Verdict } from '@arbiter/contracts';
import type { OutputStream, RunChannel, RunRequest, Sandbox } from '@arbiter/sandbox';
import { usable, type CompiledProgram, type StepHooks, type UsableReport } from './compile-step.js';
import { runStepLimits } from './run-limits.js';
import { markerRouter, streamDecoder } from './stream-text.js';
import { verdictOfRun } from './verdict.js';

export interface RunOptions extends StepHooks {
  /** The program's stdin (a file); or `channel`, a conversation on its fd 0. */
  stdin?: string | Uint8Array;
  channel?: RunChannel;
  /** Extra environment of the program. */
  env?: Record<string, string>;
  limits: EffectiveLimits;
  /**
   * Files put in the working directory beside the program's, over any of the same name (a package
   * case's `X.files`).
   */
  workFiles?: Readonly<Record<string, Uint8Array>>;
  /** Arguments passed to the program after its own argv (each one argv entry, no shell). */
  args?: readonly string[];
  /**
   * Fold stderr into stdout as the program writes them: both are one pipe (`2>&1` by a fixed
   * `/bin/sh` line that then execs the program; the program's argv never passes through it). The
   * outcome's stderr is then empty but for the judge's own note on a signal.
   */
  redirectStderrToStdout?: boolean;
  /** Ask the runtime not to buffer stdout (Python's `-u`), so the output streams as the program writes it. */
  unbuffered?: boolean;
  /**
   * Raw output as it arrives, besides the text log (a harness reads its results from here); a promise it
   * returns holds that stream until it settles (see `RunRequest.onOutput`).
   */
  onOutput?: (stream: OutputStream, chunk: Uint8Array) => void | Promise<void>;
}

export type RunOutcome =
  | { compileError: true; compileOutput: string }
  | {
      compileError: false;
      report: UsableReport;
      stdout: string;
      stderr: string;
      /** How the run ended, before any output is compared. */
      verdict: Verdict;
    };

const decoder = new TextDecoder();

/** A prepared run of a program: the sandbox request, and how its report becomes an outcome. */
export interface ProgramRun {
  request: RunRequest;
  /** Reads the sandbox's report (after `usable`) into the outcome; call once, when the run has ended. */
  finish(report: UsableReport): RunOutcome;
}

/** Prepares a run without starting it (an interactive case starts it together with its validator). */
export function programRun(program: CompiledProgram, options: RunOptions): ProgramRun {
  const { recipe } = program;
  const marker = recipe.compileErrorMarker;
  const onLog = options.onLog ?? (() => undefined);
  const redirect = options.redirectStderrToStdout === true;
  // Redirected, the compile-error marker arrives on stdout: the router checks that stream instead.
  const router = markerRouter(
    marker,
    redirect ? (stream, text) => onLog(stream === 'stderr' ? 'stdout' : stream, text) : onLog,
  );
  const runLog = streamDecoder(redirect ? (_stream, text) => router('stderr', text) : router);
  const context = { memoryMb: options.limits.memoryMb, unbuffered: options.unbuffered === true };
  const command = [...recipe.run(program.sources, context), ...(options.args ?? [])];
  const env = { ...recipe.runEnv?.(context), ...options.env };
  const request: RunRequest = {
    argv: redirect ? ['/bin/sh', '-c', 'exec "$@" 2>&1', 'sh', ...command] : command,
    files: options.workFiles === undefined ? program.files : { ...program.files, ...options.workFiles },
    ...(options.channel ? { channel: options.channel } : { stdin: options.stdin ?? '' }),
    ...(Object.keys(env).length === 0 ? {} : { env }),
    limits: runStepLimits(options.limits, recipe.runPids),
    onOutput: (stream, chunk) => {
      const wait = options.onOutput?.(stream, chunk);
      runLog.push(stream, chunk);
      return wait;
    },
    signal: options.signal,
  };
  const finish = (report: UsableReport): RunOutcome => {
    runLog.end();
    const stdout = decoder.decode(report.stdout);
    let stderr = decoder.decode(report.stderr);
    const errors = redirect ? stdout : stderr;
    if (marker !== undefined && errors.startsWith(marker)) {
      return { compileError: true, compileOutput: errors.slice(marker.length) };
    }
    let verdict = verdictOfRun(report.status, report.exitCode);
    // Runtimes that cap their own heap report running out of it instead of being OOM-killed.
    if (verdict === 'RUNTIME_ERROR') verdict = recipe.classify?.({ stdout, stderr: errors }) ?? verdict;
    if (report.status === 'signaled' && report.signal !== null && stderr.length === 0) {
      stderr = `Program was killed by ${report.signal}`;
    }
    return { compileError: false, report, stdout, stderr, verdict };
  };
  return { request, finish };
}

export async function runProgram(
  program: CompiledProgram,
  sandbox: Sandbox,
  options: RunOptions,
): Promise<RunOutcome> {
  const run = programRun(program, options);
  const start = preciseNow();
  const report = usable(await sandbox.run(run.request), 'run');
  options.onStep?.({ step: 'run', start, end: preciseNow(), programMs: report.wallMs, cached: false });
  return run.finish(report);
}
