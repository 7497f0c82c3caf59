/** What scoring reads: a contest's settings, its participants and their submissions, already from the database. */
import type { JobStatus, ScoringRule, Verdict } from '@arbiter/contracts';

export interface ScoringContest {
  id: string;
  scoring: ScoringRule;
  startsAt: Date;
  endsAt: Date;
  /** Per-participant window length, in minutes; null: everyone has [startsAt, endsAt]. */
  durationMinutes: number | null;
  /** Minutes before `endsAt` when the public board freezes (0: never). */
  freezeMinutes: number;
  /** ICPC: minutes per rejected try before the solve. */
  penaltyMinutes: number;
  /** In the board's column order. */
  problems: readonly { letter: string; problemSlug: string; points: number }[];
}

export interface ScoringParticipant {
  userId: string;
  username: string;
  /** Registered after the end: their own clock, no first-to-solve marks. */
  virtual: boolean;
  /** When their own window opened (duration and virtual participation); null otherwise or not yet. */
  startedAt: Date | null;
}

/** One submission of the contest: an original, or an admin's rejudge of one (`rejudgeOf`). */
export interface ScoringSubmission {
  id: string;
  userId: string;
  problemSlug: string;
  rejudgeOf: string | null;
  status: JobStatus;
  verdict: Verdict | null;
  testsPassed: number | null;
  testsTotal: number | null;
  /** A scoring problem's submission: the score its graders gave and the most there is (absent or null otherwise). */
  score?: number | null;
  maxScore?: number | null;
  /** When it was submitted (what its minute and the freeze are measured by). */
  createdAt: Date;
  /** When its verdict landed (orders rejudges of one original). */
  finishedAt: Date | null;
}
