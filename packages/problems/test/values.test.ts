/** Values against types, canonical trees, answer comparison and custom inputs. */
import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, type LanguageId } from '@arbiter/contracts';
import {
  canonicalTree,
  checkValue,
  formatArgs,
  formatValue,
  judgeAnswer,
  parseCustomInput,
  parseType,
  type Comparator,
  type FunctionProblem,
  type FunctionSignature,
} from '../src/index.js';

describe('checkValue', () => {
  it('accepts values of the type and names what is wrong otherwise', () => {
    expect(checkValue(parseType('int[][]'), [[1], []])).toBeNull();
    expect(checkValue(parseType('int'), 2 ** 31, 'n')).toMatch(/^n must be a 32-bit integer/);
    expect(checkValue(parseType('long'), 2 ** 53, 'n')).toMatch(/within ±2\^53/);
    expect(checkValue(parseType('int[]'), [1, 'x'], 'nums')).toMatch(/^nums\[1\] must be a 32-bit integer/);
    expect(checkValue(parseType('char'), 'ab')).toMatch(/one-character/);
    expect(checkValue(parseType('TreeNode'), [null, 1], 'root')).toMatch(
      /root\[0\] \(the root\) must not be null/,
    );
    expect(checkValue(parseType('TreeNode'), [1, null, 2])).toBeNull();
    expect(checkValue(parseType('ListNode'), [1, null])).toMatch(/\[1\] must be a 32-bit integer/);
  });
});

describe('canonicalTree', () => {
  it('trims trailing nulls and drops values under missing parents', () => {
    expect(canonicalTree([1, null, 2, null, null])).toEqual([1, null, 2]);
    expect(canonicalTree([3, 9, 20, null, null, 15, 7])).toEqual([3, 9, 20, null, null, 15, 7]);
    expect(canonicalTree([])).toEqual([]);
    expect(canonicalTree([1, 2, 3, 4, null, null, 5, 6])).toEqual([1, 2, 3, 4, null, null, 5, 6]);
  });
});

function signature(params: [string, string][], returns: string): FunctionSignature {
  return {
    name: 'f',
    params: params.map(([name, type]) => ({ name, type: parseType(type) })),
    returns: parseType(returns),
    names: Object.fromEntries(LANGUAGE_IDS.map((id) => [id, 'f'])) as Record<LanguageId, string>,
  };
}

function problem(
  returns: string,
  comparator: Comparator,
  checker: FunctionProblem['checker'] = null,
): FunctionProblem {
  return {
    kind: 'function',
    slug: 'p',
    title: 'P',
    difficulty: 'easy',
    tags: [],
    limits: { timeMs: 1000, memoryMb: 256 },
    languages: [...LANGUAGE_IDS],
    dir: '/',
    statement: '',
    solutions: [],
    signature: signature([['x', 'int']], returns),
    comparator,
    checker,
    samples: [],
    hidden: [],
  };
}

describe('judgeAnswer', () => {
  const test = (expected: unknown) => ({ args: [1], expected });

  it('compares exactly, with trees in canonical form', () => {
    expect(judgeAnswer(problem('int[]', 'exact'), test([1, 2]), '[1,2]').ok).toBe(true);
    expect(judgeAnswer(problem('int[]', 'exact'), test([1, 2]), '[2,1]').ok).toBe(false);
    expect(judgeAnswer(problem('TreeNode', 'exact'), test([1, null, 2, null, null]), '[1,null,2]').ok).toBe(
      true,
    );
  });

  it('accepts doubles within 1e-5 with the float comparator only', () => {
    expect(judgeAnswer(problem('double', 'float'), test(2.5), '2.500004').ok).toBe(true);
    expect(judgeAnswer(problem('double', 'float'), test(2.5), '2.5001').ok).toBe(false);
    expect(judgeAnswer(problem('double', 'float'), test(1e9), '1000000001').ok).toBe(true);
    expect(judgeAnswer(problem('double', 'exact'), test(2.5), '2.500004').ok).toBe(false);
  });

  it('ignores the top-level order with anyOrder, not the inner one', () => {
    const p = problem('int[][]', 'anyOrder');
    expect(
      judgeAnswer(
        p,
        test([
          [1, 2],
          [3, 4],
        ]),
        '[[3,4],[1,2]]',
      ).ok,
    ).toBe(true);
    expect(
      judgeAnswer(
        p,
        test([
          [1, 2],
          [3, 4],
        ]),
        '[[4,3],[1,2]]',
      ).ok,
    ).toBe(false);
    expect(
      judgeAnswer(
        p,
        test([
          [1, 2],
          [1, 2],
        ]),
        '[[1,2]]',
      ).ok,
    ).toBe(false);
  });

  it('asks the checker, passing its reason on', () => {
    const p = problem('int', 'checker', (input, _expected, actual) =>
      actual === (input[0] as number) * 2 ? true : 'not double',
    );
    expect(judgeAnswer(p, test(0), '2')).toEqual({ ok: true, actual: 2 });
    expect(judgeAnswer(p, test(0), '3')).toEqual({ ok: false, actual: 3, reason: 'not double' });
  });

  it('turns unreadable or ill-typed output into a wrong answer with a reason', () => {
    expect(judgeAnswer(problem('int', 'exact'), test(1), 'NaN')).toMatchObject({ ok: false, reason: /JSON/ });
    expect(judgeAnswer(problem('int', 'exact'), test(1), '"1"')).toMatchObject({
      ok: false,
      reason: /the answer must be a 32-bit integer/,
    });
  });
});

describe('parseCustomInput', () => {
  const sig = signature(
    [
      ['nums', 'int[]'],
      ['target', 'int'],
    ],
    'int[]',
  );

  it("reads LeetCode's one value per line, or one array of all arguments", () => {
    expect(parseCustomInput(sig, '[2,7,11,15]\n9\n')).toEqual({ ok: true, value: [[2, 7, 11, 15], 9] });
    expect(parseCustomInput(sig, '[[2,7], 9]')).toEqual({ ok: true, value: [[2, 7], 9] });
  });

  it('names the parameter that does not fit', () => {
    expect(parseCustomInput(sig, '[2,7]\n"x"')).toMatchObject({ ok: false, errors: [{ field: 'target' }] });
    expect(parseCustomInput(sig, '[2,7')).toMatchObject({
      ok: false,
      errors: [{ message: /one JSON value per line/ }],
    });
  });

  it('says which lines are missing instead of misreading the ones given', () => {
    expect(parseCustomInput(sig, '[3,3]\n')).toEqual({
      ok: false,
      errors: [{ field: '', message: 'expected 2 lines: nums, target (one JSON value per line), got 1' }],
    });
    expect(parseCustomInput(sig, '[3,3]\n6\n7')).toMatchObject({
      ok: false,
      errors: [{ message: /^expected 2 lines: nums, target .*got 3$/ }],
    });
  });
});

describe('display', () => {
  it('shows doubles with five decimals and arguments one per line', () => {
    expect(formatValue(parseType('double'), 2)).toBe('2.00000');
    expect(formatValue(parseType('double[]'), [0.5])).toBe('[0.50000]');
    expect(
      formatArgs(
        signature(
          [
            ['s', 'string'],
            ['k', 'int'],
          ],
          'int',
        ).params,
        ['ab', 3],
      ),
    ).toBe('s = "ab"\nk = 3');
  });
});
