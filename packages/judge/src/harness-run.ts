/**
 * Runs a compiled harness program once over a list of tests (one process for all of them), talking to it
 * on its channel (see `harness-conversation.ts`): hands each record to the caller as it arrives (the
 * caller may stop the run there), and keeps the user's prints, attributed to the test that was running
 * when they were printed.
 */
import type { EffectiveLimits } from '@arbiter/contracts';
import { COMPILE_RECORD_LANGUAGES } from '@arbiter/problems';
import type { Sandbox } from '@arbiter/sandbox';
import type { CompiledProgram, StepHooks } from './compile-step.js';
import { HarnessConversation, type HarnessRecord, type ProtocolBreach } from './harness-conversation.js';
import { eitherSignal, stoppableSandbox } from './harness-stoppable.js';
import { COMPILE_STEP_LIMITS } from './run-limits.js';
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
      /** Records of consecutive tests from 0, each taken in its turn. */
      records: HarnessRecord[];
      /** True when `onRecord` stopped the run. */
      stopped: boolean;
      /** Set when the run was ended for breaking the protocol (the next test is the one it broke). */
      breach: ProtocolBreach | null;
    };

export async function runHarness(
  program: CompiledProgram,
  argsPerTest: unknown[][],
  sandbox: Sandbox,
  options: HarnessRunOptions,
): Promise<HarnessRun> {
  const stop = new AbortController();
  const conversation = new HarnessConversation({
    tests: argsPerTest,
    allowCompile: COMPILE_RECORD_LANGUAGES.has(program.language),
    maxLineBytes: options.limits.outputBytes,
    maxCompileBytes: COMPILE_STEP_LIMITS.outputBytes,
    onRecord: options.onRecord,
    stop: () => stop.abort(),
  });
  const stdoutText = new TextDecoder();
  const stderrText = new TextDecoder();

  const run = await runProgram(program, stoppableSandbox(sandbox, stop.signal, options.signal), {
    channel: {
      open: (port) => conversation.open(port),
      // A turn of the event loop later, so the prints the harness flushed before its answer (on stdout,
      // another pipe, readable at the same moment) are counted to the test first. The numbers were read
      // on arrival; the harness waits for the next test meanwhile.
      data: (chunk, usage) => {
        const copy = Uint8Array.from(chunk);
        setImmediate(() => conversation.data(copy, usage));
      },
    },
    limits: options.limits,
    signal: eitherSignal(stop.signal, options.signal),
    onStep: options.onStep,
    onOutput: (stream, chunk) => {
      if (stream === 'stdout') {
        const text = stdoutText.decode(chunk, { stream: true });
        if (text.length > 0) options.onStdout?.(text, conversation.records.length);
      } else {
        const text = stderrText.decode(chunk, { stream: true });
        if (text.length > 0) options.onStderr?.(text);
      }
    },
  });
  // Lines that arrived with the end of the run.
  await new Promise((resolve) => setImmediate(resolve));
  const tail = stdoutText.decode();
  if (tail.length > 0) options.onStdout?.(tail, conversation.records.length);
  if (run.compileError) return { compileError: run.compileOutput };
  if (conversation.compileError !== null) return { compileError: conversation.compileError };
  return {
    compileError: null,
    run,
    records: conversation.records,
    stopped: conversation.stopped,
    breach: conversation.breach,
  };
}
