/** The time limit rules of verification (problemtools' for legacy packages, 2023-07's) and the verdict at a limit. */
import { describe, expect, it } from 'vitest';
import { parsePackage, type PackageFile } from '@arbiter/problem-package';
import type { ProblemOutcome, ProblemTest } from './judge-problem-types.js';
import { bestScore, packageTimeLimit, verdictAtLimit } from './verify-package.js';

function pkg(yaml: string, extra: PackageFile[] = []) {
  return parsePackage([
    { path: 'problem.yaml', bytes: Buffer.from(yaml), executable: false },
    { path: 'data/secret/1.in', bytes: Buffer.from('1\n'), executable: false },
    { path: 'data/secret/1.ans', bytes: Buffer.from('1\n'), executable: false },
    ...extra,
  ]);
}

function outcome(tests: Pick<ProblemTest, 'verdict' | 'timeMs' | 'name'>[]): ProblemOutcome {
  return {
    verdict: tests.find((t) => t.verdict !== 'ACCEPTED')?.verdict ?? 'ACCEPTED',
    passed: 0,
    total: tests.length,
    failedTest: null,
    tests: tests.map((t, index) => ({ ...t, index, memoryKb: 0, source: 'hidden' })),
    stdout: '',
    stderr: '',
    compileOutput: '',
    timeMs: 0,
    wallTimeMs: 0,
    memoryKb: 0,
    exitCode: 0,
    signal: null,
  };
}

describe('packageTimeLimit', () => {
  it('legacy: slowest accepted × time_multiplier rounded to whole seconds (≥ 1), margin ≥ one second more', () => {
    const legacy = pkg('name: L\n');
    // Defaults 5 and 2: 0.35 s → 1.75 → 2 s; margin round(3.5) = 4 s.
    expect(packageTimeLimit(legacy, 350, 2000)).toEqual({
      seconds: 2,
      source: 'derived',
      marginSeconds: 4,
      slowestAcceptedMs: 350,
    });
    // 0.05 s → 0.25 → at least 1 s; margin at least 2 s.
    expect(packageTimeLimit(legacy, 50, 2000)).toMatchObject({ seconds: 1, marginSeconds: 2 });
    const custom = pkg('name: L\nlimits:\n  time_multiplier: 3\n  time_safety_margin: 1.5\n');
    // 1.1 s × 3 = 3.3 → 3 s; margin max(4, round(4.95)) = 5 s.
    expect(packageTimeLimit(custom, 1100, 2000)).toMatchObject({ seconds: 3, marginSeconds: 5 });
  });

  it('2023-07: ac_to_time_limit × slowest rounded up to a whole second, time_limit_to_tle × that as margin', () => {
    const modern = pkg('problem_format_version: 2023-07\nname: M\n');
    // Defaults 2 and 1.5: 0.6 s → 1.2 → 2 s; margin 3 s.
    expect(packageTimeLimit(modern, 600, 2000)).toMatchObject({
      seconds: 2,
      marginSeconds: 3,
      source: 'derived',
    });
  });

  it('a stated limit stands; without one and without accepted runs the platform default applies', () => {
    const stated = pkg('name: S\nlimits:\n  time_limit: 2\n');
    expect(packageTimeLimit(stated, 100, 5000)).toMatchObject({
      seconds: 2,
      source: 'stated',
      marginSeconds: 4,
    });
    expect(packageTimeLimit(pkg('name: D\n'), undefined, 3000)).toMatchObject({
      seconds: 3,
      source: 'default',
    });
  });
});

describe('verdictAtLimit', () => {
  it('the first failing case decides; a case over the limit is a TLE at that limit', () => {
    const run = outcome([
      { verdict: 'ACCEPTED', timeMs: 100, name: 'sample/1' },
      { verdict: 'ACCEPTED', timeMs: 1500, name: 'secret/1' },
      { verdict: 'WRONG_ANSWER', timeMs: 10, name: 'secret/2' },
    ]);
    expect(verdictAtLimit(run, 1000)).toEqual({ verdict: 'TIME_LIMIT_EXCEEDED', name: 'secret/1' });
    expect(verdictAtLimit(run, 2000)).toEqual({ verdict: 'WRONG_ANSWER', name: 'secret/2' });
    expect(verdictAtLimit(outcome([{ verdict: 'ACCEPTED', timeMs: 5 }]), 1000)).toEqual({
      verdict: 'ACCEPTED',
    });
  });
});

describe('bestScore', () => {
  const scored = (score: number | null): ProblemOutcome => ({
    ...outcome([]),
    score: { score: 0, maxScore: score, groups: [] },
  });
  const data = (range: string) => [
    { path: 'data/testdata.yaml', bytes: Buffer.from(`range: ${range}\n`), executable: false },
  ];

  it('objective max (the default): the most score; objective min: the lower bound of data/’s range', () => {
    expect(bestScore(pkg('name: S\ntype: scoring\n', data('0 100')), scored(100))).toBe(100);
    const least = pkg('name: S\ntype: scoring\ngrading:\n  objective: min\n', data('3 100'));
    expect(least.metadata.objective).toBe('min');
    expect(bestScore(least, scored(100))).toBe(3);
    // Without a finite lower bound the least possible score is unknown.
    expect(bestScore(pkg('name: S\ntype: scoring\ngrading:\n  objective: min\n'), scored(100))).toBeNull();
  });
});
