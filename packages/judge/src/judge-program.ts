/**
 * Judges one program on one input (the playground and stdio jobs): compile it if the
 * language needs it, run it, and turn what happened into a verdict. Verdicts are values;
 * only platform faults throw (`InfrastructureError`, or `AbortError` when aborted).
 */
import type { EffectiveLimits, LanguageId, LogStream, Verdict } from '@arbiter/contracts';
import type { RunChannel, Sandbox } from '@arbiter/sandbox';
import { sameTokens } from './compare-output.js';
import { compileProgram, type CompileContext, type StepHooks } from './compile-step.js';
import { runProgram } from './run-step.js';

export interface ProgramJob {
  language: LanguageId;
  code: string;
  stdin: string;
  /** When given, the output must match it token by token for `ACCEPTED`. */
  expectedOutput?: string | undefined;
  limits: EffectiveLimits;
  /** Arguments after the program's name (argv[1…]); none by default. */
  args?: readonly string[] | undefined;
  /** Extra files beside the entry file, by relative path. */
  files?: Record<string, string | Uint8Array> | undefined;
  /** Compiler flags from the language's allow-list. */
  compilerOptions?: readonly string[] | undefined;
  /** Fold stderr into stdout. */
  redirectStderrToStdout?: boolean | undefined;
  /**
   * Runs of the compiled program (default 1), as Judge0 makes them: stop after the first run that
   * is not accepted; time is the average over the runs made, memory the peak; output the last run's.
   * Only the first run's output is streamed to the log.
   */
  runs?: number | undefined;
  /**
   * An interactive run: the program's stdin is this conversation instead of `stdin` (what the caller
   * writes reaches it while it runs); one run only, and Python's output is unbuffered.
   */
  channel?: RunChannel | undefined;
}

export interface JudgeHooks {
  /** Output as it happens: compiler messages, then the program's stdout and stderr. */
  onLog?: (stream: LogStream, chunk: string) => void;
  /** Aborting stops the current step; the judge then throws `AbortError`. */
  signal?: AbortSignal;
  /** Called after each compile or run step, with when it ran. */
  onStep?: StepHooks['onStep'];
}

export interface ProgramOutcome {
  verdict: Verdict;
  stdout: string;
  stderr: string;
  compileOutput: string;
  exitCode: number | null;
  signal: string | null;
  /** CPU time of the run step, in ms (null when it never ran). */
  timeMs: number | null;
  /** Wall time of the run step, in ms. */
  wallTimeMs: number | null;
  /** Peak memory of the run step, in KiB. */
  memoryKb: number | null;
}

export async function judgeProgram(
  job: ProgramJob,
  sandbox: Sandbox,
  hooks: JudgeHooks = {},
  context: CompileContext = {},
): Promise<ProgramOutcome> {
  const compiled = await compileProgram(job.language, job.code, sandbox, hooks, context, {
    ...(job.files === undefined ? {} : { files: job.files }),
    ...(job.compilerOptions === undefined ? {} : { flags: job.compilerOptions }),
  });
  if (!compiled.ok) return compileError(compiled.compileOutput);

  const runs = job.channel === undefined ? Math.max(1, job.runs ?? 1) : 1;
  const times: { cpu: number; wall: number; memory: number }[] = [];
  let outcome: ProgramOutcome | null = null;
  for (let i = 0; i < runs; i += 1) {
    const run = await runProgram(compiled.program, sandbox, {
      ...hooks,
      ...(i > 0 ? { onLog: undefined } : {}),
      ...(job.channel === undefined
        ? { stdin: job.stdin }
        : { channel: job.channel, env: { PYTHONUNBUFFERED: '1' } }),
      limits: job.limits,
      args: job.args ?? [],
      redirectStderrToStdout: job.redirectStderrToStdout === true,
      // A free run's output is streamed to whoever watches it: written as it comes, not at exit.
      unbuffered: true,
    });
    if (run.compileError) return compileError(run.compileOutput);

    let verdict = run.verdict;
    if (
      verdict === 'ACCEPTED' &&
      job.expectedOutput !== undefined &&
      !sameTokens(run.stdout, job.expectedOutput)
    ) {
      verdict = 'WRONG_ANSWER';
    }
    times.push({ cpu: run.report.cpuMs, wall: run.report.wallMs, memory: run.report.memoryKb });
    outcome = {
      verdict,
      stdout: run.stdout,
      stderr: run.stderr,
      compileOutput: compiled.program.compileOutput,
      exitCode: run.report.exitCode,
      signal: run.report.signal,
      timeMs: run.report.cpuMs,
      wallTimeMs: run.report.wallMs,
      memoryKb: run.report.memoryKb,
    };
    if (verdict !== 'ACCEPTED') break;
  }
  if (outcome === null) throw new Error('unreachable: at least one run');
  if (times.length === 1) return outcome;
  const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    ...outcome,
    timeMs: average(times.map((t) => t.cpu)),
    wallTimeMs: average(times.map((t) => t.wall)),
    memoryKb: Math.max(...times.map((t) => t.memory)),
  };
}

export function compileError(compileOutput: string): ProgramOutcome {
  return {
    verdict: 'COMPILE_ERROR',
    stdout: '',
    stderr: '',
    compileOutput,
    exitCode: null,
    signal: null,
    timeMs: null,
    wallTimeMs: null,
    memoryKb: null,
  };
}
