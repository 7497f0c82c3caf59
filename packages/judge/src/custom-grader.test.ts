/** The custom grader's protocol: its stdin from the sub-results, its one-line answer read strictly. */
import { describe, expect, it } from 'vitest';
import { graderInput, parseGraderOutput } from './custom-grader.js';

describe('graderInput', () => {
  it('one "<verdict> <score>" line per sub-result, in order, in the specification’s codes', () => {
    expect(
      graderInput([
        { verdict: 'ACCEPTED', score: 40 },
        { verdict: 'WRONG_ANSWER', score: 0 },
        { verdict: 'TIME_LIMIT_EXCEEDED', score: 0.5 },
        { verdict: 'RUNTIME_ERROR', score: -1 },
        // Limits of memory and output are crashes (problemtools says RTE).
        { verdict: 'MEMORY_LIMIT_EXCEEDED', score: 0 },
        { verdict: 'OUTPUT_LIMIT_EXCEEDED', score: 0 },
      ]),
    ).toBe('AC 40\nWA 0\nTLE 0.5\nRTE -1\nRTE 0\nRTE 0\n');
    // A judge error never reaches a grader: it is the group's result before any grader runs.
    expect(() => graderInput([{ verdict: 'INTERNAL_ERROR', score: 0 }])).toThrow(/cannot be given/);
  });
});

describe('parseGraderOutput', () => {
  it('reads one line: a verdict code, whitespace, a finite number', () => {
    expect(parseGraderOutput('AC 100\n')).toEqual({ verdict: 'ACCEPTED', score: 100 });
    expect(parseGraderOutput('WA\t0.25')).toEqual({ verdict: 'WRONG_ANSWER', score: 0.25 });
    expect(parseGraderOutput('TLE -3 \n')).toEqual({ verdict: 'TIME_LIMIT_EXCEEDED', score: -3 });
    expect(parseGraderOutput('RTE 1e2\n')).toEqual({ verdict: 'RUNTIME_ERROR', score: 100 });
    expect(parseGraderOutput('JE 0\n')).toEqual({ verdict: 'INTERNAL_ERROR', score: 0 });
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      '\n',
      'AC\n',
      'AC lots\n',
      'ac 1\n',
      'PE 1\n',
      'AC 1 2\n',
      'AC 1\nAC 2\n',
      ' AC 1\n',
      'AC 1\n\n',
      'AC inf\n',
      'AC nan\n',
      'AC 1e999\n',
    ])
      expect(parseGraderOutput(bad), JSON.stringify(bad)).toHaveProperty('error');
  });
});
