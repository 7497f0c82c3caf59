/** Helpers shared by function and stdio judging: outcomes for compile errors, and the overall summary. */
import { clip } from '@arbiter/problems';
import type { ProblemOutcome, ProblemTest } from './judge-problem-types.js';

/** Most stderr kept in an outcome, in characters (the end is kept: it has the error). */
export const MAX_STDERR_CHARS = 8 * 1024;

export function compileErrorOutcome(compileOutput: string, total: number): ProblemOutcome {
  return {
    verdict: 'COMPILE_ERROR',
    passed: 0,
    total,
    failedTest: null,
    tests: [],
    stdout: '',
    stderr: '',
    compileOutput,
    timeMs: null,
    wallTimeMs: null,
    memoryKb: null,
    exitCode: null,
    signal: null,
  };
}

export function firstFailure(tests: ProblemTest[]): ProblemTest | null {
  return tests.find((test) => test.verdict !== 'ACCEPTED') ?? null;
}

export function tail(text: string, max = MAX_STDERR_CHARS): string {
  return text.length > max ? `…${text.slice(text.length - max)}` : text;
}

/** Text shown for a value the user's code printed or returned, clipped. */
export function shown(text: string): string {
  return clip(text);
}
