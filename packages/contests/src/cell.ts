/** One participant's tries on one problem, as both rules read them, and what a rule makes of them. */
import type { JobStatus, Verdict } from '@arbiter/contracts';

export interface Try {
  /** Wall time of the submission. */
  at: Date;
  /** Whole minutes from the participant's window start. */
  minutes: number;
  status: JobStatus;
  verdict: Verdict | null;
  testsPassed: number | null;
  testsTotal: number | null;
  /** A scoring problem's submission: its score and the most it could be (absent or null: not a scoring problem). */
  score?: number | null;
  maxScore?: number | null;
}

export interface CellSettings {
  /** The problem's points. */
  points: number;
  /** ICPC: minutes per rejected try before the solve. */
  penaltyMinutes: number;
  /** Tries from this time on are not shown (the frozen board); null: all are. */
  hideFrom: Date | null;
}

export interface CellOutcome {
  attempts: number;
  pending: number;
  solved: boolean;
  solvedAtMinutes: number | null;
  /** Wall time of the solving try (first-to-solve marks). */
  solvedAt: Date | null;
  score: number;
  /** ICPC penalty minutes of this problem (0 unless solved). */
  penalty: number;
}

/** Tries that tell nothing about the solution: the program never ran, or the platform failed it. */
export function isNeutral(attempt: Try): boolean {
  return (
    attempt.status === 'failed' || attempt.verdict === 'COMPILE_ERROR' || attempt.verdict === 'INTERNAL_ERROR'
  );
}

/** Whether a try is not shown yet: still being judged, or hidden by the freeze. */
export function isPending(attempt: Try, hideFrom: Date | null): boolean {
  if (hideFrom !== null && attempt.at >= hideFrom) return true;
  return attempt.status !== 'completed' && attempt.status !== 'failed';
}

export function emptyCell(): CellOutcome {
  return {
    attempts: 0,
    pending: 0,
    solved: false,
    solvedAtMinutes: null,
    solvedAt: null,
    score: 0,
    penalty: 0,
  };
}
