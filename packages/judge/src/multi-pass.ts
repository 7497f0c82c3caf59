/**
 * Multi-pass problems, as the ICPC problem package specification runs them: the submission is run on the
 * case's input and its output validated (or, when also interactive, played against the validator); when the
 * validator accepts and has written `nextpass.in` to its feedback folder, the submission runs again from
 * scratch with that file as its input, and the validator again with it as `input_file`, the same answer
 * file and the feedback folder as the last pass left it (less `nextpass.in`), up to
 * `limits.validation_passes` passes. The time and memory limits apply to each pass. A validator that asks
 * for a pass beyond the last, or writes `nextpass.in` and rejects, is a judge error; so is a `nextpass.in`
 * or feedback folder over its cap (validator-written bytes that cross into the next runs).
 */
import { clipText, MAX_TEST_TEXT_BYTES, type Verdict } from '@arbiter/contracts';
import type { Validation } from './output-validator.js';
import type { RunOutcome } from './run-step.js';

/** Bytes a validator's `nextpass.in` may hold (it becomes the next pass's stdin). */
export const NEXTPASS_MAX_BYTES = 16 * 1024 * 1024;
/** Bytes the feedback folder may carry from one pass to the next, every file together. */
export const FEEDBACK_CARRY_MAX_BYTES = 32 * 1024 * 1024;

const NEXTPASS = 'nextpass.in';

type RunDone = Extract<RunOutcome, { compileError: false }>;

/** One pass judged: the submission's run, the verdict, and the validator's findings when it ran. */
export interface PassResult {
  run: RunDone;
  verdict: Verdict;
  validation?: Validation;
}

/** The pass that decided the case, with what every pass cost. */
export interface MultiPassResult extends PassResult {
  /** How many passes ran. */
  passes: number;
  /** The most CPU time one pass took (the limit is per pass), ms. */
  maxCpuMs: number;
  /** Every pass's CPU and wall time together, ms. */
  cpuMs: number;
  wallMs: number;
  /** The most memory one pass used, KiB. */
  memoryKb: number;
}

function judgeError(result: PassResult, validation: Validation, reason: string): PassResult {
  return {
    ...result,
    verdict: 'INTERNAL_ERROR',
    validation: {
      ...validation,
      verdict: 'INTERNAL_ERROR',
      judgeMessage: clipText(
        [`Judge error: ${reason}`, validation.judgeMessage].filter(Boolean).join('\n'),
        MAX_TEST_TEXT_BYTES,
      ),
    },
  };
}

/**
 * Runs the passes of one case. `pass` judges one pass on `input` with the feedback folder's files of the
 * pass before (none on the first); it must ask the validator to keep its feedback folder.
 */
export async function runPasses(
  maxPasses: number,
  firstInput: Uint8Array,
  pass: (input: Uint8Array, feedback: Record<string, Uint8Array>, number: number) => Promise<PassResult>,
): Promise<MultiPassResult> {
  let input = firstInput;
  let feedback: Record<string, Uint8Array> = {};
  const totals = { maxCpuMs: 0, cpuMs: 0, wallMs: 0, memoryKb: 0 };
  const done = (result: PassResult, passes: number): MultiPassResult => {
    const judgeMessage = result.validation?.judgeMessage;
    const validation =
      result.validation === undefined || passes === 1
        ? result.validation
        : {
            ...result.validation,
            // Which pass decided, for the judges (the folder's judgemessage.txt may span every pass).
            judgeMessage: clipText(
              [`Pass ${passes} of at most ${maxPasses}.`, judgeMessage].filter(Boolean).join('\n'),
              MAX_TEST_TEXT_BYTES,
            ),
          };
    return {
      ...result,
      ...(validation === undefined ? {} : { validation }),
      passes,
      ...totals,
    };
  };
  for (let number = 1; ; number++) {
    const result = await pass(input, feedback, number);
    const report = result.run.report;
    totals.maxCpuMs = Math.max(totals.maxCpuMs, report.cpuMs);
    totals.cpuMs += report.cpuMs;
    totals.wallMs += report.wallMs;
    totals.memoryKb = Math.max(totals.memoryKb, report.memoryKb);
    const validation = result.validation;
    const next = validation?.feedback?.[NEXTPASS];
    if (validation === undefined || next === undefined) return done(result, number);
    if (validation.verdict === 'WRONG_ANSWER') {
      return done(judgeError(result, validation, `the validator wrote ${NEXTPASS} and rejected.`), number);
    }
    if (result.verdict !== 'ACCEPTED') return done(result, number);
    if (number >= maxPasses) {
      return done(
        judgeError(
          result,
          validation,
          `the validator wrote ${NEXTPASS} on pass ${number}, the last that limits.validation_passes allows.`,
        ),
        number,
      );
    }
    if (next.length > NEXTPASS_MAX_BYTES) {
      return done(
        judgeError(
          result,
          validation,
          `${NEXTPASS} holds ${next.length} bytes (at most ${NEXTPASS_MAX_BYTES}).`,
        ),
        number,
      );
    }
    const carried = Object.fromEntries(
      Object.entries(validation.feedback ?? {}).filter(([name]) => name !== NEXTPASS),
    );
    const carriedBytes = Object.values(carried).reduce((sum, bytes) => sum + bytes.length, 0);
    if (carriedBytes > FEEDBACK_CARRY_MAX_BYTES) {
      return done(
        judgeError(
          result,
          validation,
          `the feedback folder holds ${carriedBytes} bytes to carry to the next pass (at most ${FEEDBACK_CARRY_MAX_BYTES}).`,
        ),
        number,
      );
    }
    input = next;
    feedback = carried;
  }
}
