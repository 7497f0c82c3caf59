/**
 * Runs a compiled harness program once over a list of tests (one process for all of them):
 * feeds the nonce and the arguments, hands each record to the caller as it arrives (the caller
 * may stop the run there), and keeps the user's prints apart, attributed to the test that was
 * running when they were printed.
 */
import { randomBytes } from 'node:crypto';
import type { EffectiveLimits } from '@arbiter/contracts';
import { harnessStdin, recordMessage, type HarnessRecord } from '@arbiter/problems';
import type { Sandbox } from '@arbiter/sandbox';
import type { CompiledProgram, StepHooks } from './compile-step.js';
import { HarnessOutputParser } from './harness-output.js';
import { eitherSignal, stoppableSandbox } from './harness-stoppable.js';
import { runProgram, type RunOutcome } from './run-step.js';

export interface HarnessRunOptions {
  limits: EffectiveLimits;
  /** Aborting from outside ends the run with `AbortError`. */
  signal?: AbortSignal;
  /** When the run step ran (see `StepHooks.onStep`). */
  onStep?: StepHooks['onStep'];
  /** Each test's record, in order; return `'stop'` to end the run there (a normal end). */
  onRecord?: (record: HarnessRecord) => 'stop' | undefined;
  /** The user's prints on stdout as they arrive, with the index of the test that was running. */
  onStdout?: (text: string, test: number) => void;
  onStderr?: (text: string) => void;
}

export type FinishedRun = Extract<RunOutcome, { compileError: false }>;

export type HarnessRun =
  | { compileError: string }
  | {
      compileError: null;
      run: FinishedRun;
      /** Records of consecutive tests from 0 (out-of-order or malformed lines are dropped). */
      records: HarnessRecord[];
      /** True when `onRecord` stopped the run. */
      stopped: boolean;
    };

export async function runHarness(
  program: CompiledProgram,
  argsPerTest: unknown[][],
  sandbox: Sandbox,
  options: HarnessRunOptions,
): Promise<HarnessRun> {
  const nonce = randomBytes(16).toString('hex');
  const stop = new AbortController();
  const records: HarnessRecord[] = [];
  // Set from inside the parser's callbacks.
  const found: { compileError: string | null } = { compileError: null };
  const parser = new HarnessOutputParser(nonce, {
    text(text) {
      // Prints before a test's record are that test's; after the last record, the next test's.
      options.onStdout?.(text, records.length);
    },
    record(record) {
      if (record === null || stop.signal.aborted) return;
      if (record.status === 'compile') {
        found.compileError = recordMessage(record);
        return;
      }
      if (record.index !== records.length) return;
      records.push(record);
      if (options.onRecord?.(record) === 'stop') stop.abort();
    },
  });
  const stdoutText = new TextDecoder();
  const stderrText = new TextDecoder();

  const run = await runProgram(program, stoppableSandbox(sandbox, stop.signal, options.signal), {
    stdin: harnessStdin(nonce, argsPerTest),
    limits: options.limits,
    signal: eitherSignal(stop.signal, options.signal),
    onStep: options.onStep,
    onOutput: (stream, chunk) => {
      if (stream === 'stdout') {
        parser.push(stdoutText.decode(chunk, { stream: true }));
      } else {
        const text = stderrText.decode(chunk, { stream: true });
        if (text.length > 0) options.onStderr?.(text);
      }
    },
  });
  parser.push(stdoutText.decode());
  parser.end();
  if (run.compileError) return { compileError: run.compileOutput };
  if (found.compileError !== null) return { compileError: found.compileError };
  return { compileError: null, run, records, stopped: stop.signal.aborted };
}
