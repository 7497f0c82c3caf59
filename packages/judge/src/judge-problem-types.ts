/** What judging a problem takes and gives: the job, per-test results, the outcome, hooks. */
import type {
  EffectiveLimits,
  LanguageId,
  ScoreResult,
  SubmissionMode,
  TestResult,
  Verdict,
} from '@arbiter/contracts';
import type { Problem } from '@arbiter/problems';
import type { JudgeHooks } from './judge-program.js';

export interface ProblemJob {
  problem: Problem;
  language: LanguageId;
  /** The user's code as written (a LeetCode solution pastes in unchanged). */
  code: string;
  /** `run`: sample tests and `customInputs`; `submit`: every test, stopping at the first failure. */
  mode: SubmissionMode;
  /**
   * `run` mode's own tests. Function problems: one JSON value per parameter, one per line
   * (LeetCode's test case format; one JSON array of all arguments also works). Stdio problems:
   * the whole stdin. Expected answers come from the problem's reference solution.
   */
  customInputs?: string[];
  /**
   * A program of several files: the files beside the entry (`code`), by relative path (stdio problems;
   * the API refuses them for function problems, whose harness is the program's other file).
   */
  files?: Record<string, string | Uint8Array> | undefined;
  /**
   * Limits of the run. For a function problem `timeMs` bounds all tests together (one process),
   * for a stdio problem each test's process. `problemLimits(problem)` gives the problem's own.
   */
  limits: EffectiveLimits;
}

export type TestSource = 'sample' | 'hidden' | 'custom';

export interface ProblemTest extends TestResult {
  source: TestSource;
  /** A runtime error's message, or why an answer is wrong when the checker says. */
  message?: string;
  /** What the user's code printed during this test (shown tests only). */
  stdout?: string;
}

export interface ProblemHooks extends JudgeHooks {
  /** Each test's result as soon as it is known. `input`/`expected`/`actual` only on shown tests. */
  onTest?: (test: ProblemTest) => void;
}

export interface ProblemOutcome {
  /** The first failing test's verdict (`COMPILE_ERROR` before any test), else `ACCEPTED`. */
  verdict: Verdict;
  passed: number;
  /** Tests in this mode (a submission that stops early ran fewer). */
  total: number;
  failedTest: ProblemTest | null;
  /** Tests that ran, in order. */
  tests: ProblemTest[];
  /** The user's prints: all of them in `run` mode; on `submit` only the failing test's. */
  stdout: string;
  /** `run` mode: all of it; `submit`: only with a runtime error (it may name the hidden input otherwise). */
  stderr: string;
  compileOutput: string;
  /** CPU time of the whole run (all processes for stdio), in ms; null when nothing ran. */
  timeMs: number | null;
  /** Wall time of the whole run, in ms. */
  wallTimeMs: number | null;
  /** Peak memory, in KiB. */
  memoryKb: number | null;
  exitCode: number | null;
  signal: string | null;
  /** A scoring problem's submit: the score, the most it could be, each group's points. */
  score?: ScoreResult;
}

/** A custom input that does not fit the problem (the API should check with `parseCustomInput` first). */
export class InvalidTestInputError extends Error {
  override name = 'InvalidTestInputError';
}
