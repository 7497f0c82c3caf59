/**
 * One test case of an interactive problem, as the ICPC problem package specification runs it: the output
 * validator is the interactor, started as `validator judge/testdata.in judge/testdata.ans feedback/ [flags]`,
 * its stdout going to the submission's stdin and the submission's stdout to its stdin. Both are untrusted
 * and each runs in a sandbox of its own (its own cell, uid, cgroup and limits), started together; their fd 0
 * is each a channel socket of the sandbox and the worker relays each one's stdout into the other's channel,
 * so neither ever holds a descriptor of the other. The relay holds back like a pipe: while a channel has
 * more unread than its high-water mark, the writer's stdout is not read, so a program that writes without
 * reading the answers blocks in write(2) (and its time limit ends it). As with pipes, each side reads end
 * of file once the other has closed its stdout (all of its processes did), whether it then goes on
 * running or not. The verdict follows problemtools' `verifyproblem`.
 */
import { preciseNow, type EffectiveLimits, type Verdict } from '@arbiter/contracts';
import type { ChannelPort, RunChannel, RunLimits, RunReport, Sandbox } from '@arbiter/sandbox';
import { usable, type CompiledProgram, type StepHooks } from './compile-step.js';
import {
  readValidation,
  VALIDATOR_LIMITS,
  validatorRunRequest,
  type CompiledValidator,
  type Validation,
  type ValidatorCase,
} from './output-validator.js';
import { programRun, type RunOutcome } from './run-step.js';

/** Bytes the interactor may write to the submission in one case (its stdout cap). */
export const INTERACTOR_OUTPUT_BYTES = 64 * 1024 * 1024;
/** Wall time the interactor has beyond the submission's wall limit (to see end of file and exit). */
export const INTERACTOR_GRACE_MS = 10_000;

export type InteractiveOutcome = { compileError: true; compileOutput: string } | InteractiveVerdict;

export interface InteractiveVerdict {
  compileError: false;
  verdict: Verdict;
  /** The submission's run (its report, what it wrote and its stderr). */
  run: Extract<RunOutcome, { compileError: false }>;
  validation: Validation;
  /** The validator ended before the submission. */
  validatorFirst: boolean;
}

/** Bytes written to a side before its program starts beyond which the writer is held. */
const PENDING_HIGH_WATER = 64 * 1024;

/**
 * One side's channel, held until its run opens it: what is written before the program starts waits, and
 * an end of file or kill asked for early is done on opening. Nothing is done once that side has ended or
 * finished. `write` returns a promise when the writer must wait for room (see `ChannelPort.write`); every
 * such promise resolves once the channel has room again, or the side has ended or finished.
 */
class ChannelSide implements RunChannel {
  private port: ChannelPort | undefined;
  private readonly pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private ended = false;
  private killed = false;
  private finished = false;
  private readonly waiters = new Set<() => void>();

  open(port: ChannelPort): void {
    this.port = port;
    let room = true;
    for (const chunk of this.pending.splice(0)) room = port.write(chunk);
    this.pendingBytes = 0;
    if (this.killed) port.kill();
    else if (this.ended) port.end();
    if (this.waiters.size > 0) {
      if (room) this.wake();
      else port.onDrain(() => this.wake());
    }
  }

  /** What a program writes to its own fd 0 goes nowhere: its output is its stdout. */
  data(): void {}

  /** Relays a chunk; a promise: the writer waits for it before more is read of its output. */
  write(chunk: Uint8Array): Promise<void> | undefined {
    if (this.finished || this.ended) return undefined;
    if (this.port === undefined) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      return this.pendingBytes > PENDING_HIGH_WATER ? this.room() : undefined;
    }
    if (this.port.write(chunk)) return undefined;
    const room = this.room();
    this.port.onDrain(() => this.wake());
    return room;
  }

  end(): void {
    if (this.finished || this.ended) return;
    this.ended = true;
    this.port?.end();
    this.wake();
  }

  kill(): void {
    if (this.finished || this.killed) return;
    this.killed = true;
    this.port?.kill();
  }

  /** The side's run has ended: what is written to it from now on is dropped, and no writer waits. */
  finish(): void {
    this.finished = true;
    this.wake();
  }

  private room(): Promise<void> {
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  private wake(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiters) waiter();
  }
}

/**
 * The interactor's limits: the validator's, a wall clock past the submission's, room to talk, and CPU time
 * for as long as that wall clock (its work is driven by the submission: one that floods it with queries
 * must not make it fail before the submission's own limits do).
 */
export function interactorLimits(submissionWallMs: number): RunLimits {
  return {
    ...VALIDATOR_LIMITS,
    cpuMs: Math.max(VALIDATOR_LIMITS.cpuMs, submissionWallMs + INTERACTOR_GRACE_MS),
    wallMs: submissionWallMs + INTERACTOR_GRACE_MS,
    outputBytes: INTERACTOR_OUTPUT_BYTES,
  };
}

/**
 * Runs the submission against the interactor on one case. Verdict (problemtools): a validator that did not
 * end with 42 or 43 is a judge error; a 43 from a validator that ended first is a wrong answer whatever the
 * submission then did; else the submission's time limit, then its crash (or memory / output limit), then
 * the validator's verdict.
 */
export async function runInteractiveCase(
  program: CompiledProgram,
  validator: CompiledValidator,
  sandbox: Sandbox,
  options: ValidatorCase & {
    limits: EffectiveLimits;
    onStep?: StepHooks['onStep'];
    /** The submission's command-line arguments (the case's `args`). */
    args?: readonly string[];
    /** Files for the submission's working directory (the case's `X.files`); the interactor gets none. */
    workFiles?: Readonly<Record<string, Uint8Array>>;
  },
): Promise<InteractiveOutcome> {
  const toSubmission = new ChannelSide();
  const toValidator = new ChannelSide();
  const submission = programRun(program, {
    channel: toSubmission,
    limits: options.limits,
    args: options.args ?? [],
    ...(options.workFiles === undefined ? {} : { workFiles: options.workFiles }),
    signal: options.signal,
    onOutput: (stream, chunk) => (stream === 'stdout' ? toValidator.write(chunk) : undefined),
  });
  const interactor = validatorRunRequest(
    validator,
    options,
    { channel: toValidator },
    interactorLimits(submission.request.limits.wallMs),
  );
  interactor.onOutput = (stream, chunk) => (stream === 'stdout' ? toSubmission.write(chunk) : undefined);
  // A side that closed its stdout (every process of it did, as with a pipe) has said all it will say: the
  // other reads end of file after the rest, even while the first goes on running (and reads the answer).
  submission.request.onOutputEnd = (stream) => {
    if (stream === 'stdout') toValidator.end();
  };
  interactor.onOutputEnd = (stream) => {
    if (stream === 'stdout') toSubmission.end();
  };

  let first: 'submission' | 'validator' | undefined;
  const start = preciseNow();
  const [subReport, valReport] = await sandbox.runGroup([submission.request, interactor], (index, report) => {
    first ??= index === 0 ? 'submission' : 'validator';
    if (index === 0) {
      // The submission is gone: the interactor reads end of file (its output to it is dropped, never SIGPIPE).
      toSubmission.finish();
      toValidator.end();
      return;
    }
    toValidator.finish();
    toSubmission.end();
    // Once the validator has rejected (or failed), nothing the submission does changes the verdict.
    if (!(report.status === 'exited' && report.exitCode === 42)) toSubmission.kill();
  });
  const subUsable = usable(subReport as RunReport, 'run');
  options.onStep?.({ step: 'run', start, end: preciseNow(), programMs: subUsable.wallMs, cached: false });
  const valUsable = usable(valReport as RunReport, 'interactor');
  const run = submission.finish(subUsable);
  // A language that compiles as it starts (Python's syntax check) reports a compile error here.
  if (run.compileError) return run;
  const validation = readValidation(valUsable, 'interactive validator', options.keepFeedback);
  const validatorFirst = first === 'validator';
  const verdict = interactiveVerdict({
    validation: validation.verdict,
    validatorStatus: valUsable.status,
    validatorFirst,
    submission: run.verdict,
  });
  return { compileError: false, verdict, run, validation, validatorFirst };
}

/**
 * The case's verdict from both sides' ends (problemtools' order): a validator that did not end with 42 or
 * 43 is a judge error, except one stopped by its time limits after the submission ran out of time. The
 * relay holds back like a pipe, yet the pipes and sockets between them hold a few hundred KiB, several
 * times a pipe's buffer: a submission that floods queries without reading leaves that backlog, which a
 * slow interactor (DOMjudge's boolfind sleeps 0.1 ms a query) may need more than its grace to read, so
 * the submission's time limit stands. Then a 43 from a validator that ended first; the submission's time
 * limit, crash or limit; else the validator's verdict.
 */
export function interactiveVerdict(ends: {
  validation: Verdict;
  validatorStatus: RunReport['status'];
  validatorFirst: boolean;
  submission: Verdict;
}): Verdict {
  const { validation, validatorFirst, submission } = ends;
  if (validation === 'INTERNAL_ERROR') {
    const timedOut = ends.validatorStatus === 'wall_limit' || ends.validatorStatus === 'cpu_limit';
    const outwaited = timedOut && !validatorFirst;
    return outwaited && submission === 'TIME_LIMIT_EXCEEDED' ? submission : 'INTERNAL_ERROR';
  }
  if (validation === 'WRONG_ANSWER' && validatorFirst) return 'WRONG_ANSWER';
  if (submission !== 'ACCEPTED') return submission;
  return validation;
}
