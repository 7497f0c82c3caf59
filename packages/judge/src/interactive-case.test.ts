/** The verdict of one interactive case from how the submission and the interactor each ended. */
import { describe, expect, it } from 'vitest';
import { interactiveVerdict, interactorLimits } from './interactive-case.js';

const ends = (overrides: Partial<Parameters<typeof interactiveVerdict>[0]>) =>
  interactiveVerdict({
    validation: 'ACCEPTED',
    validatorStatus: 'exited',
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

  it('an interactor still digesting a flood when its wall clock ends, after the submission ran out of time: TLE', () => {
    // The interactor still digesting what the submission sent when its time ran out.
    expect(
      ends({
        validation: 'INTERNAL_ERROR',
        validatorStatus: 'wall_limit',
        submission: 'TIME_LIMIT_EXCEEDED',
      }),
    ).toBe('TIME_LIMIT_EXCEEDED');
    expect(
      ends({ validation: 'INTERNAL_ERROR', validatorStatus: 'cpu_limit', submission: 'TIME_LIMIT_EXCEEDED' }),
    ).toBe('TIME_LIMIT_EXCEEDED');
    // Anything else the interactor does wrong stays a judge error.
    expect(
      ends({ validation: 'INTERNAL_ERROR', validatorStatus: 'wall_limit', submission: 'RUNTIME_ERROR' }),
    ).toBe('INTERNAL_ERROR');
    expect(
      ends({ validation: 'INTERNAL_ERROR', validatorStatus: 'signaled', submission: 'TIME_LIMIT_EXCEEDED' }),
    ).toBe('INTERNAL_ERROR');
    expect(
      ends({
        validation: 'INTERNAL_ERROR',
        validatorStatus: 'wall_limit',
        validatorFirst: true,
        submission: 'TIME_LIMIT_EXCEEDED',
      }),
    ).toBe('INTERNAL_ERROR');
  });
});

describe('interactorLimits', () => {
  it('gives the interactor CPU time for as long as its wall clock, so a flood cannot end it first', () => {
    expect(interactorLimits(31_000)).toMatchObject({ cpuMs: 41_000, wallMs: 41_000 });
    expect(interactorLimits(4_000)).toMatchObject({ cpuMs: 30_000, wallMs: 14_000 });
  });
});
