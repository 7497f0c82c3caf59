/**
 * Test files and custom inputs. `tests/sample.json` and `tests/hidden.json` hold a JSON array:
 * function problems `[{"args": [...], "expected": ...}]`, stdio problems `[{"input": "...",
 * "output": "..."}]`. A custom input (the `run` mode's own tests) is written as on LeetCode: one
 * JSON value per parameter, one per line; a single JSON array of all arguments is accepted too.
 */
import type { FunctionSignature, FunctionTest, StdioTest } from './problem.js';
import { checkValue, normalizeValue } from './values.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: { field: string; message: string }[] };

/** Validates a parsed test file of a function problem against the signature. */
export function parseFunctionTests(signature: FunctionSignature, data: unknown): Parsed<FunctionTest[]> {
  if (!Array.isArray(data)) return fail('', 'must be a JSON array of {"args": [...], "expected": ...}');
  const errors: { field: string; message: string }[] = [];
  const tests: FunctionTest[] = [];
  data.forEach((item: unknown, i) => {
    const at = `[${i}]`;
    if (typeof item !== 'object' || item === null || !('args' in item) || !('expected' in item)) {
      errors.push({ field: at, message: 'must be an object with "args" and "expected"' });
      return;
    }
    const extra = Object.keys(item).filter((key) => key !== 'args' && key !== 'expected');
    if (extra.length > 0) errors.push({ field: at, message: `unknown keys: ${extra.join(', ')}` });
    const args = checkArgs(signature, item.args, `${at}.args`);
    if (!args.ok) errors.push(...args.errors);
    const expectedError = checkValue(signature.returns, item.expected, `${at}.expected`);
    if (expectedError !== null) errors.push({ field: `${at}.expected`, message: expectedError });
    if (args.ok && expectedError === null) {
      tests.push({ args: args.value, expected: normalizeValue(signature.returns, item.expected) });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: tests };
}

/** Validates a parsed test file of a stdio problem. */
export function parseStdioTests(data: unknown): Parsed<StdioTest[]> {
  if (!Array.isArray(data)) return fail('', 'must be a JSON array of {"input": "...", "output": "..."}');
  const errors: { field: string; message: string }[] = [];
  data.forEach((item: unknown, i) => {
    const ok =
      typeof item === 'object' &&
      item !== null &&
      'input' in item &&
      'output' in item &&
      typeof item.input === 'string' &&
      typeof item.output === 'string' &&
      Object.keys(item).length === 2;
    if (!ok) errors.push({ field: `[${i}]`, message: 'must be {"input": string, "output": string}' });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: data as StdioTest[] };
}

/**
 * Reads a custom input (one JSON value per parameter per line, or one JSON array of all of them). A
 * line count that fits neither form is reported as missing (or extra) lines, naming the parameters.
 */
export function parseCustomInput(signature: FunctionSignature, text: string): Parsed<unknown[]> {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const count = signature.params.length;
  if (lines.length === count) {
    const values: unknown[] = [];
    for (const [i, line] of lines.entries()) {
      try {
        values.push(JSON.parse(line));
      } catch {
        return fail(signature.params[i]?.name ?? `line ${i + 1}`, `line ${i + 1} is not valid JSON`);
      }
    }
    return checkArgs(signature, values, '');
  }
  const names = signature.params.map((p) => p.name).join(', ');
  const wrongCount = fail<unknown[]>(
    '',
    `expected ${count} line${count === 1 ? '' : 's'}: ${names} (one JSON value per line), got ${lines.length}`,
  );
  // One line holding an array of every argument is the other accepted form.
  if (lines.length !== 1) return wrongCount;
  let all: unknown;
  try {
    all = JSON.parse(text);
  } catch {
    return wrongCount;
  }
  const parsed = checkArgs(signature, all, '');
  return parsed.ok ? parsed : wrongCount;
}

function checkArgs(signature: FunctionSignature, args: unknown, at: string): Parsed<unknown[]> {
  const count = signature.params.length;
  if (!Array.isArray(args) || args.length !== count) {
    return fail(
      at,
      `must be a list of ${count} argument(s): ${signature.params.map((p) => p.name).join(', ')}`,
    );
  }
  const errors: { field: string; message: string }[] = [];
  signature.params.forEach((param, i) => {
    const error = checkValue(param.type, args[i], param.name);
    if (error !== null) errors.push({ field: at === '' ? param.name : `${at}[${i}]`, message: error });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: args };
}

function fail<T>(field: string, message: string): Parsed<T> {
  return { ok: false, errors: [{ field, message }] };
}
