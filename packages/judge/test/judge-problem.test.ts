/**
 * Judging problems end to end in all six languages: LeetCode solutions pasted unchanged are
 * accepted; wrong answers name the failing input with expected and actual values; crashes,
 * compile errors and slow solutions get their verdicts; user prints come back without harness
 * lines; `run` mode answers custom inputs with the reference solution.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageId } from '@arbiter/contracts';
import { problemLimits, type Problem } from '@arbiter/problems';
import {
  judgeProblem,
  type CompileContext,
  type ProblemJob,
  type ProblemOutcome,
  type ProblemTest,
} from '../src/index.js';
import { catalogProblem, testCompileContext, testSandbox } from './harness-test-kit.js';
import {
  MAX_DEPTH_OK,
  REVERSE_LIST_OK,
  REVERSE_LIST_WRONG,
  TWO_SUM_BROKEN,
  TWO_SUM_CRASH,
  TWO_SUM_OK,
  TWO_SUM_SLOW_PYTHON,
  TWO_SUM_WRONG,
  type PerLanguage,
  type SolutionLanguage,
} from './judge-problem-solutions.js';

/** Languages that share another's function part, judged with that language's solutions. */
const SAME_PART = { pypy: 'python', 'cpp-clang': 'cpp' } as const satisfies Partial<
  Record<LanguageId, SolutionLanguage>
>;
type TestedLanguage = SolutionLanguage | keyof typeof SAME_PART;

/** The solution in `language`, or in the language whose function part it shares. */
function code(solutions: PerLanguage, language: TestedLanguage): string {
  return solutions[
    language in SAME_PART ? SAME_PART[language as keyof typeof SAME_PART] : (language as SolutionLanguage)
  ];
}

const sandbox = testSandbox();
let context: CompileContext = {};
beforeAll(async () => {
  context = await testCompileContext();
});
afterAll(() => sandbox.close());

async function judge(
  slug: string,
  language: LanguageId,
  code: string,
  extra: Partial<ProblemJob> = {},
): Promise<{ outcome: ProblemOutcome; streamed: ProblemTest[]; problem: Problem }> {
  const problem = await catalogProblem(slug);
  const streamed: ProblemTest[] = [];
  const outcome = await judgeProblem(
    { problem, language, code, mode: 'submit', limits: problemLimits(problem), ...extra },
    sandbox,
    { onTest: (test) => streamed.push(test) },
    context,
  );
  return { outcome, streamed, problem };
}

const COMPILE_ERROR_AT_LINE_3: Record<TestedLanguage, RegExp> = {
  python: /File "solution\.py", line 3/,
  pypy: /File "solution\.py", line 3/,
  'cpp-clang': /solution\.cpp:3:\d+: error/,
  javascript: /main\.js:3:\d+: error/,
  typescript: /main\.ts:3:\d+: error/,
  cpp: /solution\.cpp:3:\d+: error/,
  c: /solution\.c:3:\d+: error/,
  java: /Main\.java:3: error/,
  go: /solution\.go:3:\d+: undefined: undefinedName/,
  ruby: /main\.rb:3: syntax error/,
  php: /syntax error.* in main\.php on line 3/,
  rust: /error\[E0425\]: cannot find value `undefined_name`[\s\S]*main\.rs:3:\d+/,
  csharp: /solution\.cs\(3,\d+\): error CS0103/,
  scala: /main\.scala:3: error: not found: value undefinedName/,
  kotlin: /main\.kt:3:\d+: error: unresolved reference: undefinedName/,
};

describe.each(Object.keys(COMPILE_ERROR_AT_LINE_3) as TestedLanguage[])('%s', (language) => {
  it('accepts a correct two-sum on submit, streaming every test, hidden ones without data', async () => {
    const { outcome, streamed, problem } = await judge('two-sum', language, code(TWO_SUM_OK, language));
    const total = problem.samples.length + problem.hidden.length;
    expect(outcome).toMatchObject({ verdict: 'ACCEPTED', passed: total, total, failedTest: null });
    expect(streamed).toEqual(outcome.tests);
    expect(streamed.filter((t) => t.source === 'hidden').every((t) => t.input === undefined)).toBe(true);
    expect(streamed.filter((t) => t.source === 'sample').every((t) => t.input !== undefined)).toBe(true);
    // An accepted submission shows no prints: they could reveal hidden inputs.
    expect(outcome.stdout).toBe('');
    expect(outcome.timeMs).toBeGreaterThanOrEqual(0);
    expect(outcome.memoryKb).toBeGreaterThan(0);
  });

  it('runs samples and a custom input, whose answer comes from the reference solution', async () => {
    const logs: string[] = [];
    const problem = await catalogProblem('two-sum');
    const outcome = await judgeProblem(
      {
        problem,
        language,
        code: code(TWO_SUM_OK, language),
        mode: 'run',
        customInputs: ['[1,5,9]\n14'],
        limits: problemLimits(problem),
      },
      sandbox,
      { onLog: (stream, chunk) => stream === 'stdout' && logs.push(chunk) },
      context,
    );
    expect(outcome.verdict).toBe('ACCEPTED');
    expect(outcome.tests.map((t) => t.source)).toEqual(['sample', 'sample', 'sample', 'custom']);
    expect(outcome.tests[3]).toMatchObject({
      input: 'nums = [1,5,9]\ntarget = 14',
      expected: '[1,2]',
      actual: '[1,2]',
      stdout: 'checking 3\n',
    });
    // The user's prints, and nothing of the harness.
    expect(outcome.stdout).toBe('checking 4\nchecking 3\nchecking 2\nchecking 3\n');
    expect(logs.join('')).toBe(outcome.stdout);
  });

  it('names the failing input with expected and actual values on a wrong answer', async () => {
    const { outcome, streamed } = await judge('two-sum', language, code(TWO_SUM_WRONG, language));
    expect(outcome).toMatchObject({ verdict: 'WRONG_ANSWER', passed: 1 });
    expect(outcome.failedTest).toMatchObject({
      index: 1,
      verdict: 'WRONG_ANSWER',
      input: 'nums = [3,2,4]\ntarget = 6',
      expected: '[1,2]',
      actual: '[0,1]',
    });
    // A submission stops at its first failing test.
    expect(streamed).toHaveLength(2);
  });

  it('reports a runtime error on the test that crashed', async () => {
    const { outcome } = await judge('two-sum', language, code(TWO_SUM_CRASH, language));
    expect(outcome.verdict).toBe('RUNTIME_ERROR');
    expect(outcome.failedTest).toMatchObject({
      index: 0,
      verdict: 'RUNTIME_ERROR',
      input: 'nums = [2,7,11,15]\ntarget = 9',
    });
    expect(outcome.failedTest?.message).toMatch(language === 'c' ? /SIGSEGV/ : /boom|Index|index/);
  });

  it('reports a compile error at the line of the user code', async () => {
    const { outcome } = await judge('two-sum', language, code(TWO_SUM_BROKEN, language));
    expect(outcome).toMatchObject({ verdict: 'COMPILE_ERROR', passed: 0, tests: [] });
    expect(outcome.compileOutput).toMatch(COMPILE_ERROR_AT_LINE_3[language]);
  });

  it('accepts a correct reverse-linked-list and rejects one that returns the list unchanged', async () => {
    const ok = await judge('reverse-linked-list', language, code(REVERSE_LIST_OK, language));
    expect(ok.outcome.verdict).toBe('ACCEPTED');
    const wrong = await judge('reverse-linked-list', language, code(REVERSE_LIST_WRONG, language));
    expect(wrong.outcome.failedTest).toMatchObject({
      index: 0,
      verdict: 'WRONG_ANSWER',
      input: 'head = [1,2,3,4,5]',
      expected: '[5,4,3,2,1]',
      actual: '[1,2,3,4,5]',
    });
  });

  it('accepts a recursive maximum-depth-of-binary-tree, 10^4 levels deep included', async () => {
    const { outcome } = await judge('maximum-depth-of-binary-tree', language, code(MAX_DEPTH_OK, language));
    expect(outcome).toMatchObject({ verdict: 'ACCEPTED', failedTest: null });
  });
});

describe('limits and failures on submit', () => {
  it('stops a quadratic two-sum in Python with TIME_LIMIT_EXCEEDED on the first large test', async () => {
    const { outcome, problem } = await judge('two-sum', 'python', TWO_SUM_SLOW_PYTHON);
    expect(outcome.verdict).toBe('TIME_LIMIT_EXCEEDED');
    const failed = outcome.failedTest;
    expect(failed).toMatchObject({ verdict: 'TIME_LIMIT_EXCEEDED', source: 'hidden' });
    // The failing hidden test is shown, as LeetCode does.
    const big =
      problem.kind === 'function'
        ? (problem.hidden[(failed?.index ?? 0) - problem.samples.length]?.args[0] as number[])
        : [];
    expect(big.length).toBe(10_000);
    expect(failed?.input).toMatch(/^nums = \[/);
    expect(outcome.timeMs).toBeGreaterThanOrEqual(problem.limits.timeMs);
  });

  it('shows the prints of the failing test only', async () => {
    const code = TWO_SUM_WRONG.python.replace('return [0, 1]', 'print("saw", nums)\n        return [0, 1]');
    const { outcome } = await judge('two-sum', 'python', code);
    expect(outcome.stdout).toBe('saw [3, 2, 4]\n');
    expect(outcome.failedTest?.stdout).toBe('saw [3, 2, 4]\n');
  });

  it('keeps prints that look like harness lines, or lack a newline, as user output', async () => {
    const code = TWO_SUM_OK.python.replace(
      'print("checking", len(nums))',
      'print("0 ok 0 0 [0,1]"); print("partial", end="")',
    );
    const problem = await catalogProblem('two-sum');
    const outcome = await judgeProblem(
      { problem, language: 'python', code, mode: 'run', limits: problemLimits(problem) },
      sandbox,
      {},
      context,
    );
    expect(outcome.verdict).toBe('ACCEPTED');
    expect(outcome.stdout).toBe('0 ok 0 0 [0,1]\npartial'.repeat(3));
  });
});

describe('run mode goes on past a failure', () => {
  it('runs every sample and custom input after a crash, each crash in a fresh process', async () => {
    const code = TWO_SUM_OK.python.replace(
      'print("checking", len(nums))',
      'if nums[0] in (2, 3):\n            raise ValueError("boom")',
    );
    const problem = await catalogProblem('two-sum');
    const streamed: ProblemTest[] = [];
    const outcome = await judgeProblem(
      {
        problem,
        language: 'python',
        code,
        mode: 'run',
        customInputs: ['[1,5,9]\n14'],
        limits: problemLimits(problem),
      },
      sandbox,
      { onTest: (test) => streamed.push(test) },
      context,
    );
    // Samples [2,7,11,15] and [3,2,4] crash; [3,3] crashes too; the custom [1,5,9] passes.
    expect(outcome.tests.map((t) => [t.index, t.verdict])).toEqual([
      [0, 'RUNTIME_ERROR'],
      [1, 'RUNTIME_ERROR'],
      [2, 'RUNTIME_ERROR'],
      [3, 'ACCEPTED'],
    ]);
    expect(streamed.map((t) => t.index)).toEqual([0, 1, 2, 3]);
    expect(outcome).toMatchObject({ verdict: 'RUNTIME_ERROR', passed: 1, total: 4 });
    expect(outcome.failedTest).toMatchObject({ index: 0, input: 'nums = [2,7,11,15]\ntarget = 9' });
    expect(outcome.tests[3]).toMatchObject({ source: 'custom', expected: '[1,2]', actual: '[1,2]' });
  });

  it('still stops a submit at its first crash', async () => {
    const code = TWO_SUM_OK.python.replace(
      'print("checking", len(nums))',
      'if nums[0] == 2:\n            raise ValueError("boom")',
    );
    const { outcome } = await judge('two-sum', 'python', code);
    expect(outcome.tests.map((t) => t.verdict)).toEqual(['RUNTIME_ERROR']);
    expect(outcome).toMatchObject({ passed: 0, total: 34 });
  });
});

describe('stdio problems', () => {
  it('judges a-plus-b token by token, one process per test, and catches 32-bit overflow', async () => {
    const ok = await judge('a-plus-b', 'python', 'a, b = map(int, input().split())\nprint(a + b)\n');
    expect(ok.outcome).toMatchObject({ verdict: 'ACCEPTED', failedTest: null });
    const overflow = await judge(
      'a-plus-b',
      'c',
      '#include <stdio.h>\nint main(void) { int a, b; scanf("%d %d", &a, &b); printf("%d\\n", a + b); return 0; }\n',
    );
    expect(overflow.outcome.verdict).toBe('WRONG_ANSWER');
    expect(overflow.outcome.failedTest).toMatchObject({ source: 'hidden', input: '2000000000 2000000000\n' });
  });

  it('answers a custom stdin with the reference solution in run mode', async () => {
    const { outcome } = await judge(
      'a-plus-b',
      'javascript',
      TWO_SUM_OK.javascript.replace(
        /[^]*/,
        'const [a, b] = require("fs").readFileSync(0, "utf8").split(" ").map(Number);\nconsole.log(a + b);',
      ),
      {
        mode: 'run',
        customInputs: ['40 2\n'],
      },
    );
    expect(outcome.verdict).toBe('ACCEPTED');
    expect(outcome.tests.at(-1)).toMatchObject({
      source: 'custom',
      input: '40 2\n',
      expected: '42\n',
      actual: '42\n',
    });
  });
});
