/** The verdict of one interactive case from how the submission and the interactor each ended. */
import { describe, expect, it } from 'vitest';
import { interactiveVerdict, interactorLimits } from './interactive-case.js';

const ends = (overrides: Partial<Parameters<typeof interactiveVerdict>[0]>) =>
  interactiveVerdict({
    validation: 'ACCEPTED',
    validatorFirst: false,
    submission: 'ACCEPTED',
    ...overrides,
  });

describe('interactiveVerdict', () => {
  it("follows problemtools' order: judge error, early 43, the submission's own failure, the validator", () => {
    expect(ends({ validation: 'INTERNAL_ERROR', submission: 'RUNTIME_ERROR' })).toBe('INTERNAL_ERROR');
    expect(
      ends({ validation: 'WRONG_ANSWER', validatorFirst: true, submission: 'TIME_LIMIT_EXCEEDED' }),
    ).toBe('WRONG_ANSWER');
    expect(ends({ validation: 'WRONG_ANSWER', submission: 'TIME_LIMIT_EXCEEDED' })).toBe(
      'TIME_LIMIT_EXCEEDED',
    );
    expect(ends({ validation: 'ACCEPTED', submission: 'RUNTIME_ERROR' })).toBe('RUNTIME_ERROR');
    expect(ends({ validation: 'WRONG_ANSWER' })).toBe('WRONG_ANSWER');
    expect(ends({})).toBe('ACCEPTED');
  });

  it('an interactor stopped by its time limits is a judge error, also after the submission ran out of time', () => {
    // The relay holds back like a pipe: a submission's flood leaves the interactor no backlog to excuse it.
    for (const submission of ['TIME_LIMIT_EXCEEDED', 'RUNTIME_ERROR', 'ACCEPTED'] as const) {
      expect(ends({ validation: 'INTERNAL_ERROR', submission })).toBe('INTERNAL_ERROR');
      expect(ends({ validation: 'INTERNAL_ERROR', validatorFirst: true, submission })).toBe('INTERNAL_ERROR');
    }
  });
});

describe('interactorLimits', () => {
  it('gives the interactor CPU time for as long as its wall clock, so a flood cannot end it first', () => {
    expect(interactorLimits(31_000)).toMatchObject({ cpuMs: 41_000, wallMs: 41_000 });
    expect(interactorLimits(4_000)).toMatchObject({ cpuMs: 30_000, wallMs: 14_000 });
  });
});
