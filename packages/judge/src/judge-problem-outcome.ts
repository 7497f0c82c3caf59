/** Helpers shared by function and stdio judging: outcomes for compile errors, and the overall summary. */
import { MAX_TEST_TEXT_BYTES, clipTextEnd } from '@arbiter/contracts';
import { clip } from '@arbiter/problems';
import type { ProblemOutcome, ProblemTest } from './judge-problem-types.js';

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

/** The end of stderr (it has the error), within `maxBytes` UTF-8 bytes (default: one test's text cap). */
export function tail(text: string, maxBytes = MAX_TEST_TEXT_BYTES): string {
  return clipTextEnd(text, maxBytes);
}

/** Text shown for a value the user's code printed or returned, clipped. */
export function shown(text: string): string {
  return clip(text);
}
