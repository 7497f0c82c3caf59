/**
 * Judges one program on one input (the playground and stdio jobs): compile it if the
 * language needs it, run it, and turn what happened into a verdict. Verdicts are values;
 * only platform faults throw (`InfrastructureError`, or `AbortError` when aborted).
 */
import type { EffectiveLimits, LanguageId, LogStream, Verdict } from '@arbiter/contracts';
import type { Sandbox } from '@arbiter/sandbox';
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
  const compiled = await compileProgram(job.language, job.code, sandbox, hooks, context);
  if (!compiled.ok) return compileError(compiled.compileOutput);

  const run = await runProgram(compiled.program, sandbox, {
    ...hooks,
    stdin: job.stdin,
    limits: job.limits,
    args: job.args ?? [],
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
  return {
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
