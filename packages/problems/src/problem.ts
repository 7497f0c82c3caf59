/** A loaded problem: its validated metadata, statement, tests, reference solutions and checker. */
import type { LanguageId } from '@arbiter/contracts';
import type { Comparator } from './schema.js';
import type { FunctionSignature } from '@arbiter/languages/signature';

export type { FunctionSignature, Param } from '@arbiter/languages/signature';

export type Difficulty = 'easy' | 'medium' | 'hard';

/** One test of a function problem: the arguments, in order, and the expected return value (JSON). */
export interface FunctionTest {
  args: unknown[];
  expected: unknown;
}

/** One test of a stdio problem: the program's whole stdin and the expected stdout. */
export interface StdioTest {
  input: string;
  output: string;
}

/**
 * Decides whether `actual` is a right answer for `input` (the arguments). `true`: right;
 * `false` or a string (the reason shown to the user): wrong.
 */
export type CheckFn = (input: unknown[], expected: unknown, actual: unknown) => boolean | string;

export interface ReferenceSolution {
  language: LanguageId;
  /** File name inside `solutions/`. */
  file: string;
  code: string;
}

interface ProblemBase {
  slug: string;
  title: string;
  difficulty: Difficulty;
  tags: string[];
  limits: { timeMs: number; memoryMb: number };
  /** Languages the problem can be solved in. */
  languages: LanguageId[];
  /** The problem folder (absolute). */
  dir: string;
  /** `statement.md`: description, examples and constraints. */
  statement: string;
  solutions: ReferenceSolution[];
  /** Reference solutions shown to users who solved it (problem.yaml `showSolutions`; absent: shown). */
  showSolutions?: boolean;
}

export interface FunctionProblem extends ProblemBase {
  kind: 'function';
  signature: FunctionSignature;
  comparator: Comparator;
  /** `check` of `checker.ts`, for comparator `checker`. */
  checker: CheckFn | null;
  /** Shown to users; run in `run` mode. */
  samples: FunctionTest[];
  /** Never leave the server. */
  hidden: FunctionTest[];
}

export interface StdioProblem extends ProblemBase {
  kind: 'stdio';
  samples: StdioTest[];
  hidden: StdioTest[];
}

export type Problem = FunctionProblem | StdioProblem;
