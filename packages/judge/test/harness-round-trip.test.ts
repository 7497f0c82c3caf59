/**
 * Serialization round trips: for each type of the grammar, a solution that returns its argument
 * unchanged (the starter code with `return x`) gets every sample back, in every language that
 * can express the type. This exercises each harness's JSON reader and writer, node building and
 * level-order output, and that the starter code compiles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, resolveLimits, type LanguageId } from '@arbiter/contracts';
import {
  functionStarter,
  nesting,
  parseType,
  supportedLanguages,
  type FunctionProblem,
} from '@arbiter/problems';
import { judgeProblem, type CompileContext } from '../src/index.js';
import { echoProblem, testCompileContext, testSandbox } from './harness-test-kit.js';

const sandbox = testSandbox();
let context: CompileContext = {};
beforeAll(async () => {
  context = await testCompileContext();
});
afterAll(() => sandbox.close());

const TRICKY_STRINGS = [
  '',
  'hello',
  'quote " and backslash \\',
  'tab\tnew\nline',
  'é 漢字 😀',
  '\u0001\u001f',
  '/',
];

/** Types and sample values, edge cases first. */
const CASES: [type: string, values: unknown[]][] = [
  ['int', [0, -1, 2147483647, -2147483648]],
  ['long', [0, 9007199254740991, -9007199254740991, 4294967296]],
  ['double', [0, -2.5, 0.1, 1e-7, 123456789.125, 3, 1e21, -1.7976931348623157e308]],
  ['bool', [true, false]],
  ['string', TRICKY_STRINGS],
  ['char', ['a', ' ', '"', '\\', '0', '~']],
  ['int[]', [[], [1], [-3, 0, 2147483647]]],
  ['long[]', [[], [9007199254740991, -1]]],
  ['double[]', [[], [0.5, -0.25, 1e-9]]],
  ['bool[]', [[], [true, false, true]]],
  ['string[]', [[], [''], TRICKY_STRINGS]],
  ['char[]', [[], ['a', 'b', '"']]],
  ['int[][]', [[], [[]], [[1, 2], [], [3]]]],
  [
    'char[][]',
    [
      [
        ['1', '0'],
        ['0', '1'],
      ],
      [['x']],
    ],
  ],
  ['string[][]', [[['a', ''], []], []]],
  ['list<int>', [[], [5, -5]]],
  ['list<double>', [[1.5, -0.125]]],
  ['list<list<int>>', [[[1], [2, 3], []], []]],
  ['list<list<string>>', [[['eat', 'tea'], ['bat']], [[]]]],
  ['ListNode', [[], [1], [1, 2, 3, -4, 5]]],
  ['TreeNode', [[], [1], [1, null, 2], [3, 9, 20, null, null, 15, 7], [1, 2, 3, 4, null, null, 5, 6]]],
  ['ListNode[]', [[], [[1, 2], [], [3]]]],
  ['list<TreeNode>', [[[1, null, 2], []], []]],
];

/**
 * C++, Java, Rust, Scala and Kotlin compiles cost seconds each, so they skip types whose code paths other
 * types already cover (C++ codecs are templates; Java's and Kotlin's are generated the same way per shape).
 */
const SLOW = new Set<LanguageId>(['cpp', 'cpp-clang', 'java', 'rust', 'scala', 'kotlin']);
const COVERED_ELSEWHERE = new Set([
  'long[]',
  'bool[]',
  'char[]',
  'list<int>',
  'list<list<int>>',
  'string[][]',
]);
/** Kotlin's primitive arrays each go through a conversion of their own (`toLongArray()`, …). */
const OWN_PATH = new Map<LanguageId, Set<string>>([['kotlin', new Set(['long[]', 'bool[]', 'char[]'])]]);

/** The starter code with a body that returns `x` (and, in C, its sizes). */
function echoSolution(problem: FunctionProblem, language: LanguageId): string {
  const starter = functionStarter(problem.signature, language);
  const depth = nesting(problem.signature.returns);
  switch (language) {
    case 'python':
    case 'pypy':
      return `${starter}return x\n`;
    case 'c': {
      const sizes = ['', '*returnSize = xSize; ', '*returnSize = xSize; *returnColumnSizes = xColSize; '][
        depth
      ];
      return starter.replace('{\n    \n}', `{\n    ${sizes}return x;\n}`);
    }
    case 'javascript':
    case 'typescript':
    case 'go':
      return starter.replace('{\n    \n}', '{\n    return x;\n}');
    case 'ruby':
      return starter.replace(/\n {4}\nend$/, '\n    x\nend');
    case 'php':
      return starter.replace('{\n        \n    }', '{\n        return $x;\n    }');
    default:
      return starter.replace('{\n        \n    }', '{\n        return x;\n    }');
  }
}

describe.each(CASES)('%s', (type, values) => {
  const languages = supportedLanguages([parseType(type)]);
  const problem = echoProblem(type, values, languages);

  const tested = LANGUAGE_IDS.filter(
    (id) =>
      languages.includes(id) &&
      (!(SLOW.has(id) && COVERED_ELSEWHERE.has(type)) || OWN_PATH.get(id)?.has(type) === true),
  );
  it.each(tested)('comes back unchanged in %s', async (language) => {
    const outcome = await judgeProblem(
      {
        problem,
        language,
        code: echoSolution(problem, language),
        mode: 'run',
        limits: resolveLimits({ timeMs: 5_000 }),
      },
      sandbox,
      {},
      context,
    );
    expect(outcome.compileOutput, outcome.compileOutput).not.toMatch(/error/i);
    expect(outcome.tests.map((t) => [t.verdict, t.actual])).toEqual(
      outcome.tests.map((t) => ['ACCEPTED', t.expected]),
    );
    expect(outcome).toMatchObject({ verdict: 'ACCEPTED', passed: values.length, total: values.length });
  });
});
