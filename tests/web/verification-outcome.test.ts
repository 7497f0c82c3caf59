/**
 * How the admin's verification report words a verified submission (apps/web/src/lib/verification-outcome.ts):
 * each submissions.yaml rule it was checked against, and an outcome that tells a submission listed but not
 * judged from one that passed, and names the rules that failed.
 */
import { describe, expect, it } from 'vitest';
import { describeExpectation, submissionOutcome } from '../../apps/web/src/lib/verification-outcome.js';

describe('describeExpectation', () => {
  it('words what a rule asks', () => {
    expect(
      describeExpectation({ pattern: 'mixed/*', permitted: ['AC', 'WA'], required: ['WA'], ok: true }),
    ).toBe('permitted AC, WA; required WA');
    expect(describeExpectation({ pattern: 'partial', score: [0, 50], ok: false })).toBe('score 0–50');
    expect(describeExpectation({ pattern: 'full', score: [100, 100], ok: true })).toBe('score 100');
    expect(describeExpectation({ pattern: 'empty', ok: true })).toBe('any verdict');
  });
});

describe('submissionOutcome', () => {
  it('marks a listed submission that was not judged as such, not as OK', () => {
    expect(submissionOutcome({ ok: true, got: null })).toEqual({
      label: 'Not judged',
      tone: 'muted',
      failedRules: [],
    });
  });

  it('says OK for a judged submission that met everything', () => {
    const outcome = submissionOutcome({
      ok: true,
      got: 'ACCEPTED',
      expectations: [{ pattern: 'accepted', permitted: ['AC'], ok: true }],
    });
    expect(outcome).toEqual({ label: 'OK', tone: 'ok', failedRules: [] });
  });

  it('names the submissions.yaml rules that failed', () => {
    const outcome = submissionOutcome({
      ok: false,
      got: 'ACCEPTED',
      expectations: [
        { pattern: 'mixed/*', permitted: ['AC', 'WA'], ok: true },
        { pattern: 'mixed/wrong_claim.py', required: ['WA'], ok: false },
      ],
    });
    expect(outcome).toEqual({
      label: 'Fails submissions.yaml',
      tone: 'bad',
      failedRules: ['mixed/wrong_claim.py'],
    });
  });

  it('keeps "Fails its label" when every rule held (or there were none)', () => {
    expect(submissionOutcome({ ok: false, got: 'ACCEPTED' }).label).toBe('Fails its label');
    expect(
      submissionOutcome({ ok: false, got: 'WRONG_ANSWER', expectations: [{ pattern: 'x', ok: true }] }).label,
    ).toBe('Fails its label');
  });
});
