/** 2025-09's result aggregation: max_score, score_aggregation, require_pass, and how score.txt meets max_score. */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '@arbiter/contracts';
import { parsePackage, type PackageFile, type TestCase } from '@arbiter/problem-package';
import { aggregateTestData, caseRules, scoreCase } from './result-aggregation.js';

const file = (path: string, text: string): PackageFile => ({
  path,
  bytes: Buffer.from(text),
  executable: false,
});

/** secret/a: pass-fail, 20; secret/b: sum of 3 cases, 30, needs a; secret/c: min of 2, 50, needs sample. */
const pkg = parsePackage([
  file('problem.yaml', 'problem_format_version: 2025-09\nname: S\ntype: scoring\n'),
  file('data/sample/1.in', ''),
  file('data/sample/1.ans', ''),
  file('data/secret/a/test_group.yaml', 'max_score: 20\n'),
  ...['1', '2'].flatMap((n) => [file(`data/secret/a/${n}.in`, ''), file(`data/secret/a/${n}.ans`, '')]),
  file('data/secret/b/test_group.yaml', 'max_score: 30\nscore_aggregation: sum\nrequire_pass: secret/a\n'),
  ...['1', '2', '3'].flatMap((n) => [file(`data/secret/b/${n}.in`, ''), file(`data/secret/b/${n}.ans`, '')]),
  file('data/secret/c/test_group.yaml', 'max_score: 50\nscore_aggregation: min\nrequire_pass: sample\n'),
  ...['1', '2'].flatMap((n) => [file(`data/secret/c/${n}.in`, ''), file(`data/secret/c/${n}.ans`, '')]),
]);
const rules = caseRules(pkg.testData);

/** Grades with each case's verdict (default accepted) and validator score from the tables. */
async function grade(verdicts: Record<string, Verdict>, validator: Record<string, number> = {}) {
  const judged: string[] = [];
  const graded = await aggregateTestData(pkg.testData, async (testCase: TestCase) => {
    judged.push(testCase.name);
    const verdict = verdicts[testCase.name] ?? 'ACCEPTED';
    const scored = scoreCase(rules.get(testCase.name), verdict, validator[testCase.name]);
    return { verdict: scored.judgeError ? 'INTERNAL_ERROR' : verdict, score: scored.score };
  });
  return { ...graded, judged };
}

describe('result aggregation (2025-09)', () => {
  it('case maxima: max_score / N in a sum group, max_score in a min group; samples score nothing', () => {
    expect(rules.get('secret/b/1')).toEqual({ sample: false, aggregation: 'sum', maxScore: 10 });
    expect(rules.get('secret/c/2')).toEqual({ sample: false, aggregation: 'min', maxScore: 50 });
    expect(rules.get('secret/a/1')).toEqual({ sample: false, aggregation: 'pass-fail', maxScore: 20 });
    expect(rules.get('sample/1')).toEqual({ sample: true, aggregation: 'pass-fail', maxScore: 0 });
  });

  it('all accepted: every group its max_score, secret (sum, 100 by default) their sum', async () => {
    const graded = await grade({});
    expect(graded).toMatchObject({ verdict: 'ACCEPTED', score: 100, maxScore: 100, judgeErrors: [] });
    expect(graded.groups).toEqual([
      { name: 'sample', verdict: 'ACCEPTED', score: 0, maxScore: 0 },
      { name: 'secret', verdict: 'ACCEPTED', score: 100, maxScore: 100 },
      { name: 'secret/a', verdict: 'ACCEPTED', score: 20, maxScore: 20 },
      { name: 'secret/b', verdict: 'ACCEPTED', score: 30, maxScore: 30 },
      { name: 'secret/c', verdict: 'ACCEPTED', score: 50, maxScore: 50 },
    ]);
  });

  it('a pass-fail group scores 0 on one failure and stops; a sum group adds its accepted cases', async () => {
    const graded = await grade({ 'secret/c/1': 'WRONG_ANSWER', 'secret/b/2': 'TIME_LIMIT_EXCEEDED' });
    // b: two of three cases, 2 × 10; c: min with a failed case, 0; a: 20.
    expect(graded).toMatchObject({ verdict: 'TIME_LIMIT_EXCEEDED', score: 40 });
    expect(graded.judged).toContain('secret/b/3');
    const failedA = await grade({ 'secret/a/1': 'WRONG_ANSWER' });
    // a fails at its first case (its second is not run), and b requires a: not run, 0.
    expect(failedA.judged).not.toContain('secret/a/2');
    expect(failedA.judged.filter((n) => n.startsWith('secret/b'))).toEqual([]);
    expect(failedA).toMatchObject({ verdict: 'WRONG_ANSWER', score: 50 });
    expect(failedA.groups.find((g) => g.name === 'secret/b')).toEqual({
      name: 'secret/b',
      verdict: 'WRONG_ANSWER',
      score: 0,
      maxScore: 30,
    });
  });

  it('require_pass: sample failing skips the group that needs it', async () => {
    const graded = await grade({ 'sample/1': 'WRONG_ANSWER' });
    expect(graded.judged.filter((n) => n.startsWith('secret/c'))).toEqual([]);
    expect(graded).toMatchObject({ verdict: 'WRONG_ANSWER', score: 50 });
  });

  it("score.txt is the case's score (not scaled), at most its maximum; a min group takes the least", async () => {
    const graded = await grade({}, { 'secret/b/1': 4, 'secret/c/1': 35, 'secret/c/2': 45 });
    expect(graded.score).toBe(20 + 4 + 20 + 35);
    expect(scoreCase(rules.get('secret/b/1'), 'ACCEPTED', 10.5)).toMatchObject({ score: 0 });
    expect(scoreCase(rules.get('secret/b/1'), 'ACCEPTED', 10.5).judgeError).toContain('exceeds');
    expect(scoreCase(rules.get('secret/a/1'), 'ACCEPTED', 1).judgeError).toContain('pass-fail');
    expect(scoreCase(rules.get('sample/1'), 'ACCEPTED', 1)).toEqual({ score: 0 });
    expect(
      scoreCase({ sample: false, aggregation: 'sum', maxScore: 'unbounded' }, 'ACCEPTED', undefined)
        .judgeError,
    ).toContain('without writing score.txt');
    const judgeError = await grade({}, { 'secret/b/1': 11 });
    expect(judgeError.verdict).toBe('INTERNAL_ERROR');
  });
});
