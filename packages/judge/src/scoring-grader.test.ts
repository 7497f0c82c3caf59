/** The default grader (problemtools' default_grader) and the grading of a test data tree with on_reject and ranges. */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '@arbiter/contracts';
import { parsePackage, type PackageFile, type TestCase } from '@arbiter/problem-package';
import {
  defaultGrader,
  gradeTestData,
  parseGraderFlags,
  parseRange,
  type SubResult,
} from './scoring-grader.js';

const r = (verdict: Verdict, score: number): SubResult => ({ verdict, score });

describe('defaultGrader', () => {
  it('defaults: accepted when all are, else the worst error; the sum of the scores', () => {
    const flags = parseGraderFlags('');
    expect(defaultGrader([r('ACCEPTED', 42), r('ACCEPTED', 58)], flags)).toEqual(r('ACCEPTED', 100));
    expect(defaultGrader([r('ACCEPTED', 42), r('WRONG_ANSWER', 0)], flags)).toEqual(r('WRONG_ANSWER', 42));
    // JE, RTE, MLE, TLE, OLE, WA: the first of these that occurs, whatever the order.
    expect(
      defaultGrader([r('WRONG_ANSWER', 0), r('TIME_LIMIT_EXCEEDED', 0), r('RUNTIME_ERROR', 0)], flags)
        .verdict,
    ).toBe('RUNTIME_ERROR');
    expect(defaultGrader([], flags)).toEqual(r('ACCEPTED', 0));
  });

  it('first_error, always_accept, accept_if_any_accepted, avg/min/max, ignore_sample; the last mode wins', () => {
    const results = [r('ACCEPTED', 10), r('WRONG_ANSWER', 2), r('RUNTIME_ERROR', 4)];
    expect(defaultGrader(results, parseGraderFlags('first_error')).verdict).toBe('WRONG_ANSWER');
    expect(defaultGrader(results, parseGraderFlags('always_accept min'))).toEqual(r('ACCEPTED', 2));
    expect(defaultGrader(results, parseGraderFlags('accept_if_any_accepted max'))).toEqual(r('ACCEPTED', 10));
    expect(defaultGrader(results, parseGraderFlags('min avg')).score).toBeCloseTo(16 / 3);
    expect(
      defaultGrader([r('WRONG_ANSWER', 0), r('ACCEPTED', 7)], parseGraderFlags('ignore_sample')),
    ).toEqual(r('ACCEPTED', 7));
  });

  it('ranges: two numbers with inf allowed, the first at most the second', () => {
    expect(parseRange('0 100')).toEqual([0, 100]);
    expect(parseRange('-inf +inf')).toEqual([-Infinity, Infinity]);
    expect(parseRange(undefined)).toEqual([-Infinity, Infinity]);
    expect(parseRange('5 1')).toBeNull();
    expect(parseRange('0')).toBeNull();
    expect(parseRange('a b')).toBeNull();
  });
});

function file(path: string, text: string): PackageFile {
  return { path, bytes: Buffer.from(text), executable: false };
}

describe('gradeTestData', () => {
  const pkg = parsePackage([
    file('problem.yaml', 'name: S\ntype: scoring\n'),
    file('data/testdata.yaml', 'on_reject: continue\nrange: 0 100\ngrader_flags: ignore_sample\n'),
    file('data/sample/testdata.yaml', 'grader_flags: sum\n'),
    file('data/sample/1.in', ''),
    file('data/sample/1.ans', ''),
    file('data/secret/testdata.yaml', 'grader_flags: accept_if_any_accepted\n'),
    file(
      'data/secret/a/testdata.yaml',
      'on_reject: break\ngrader_flags: min\naccept_score: 40\nrange: 0 40\n',
    ),
    file('data/secret/b/testdata.yaml', 'on_reject: break\ngrader_flags: min\naccept_score: 60\n'),
    ...['a/1', 'a/2', 'b/1', 'b/2', 'b/3'].flatMap((c) => [
      file(`data/secret/${c}.in`, ''),
      file(`data/secret/${c}.ans`, ''),
    ]),
  ]);

  it('judges each group until its first rejection (on_reject: break) and aggregates by each group’s flags', async () => {
    const asked: string[] = [];
    const verdicts: Record<string, Verdict> = { 'secret/b/2': 'TIME_LIMIT_EXCEEDED' };
    const graded = await gradeTestData(
      pkg.testData,
      async (testCase: TestCase) => {
        asked.push(testCase.name);
        const verdict = verdicts[testCase.name] ?? 'ACCEPTED';
        return r(verdict, verdict === 'ACCEPTED' ? (testCase.config.acceptScore ?? 1) : 0);
      },
      false,
    );
    expect(asked).toEqual(['sample/1', 'secret/a/1', 'secret/a/2', 'secret/b/1', 'secret/b/2']);
    expect(graded).toEqual({
      verdict: 'ACCEPTED',
      score: 40,
      maxScore: 100,
      groups: [
        { name: 'sample', verdict: 'ACCEPTED', score: 1, maxScore: 100 },
        { name: 'secret', verdict: 'ACCEPTED', score: 40, maxScore: 100 },
        { name: 'secret/a', verdict: 'ACCEPTED', score: 40, maxScore: 40 },
        // No range of its own: the one it inherits (0 100) bounds it.
        { name: 'secret/b', verdict: 'TIME_LIMIT_EXCEEDED', score: 0, maxScore: 100 },
      ],
    });
  });

  it('a judge error in a group is the group’s result, with no score', async () => {
    const graded = await gradeTestData(
      pkg.testData,
      async (testCase) => (testCase.name === 'secret/a/1' ? r('INTERNAL_ERROR', 0) : r('ACCEPTED', 1)),
      false,
    );
    expect(graded.groups.find((g) => g.name === 'secret/a')).toMatchObject({
      verdict: 'INTERNAL_ERROR',
      score: 0,
    });
    // As problemtools: a judge error below decides every group above it, whatever its flags.
    expect(graded.groups.find((g) => g.name === 'secret')?.verdict).toBe('INTERNAL_ERROR');
    expect(graded.verdict).toBe('INTERNAL_ERROR');
  });

  it('grading: custom sends a group’s sub-results and grader_flags to the package’s grader; others keep the default', async () => {
    const custom = parsePackage([
      file('problem.yaml', 'name: S\ntype: scoring\n'),
      file('data/testdata.yaml', 'on_reject: continue\ngrader_flags: ignore_sample\n'),
      file('data/sample/1.in', ''),
      file('data/sample/1.ans', ''),
      file('data/secret/testdata.yaml', 'grading: custom\ngrader_flags: best of\n'),
      file('data/secret/a/testdata.yaml', 'grading: default\naccept_score: 40\n'),
      file('data/secret/b/testdata.yaml', 'grading: default\naccept_score: 100\n'),
      ...['a/1', 'b/1'].flatMap((c) => [file(`data/secret/${c}.in`, ''), file(`data/secret/${c}.ans`, '')]),
      file('graders/best.py', ''),
    ]);
    const calls: [SubResult[], string][] = [];
    const graded = await gradeTestData(
      custom.testData,
      async (testCase) =>
        testCase.name === 'secret/b/1'
          ? r('WRONG_ANSWER', 0)
          : r('ACCEPTED', testCase.config.acceptScore ?? 1),
      false,
      async (results, flags) => {
        calls.push([[...results], flags]);
        return r('ACCEPTED', Math.max(...results.map((x) => x.score)));
      },
    );
    expect(calls).toEqual([[[r('ACCEPTED', 40), r('WRONG_ANSWER', 0)], 'best of']]);
    expect(graded).toMatchObject({ verdict: 'ACCEPTED', score: 40, maxScore: null });
    // The custom group's most is unknown without a finite range; the default groups' stay.
    expect(graded.groups.map((g) => [g.name, g.verdict, g.score, g.maxScore])).toEqual([
      ['sample', 'ACCEPTED', 1, 1],
      ['secret', 'ACCEPTED', 40, null],
      ['secret/a', 'ACCEPTED', 40, 40],
      ['secret/b', 'WRONG_ANSWER', 0, 100],
    ]);
    await expect(gradeTestData(custom.testData, async () => r('ACCEPTED', 1), false)).rejects.toThrow(
      /grading custom needs its grader/,
    );
  });
});
