/** A participant's contest window, the contest's phase, and when the public board is frozen. */
import type { ContestPhase } from '@arbiter/contracts';
import type { ScoringContest, ScoringParticipant } from './types.js';

const MINUTE_MS = 60_000;

export interface ContestWindow {
  start: Date;
  end: Date;
}

export function contestPhase(contest: Pick<ScoringContest, 'startsAt' | 'endsAt'>, now: Date): ContestPhase {
  if (now < contest.startsAt) return 'upcoming';
  return now < contest.endsAt ? 'running' : 'ended';
}

/**
 * When a participant may submit: the contest's [startsAt, endsAt]; with a duration, their own
 * `durationMinutes` from when they started, cut at the end; a virtual participant has the whole
 * length (duration, or the contest's) from when they started. null: their window has not opened.
 */
export function participantWindow(
  contest: Pick<ScoringContest, 'startsAt' | 'endsAt' | 'durationMinutes'>,
  participant: Pick<ScoringParticipant, 'virtual' | 'startedAt'>,
): ContestWindow | null {
  const lengthMs =
    contest.durationMinutes === null
      ? contest.endsAt.getTime() - contest.startsAt.getTime()
      : contest.durationMinutes * MINUTE_MS;
  if (participant.virtual) {
    if (participant.startedAt === null) return null;
    return { start: participant.startedAt, end: new Date(participant.startedAt.getTime() + lengthMs) };
  }
  if (contest.durationMinutes === null) return { start: contest.startsAt, end: contest.endsAt };
  if (participant.startedAt === null) return null;
  const end = Math.min(participant.startedAt.getTime() + lengthMs, contest.endsAt.getTime());
  return { start: participant.startedAt, end: new Date(end) };
}

/** Whether `at` lies in the window (start included, end excluded). */
export function inWindow(window: ContestWindow | null, at: Date): boolean {
  return window !== null && at >= window.start && at < window.end;
}

/** When the public board freezes; null when it never does. */
export function freezeAt(contest: Pick<ScoringContest, 'endsAt' | 'freezeMinutes'>): Date | null {
  return contest.freezeMinutes > 0
    ? new Date(contest.endsAt.getTime() - contest.freezeMinutes * MINUTE_MS)
    : null;
}

/**
 * Whether a viewer sees the frozen board: from the freeze to the end, for everyone but those who
 * manage the contest. After the end the board is revealed to all.
 */
export function isFrozenFor(
  contest: Pick<ScoringContest, 'endsAt' | 'freezeMinutes'>,
  now: Date,
  viewerManages: boolean,
): boolean {
  const freeze = freezeAt(contest);
  return !viewerManages && freeze !== null && now >= freeze && now < contest.endsAt;
}

/** Whole minutes from `start` to `at` (what ICPC penalties count). */
export function minutesBetween(start: Date, at: Date): number {
  return Math.max(0, Math.floor((at.getTime() - start.getTime()) / MINUTE_MS));
}
