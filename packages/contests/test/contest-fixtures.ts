/** Hand-made contests for the scoring tests: a two-problem contest from START, and its submissions by minute. */
import type { Verdict } from '@arbiter/contracts';
import type { ScoringContest, ScoringSubmission } from '../src/types.js';

export const START = new Date('2026-12-01T10:00:00Z');

/** The instant `minutes` (and `seconds`) after START. */
export const at = (minutes: number, seconds = 0) =>
  new Date(START.getTime() + minutes * 60_000 + seconds * 1000);

/** A five-hour ICPC contest of A (100 points) and B (50), a 60-minute freeze, 20 penalty minutes. */
export function contest(overrides: Partial<ScoringContest> = {}): ScoringContest {
  return {
    id: 'c1',
    scoring: 'icpc',
    startsAt: START,
    endsAt: at(300),
    durationMinutes: null,
    freezeMinutes: 60,
    penaltyMinutes: 20,
    problems: [
      { letter: 'A', problemSlug: 'two-sum', points: 100 },
      { letter: 'B', problemSlug: 'fizz', points: 50 },
    ],
    ...overrides,
  };
}

/**
 * A submission of `userId` at `minute` (judged 30 s later; `verdict` null: still running), 10 of 10 tests
 * passed when accepted, else 3. Ids follow the order of the calls.
 */
let next = 0;
export function sub(
  userId: string,
  problemSlug: string,
  minute: number,
  verdict: Verdict | null,
  extra: Partial<ScoringSubmission> = {},
): ScoringSubmission {
  next += 1;
  return {
    id: `s${String(next).padStart(5, '0')}`,
    userId,
    problemSlug,
    rejudgeOf: null,
    status: verdict === null ? 'running' : 'completed',
    verdict,
    testsPassed: verdict === 'ACCEPTED' ? 10 : 3,
    testsTotal: 10,
    createdAt: at(minute),
    finishedAt: verdict === null ? null : at(minute, 30),
    ...extra,
  };
}
