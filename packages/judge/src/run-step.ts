/** Runs a compiled program once in the sandbox, streaming its output, and classifies how it ended. */
import { preciseNow, type EffectiveLimits, type Verdict } from '@arbiter/contracts';
import type { OutputStream, Sandbox } from '@arbiter/sandbox';
import { usable, type CompiledProgram, type StepHooks, type UsableReport } from './compile-step.js';
import { JAVA_OOM } from './languages/index.js';
import { runStepLimits } from './run-limits.js';
import { markerRouter, streamDecoder } from './stream-text.js';
import { verdictOfRun } from './verdict.js';

export interface RunOptions extends StepHooks {
  stdin: string;
  limits: EffectiveLimits;
  /** Arguments passed to the program after its own argv (each one argv entry, no shell). */
  args?: readonly string[];
  /** Raw output as it arrives, besides the text log (a harness reads its results from here). */
  onOutput?: (stream: OutputStream, chunk: Uint8Array) => void;
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

export async function runProgram(
  program: CompiledProgram,
  sandbox: Sandbox,
  options: RunOptions,
): Promise<RunOutcome> {
  const { recipe } = program;
  const marker = recipe.compileErrorMarker;
  const runLog = streamDecoder(markerRouter(marker, options.onLog ?? (() => undefined)));
  const start = preciseNow();
  const report = usable(
    await sandbox.run({
      argv: [...recipe.run(program.sources, { memoryMb: options.limits.memoryMb }), ...(options.args ?? [])],
      files: program.files,
      stdin: options.stdin,
      limits: runStepLimits(options.limits),
      onOutput: (stream, chunk) => {
        options.onOutput?.(stream, chunk);
        runLog.push(stream, chunk);
      },
      signal: options.signal,
    }),
    'run',
  );
  options.onStep?.({ step: 'run', start, end: preciseNow(), programMs: report.wallMs, cached: false });
  runLog.end();

  const stdout = decoder.decode(report.stdout);
  let stderr = decoder.decode(report.stderr);
  if (marker !== undefined && stderr.startsWith(marker)) {
    return { compileError: true, compileOutput: stderr.slice(marker.length) };
  }
  let verdict = verdictOfRun(report.status, report.exitCode);
  if (verdict === 'RUNTIME_ERROR' && ranOutOfHeap(stdout, stderr)) verdict = 'MEMORY_LIMIT_EXCEEDED';
  if (report.status === 'signaled' && report.signal !== null && stderr.length === 0) {
    stderr = `Program was killed by ${report.signal}`;
  }
  return { compileError: false, report, stdout, stderr, verdict };
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
