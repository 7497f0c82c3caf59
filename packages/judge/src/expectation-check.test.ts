/** submissions.yaml's rules checked on a submission's judged cases: permitted, required, test data globs, score. */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '@arbiter/contracts';
import { checkExpectations, expectedVerdicts } from './expectation-check.js';

const test = (name: string, verdict: Verdict, timeMs = 10) => ({ name, verdict, timeMs });
const ok = (checks: { ok: boolean }[]) => checks.map((check) => check.ok);

describe('checkExpectations', () => {
  const mixed = [
    test('sample/1', 'ACCEPTED'),
    test('secret/1-easy', 'ACCEPTED'),
    test('secret/2-hard', 'WRONG_ANSWER'),
  ];

  it('holds a rule when every covered case is permitted and one is required', () => {
    expect(
      ok(
        checkExpectations(
          [
            { pattern: 'wa', permitted: ['AC', 'WA'], required: ['WA'] },
            { pattern: 'ac', permitted: ['AC'] },
            { pattern: 'tle', required: ['TLE'] },
          ],
          mixed,
          1000,
        ),
      ),
    ).toEqual([true, false, false]);
  });

  it('applies a test data glob to the cases it or a parent group matches', () => {
    const rules = [
      { pattern: 'x sample', cases: 'sample', permitted: ['AC' as const] },
      { pattern: 'x secret/*-easy', cases: 'secret/*-easy', permitted: ['AC' as const] },
      {
        pattern: 'x secret/*-hard',
        cases: 'secret/*-hard',
        permitted: ['AC' as const, 'WA' as const],
        required: ['WA' as const],
      },
      { pattern: 'x secret', cases: 'secret', permitted: ['AC' as const] },
    ];
    expect(ok(checkExpectations(rules, mixed, 1000))).toEqual([true, true, true, false]);
  });

  it('reads a case over the limit as TLE and a memory or output limit as RTE; a compile error meets no required', () => {
    const slow = [test('secret/1', 'ACCEPTED', 1500), test('secret/2', 'MEMORY_LIMIT_EXCEEDED')];
    expect(
      ok(checkExpectations([{ pattern: 't', permitted: ['TLE', 'RTE'], required: ['TLE'] }], slow, 1000)),
    ).toEqual([true]);
    expect(ok(checkExpectations([{ pattern: 't', permitted: ['AC', 'RTE'] }], slow, 2000))).toEqual([true]);
    expect(ok(checkExpectations([{ pattern: 'r', required: ['RTE', 'WA', 'TLE'] }], [], 1000))).toEqual([
      false,
    ]);
  });

  it('checks the score against a number or an inclusive range', () => {
    const checks = checkExpectations(
      [
        { pattern: 'a', score: [40, 60] },
        { pattern: 'b', score: [100, 100] },
      ],
      mixed,
      1000,
      60,
    );
    expect(checks).toEqual([
      { pattern: 'a', score: [40, 60], ok: true },
      { pattern: 'b', score: [100, 100], ok: false },
    ]);
  });
});

describe('expectedVerdicts', () => {
  it('gives the submission verdicts the whole-submission rules allow', () => {
    expect(expectedVerdicts([{ pattern: 'w', permitted: ['AC', 'WA'], required: ['WA'] }])).toEqual([
      'WRONG_ANSWER',
    ]);
    expect(expectedVerdicts([{ pattern: 'a', permitted: ['AC'] }])).toEqual(['ACCEPTED']);
    expect(
      expectedVerdicts([{ pattern: 'b', permitted: ['AC', 'TLE', 'RTE'], required: ['RTE', 'TLE'] }]),
    ).toEqual(['TIME_LIMIT_EXCEEDED', 'RUNTIME_ERROR', 'MEMORY_LIMIT_EXCEEDED', 'OUTPUT_LIMIT_EXCEEDED']);
  });
});
