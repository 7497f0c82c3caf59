/**
 * Judges a function's answer: parses the JSON the harness printed, checks it fits the return
 * type, and compares it with the expected value using the problem's comparator.
 */
import type { FunctionProblem, FunctionTest } from './problem.js';
import type { TypeNode } from '@arbiter/languages/signature';
import { checkValue, normalizeValue } from './values.js';

/** Largest difference, absolute or relative, between two doubles the `float` comparator accepts. */
export const FLOAT_TOLERANCE = 1e-5;

export type AnswerVerdict =
  | { ok: true; actual: unknown }
  /** `actual` is undefined when the output was not JSON; `reason` says why it is wrong when known. */
  | { ok: false; actual: unknown; reason?: string };

export function judgeAnswer(problem: FunctionProblem, test: FunctionTest, actualJson: string): AnswerVerdict {
  let actual: unknown;
  try {
    actual = JSON.parse(actualJson);
  } catch {
    return { ok: false, actual: undefined, reason: 'the answer could not be read as JSON' };
  }
  const type = problem.signature.returns;
  const shapeError = checkValue(type, actual, 'the answer');
  if (shapeError !== null) return { ok: false, actual, reason: shapeError };
  actual = normalizeValue(type, actual);
  const expected = normalizeValue(type, test.expected);

  switch (problem.comparator) {
    case 'exact':
      return { ok: sameValue(type, expected, actual, 0), actual };
    case 'float':
      return { ok: sameValue(type, expected, actual, FLOAT_TOLERANCE), actual };
    case 'anyOrder':
      return { ok: sameInAnyOrder(type, expected, actual), actual };
    case 'checker': {
      if (problem.checker === null)
        throw new Error(`${problem.slug}: comparator "checker" without checker.ts`);
      const verdict = problem.checker(test.args, expected, actual);
      if (verdict === true) return { ok: true, actual };
      return typeof verdict === 'string' ? { ok: false, actual, reason: verdict } : { ok: false, actual };
    }
  }
}

/** Deep equality; doubles may differ by `tolerance`, absolute or relative. */
export function sameValue(type: TypeNode, a: unknown, b: unknown, tolerance: number): boolean {
  if (type.kind === 'double' && typeof a === 'number' && typeof b === 'number') {
    const diff = Math.abs(a - b);
    return diff <= tolerance || diff <= tolerance * Math.abs(a);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const of = type.kind === 'array' || type.kind === 'list' ? type.of : type;
    return a.every((item, i) => sameValue(of, item, b[i], tolerance));
  }
  return a === b;
}

/** Same multiset of top-level elements. */
function sameInAnyOrder(type: TypeNode, expected: unknown, actual: unknown): boolean {
  if (!Array.isArray(expected) || !Array.isArray(actual)) return sameValue(type, expected, actual, 0);
  if (expected.length !== actual.length) return false;
  const key = (value: unknown) => JSON.stringify(value);
  const a = expected.map(key).sort();
  const b = actual.map(key).sort();
  return a.every((item, i) => item === b[i]);
}
