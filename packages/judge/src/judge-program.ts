/**
 * Judges one program on one input (the playground and stdio jobs): prepare the source,
 * compile it in the sandbox if the language needs it, run it, and turn what happened
 * into a verdict. Verdicts are values; only platform faults throw (`InfrastructureError`).
 */
import type { EffectiveLimits, LanguageId, LogStream, Verdict } from '@arbiter/contracts';
import type { OutputStream, RunReport, Sandbox } from '@arbiter/sandbox';
import { sameTokens } from './compare-output.js';
import { JAVA_OOM, RECIPES } from './languages/index.js';
import { COMPILE_STEP_LIMITS, runStepLimits } from './run-limits.js';
import { InfrastructureError, verdictOfRun } from './verdict.js';

export interface ProgramJob {
  language: LanguageId;
  code: string;
  stdin: string;
  /** When given, the output must match it token by token for `ACCEPTED`. */
  expectedOutput?: string | undefined;
  limits: EffectiveLimits;
}

export interface JudgeHooks {
  /** Output as it happens: compiler messages, then the program's stdout and stderr. */
  onLog?: (stream: LogStream, chunk: string) => void;
  /** Aborting stops the current step; the judge then throws `AbortError`. */
  signal?: AbortSignal;
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

const decoder = new TextDecoder();

export async function judgeProgram(
  job: ProgramJob,
  sandbox: Sandbox,
  hooks: JudgeHooks = {},
): Promise<ProgramOutcome> {
  const recipe = RECIPES[job.language];
  const onLog = hooks.onLog ?? (() => undefined);

  const prepared = await recipe.prepare(job.code);
  if (!prepared.ok) {
    onLog('compile', prepared.compileOutput);
    return compileError(prepared.compileOutput);
  }

  let runFiles: Record<string, string | Uint8Array> = prepared.files;
  let compileOutput = '';
  if (recipe.compile) {
    const compileLog = streamDecoder((_stream, text) => onLog('compile', text));
    const report = checked(
      await sandbox.run({
        argv: recipe.compile.argv(prepared.files),
        files: prepared.files,
        collect: recipe.compile.collect,
        limits: COMPILE_STEP_LIMITS,
        onOutput: compileLog.push,
        signal: hooks.signal,
      }),
      'compile',
    );
    compileLog.end();
    compileOutput = decoder.decode(report.stdout) + decoder.decode(report.stderr);
    if (report.status !== 'exited' || report.exitCode !== 0) {
      if (report.status === 'cpu_limit' || report.status === 'wall_limit') {
        compileOutput += '\nCompilation took too long and was stopped.';
      } else if (report.status === 'memory_limit') {
        compileOutput += '\nCompilation ran out of memory and was stopped.';
      }
      return compileError(compileOutput);
    }
    runFiles = report.files;
  }

  const marker = recipe.compileErrorMarker;
  const router = markerRouter(marker, onLog);
  const runLog = streamDecoder(router.push);
  const report = checked(
    await sandbox.run({
      argv: recipe.run(prepared.files, { memoryMb: job.limits.memoryMb }),
      files: runFiles,
      stdin: job.stdin,
      limits: runStepLimits(job.limits),
      onOutput: runLog.push,
      signal: hooks.signal,
    }),
    'run',
  );
  runLog.end();

  const stdout = decoder.decode(report.stdout);
  let stderr = decoder.decode(report.stderr);
  if (marker !== undefined && stderr.startsWith(marker)) {
    return compileError(stderr.slice(marker.length));
  }

  let verdict = verdictOfRun(report.status, report.exitCode);
  if (verdict === 'RUNTIME_ERROR' && ranOutOfHeap(stdout, stderr)) verdict = 'MEMORY_LIMIT_EXCEEDED';
  if (verdict === 'ACCEPTED' && job.expectedOutput !== undefined && !sameTokens(stdout, job.expectedOutput)) {
    verdict = 'WRONG_ANSWER';
  }
  if (report.status === 'signaled' && report.signal !== null && stderr.length === 0) {
    stderr = `Program was killed by ${report.signal}`;
  }
  return {
    verdict,
    stdout,
    stderr,
    compileOutput,
    exitCode: report.exitCode,
    signal: report.signal,
    timeMs: report.cpuMs,
    wallTimeMs: report.wallMs,
    memoryKb: report.memoryKb,
  };
}

/** Runtimes that cap their own heap report running out of it instead of being OOM-killed. */
function ranOutOfHeap(stdout: string, stderr: string): boolean {
  return (
    stderr.includes(JAVA_OOM) ||
    // The JVM's -XX:+ExitOnOutOfMemoryError notice goes to stdout.
    stdout.slice(-200).includes(JAVA_OOM) ||
    /^MemoryError\b/m.test(stderr) ||
    stderr.includes('JavaScript heap out of memory') ||
    stderr.includes('std::bad_alloc')
  );
}

function checked(
  report: RunReport,
  step: string,
): RunReport & { status: Exclude<RunReport['status'], 'internal_error' | 'aborted'> } {
  if (report.status === 'aborted') {
    throw new DOMException(`${step} step aborted`, 'AbortError');
  }
  if (report.status === 'internal_error') {
    throw new InfrastructureError(`sandbox failed in the ${step} step: ${report.error ?? 'unknown error'}`);
  }
  return report as RunReport & { status: Exclude<RunReport['status'], 'internal_error' | 'aborted'> };
}

function compileError(compileOutput: string): ProgramOutcome {
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

/** Decodes each stream's bytes to text without splitting multi-byte characters across chunks. */
function streamDecoder(emit: (stream: OutputStream, text: string) => void) {
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  return {
    push: (stream: OutputStream, chunk: Uint8Array) => {
      const text = decoders[stream].decode(chunk, { stream: true });
      if (text.length > 0) emit(stream, text);
    },
    end: () => {
      for (const stream of ['stdout', 'stderr'] as const) {
        const text = decoders[stream].decode();
        if (text.length > 0) emit(stream, text);
      }
    },
  };
}

/**
 * Sends stderr to the `compile` log when it starts with the compile-error marker (a
 * language that checks and runs in one process), else passes output through unchanged.
 */
function markerRouter(marker: string | undefined, onLog: (stream: LogStream, chunk: string) => void) {
  let pending = '';
  let decided = marker === undefined;
  let toCompile = false;
  return {
    push(stream: OutputStream, text: string) {
      if (stream === 'stdout' || decided) {
        onLog(stream === 'stderr' && toCompile ? 'compile' : stream, text);
        return;
      }
      pending += text;
      const expected = marker ?? '';
      if (pending.length < expected.length && expected.startsWith(pending)) return;
      decided = true;
      toCompile = pending.startsWith(expected);
      const rest = toCompile ? pending.slice(expected.length) : pending;
      pending = '';
      if (rest.length > 0) onLog(toCompile ? 'compile' : 'stderr', rest);
    },
  };
}
