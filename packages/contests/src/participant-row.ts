/**
 * One participant's row of the scoreboard, scored alone from their own submissions (rejudges included):
 * the unit the board is made of, so a verdict rescores one row and the rest are kept (board-rows.ts).
 */
import type { ScoreboardCell } from '@arbiter/contracts';
import type { CellOutcome, Try } from './cell.js';
import { icpcCell } from './icpc.js';
import { ioiCell } from './ioi.js';
import { effectiveSubmissions } from './rejudges.js';
import type { ScoringContest, ScoringParticipant, ScoringSubmission } from './types.js';
import { freezeAt, inWindow, minutesBetween, participantWindow } from './window.js';

/** A scored row before ranking: its cells (first-to-solve marks unset) and the wall time of each solve. */
export interface ScoredRow {
  userId: string;
  username: string;
  virtual: boolean;
  solved: number;
  penalty: number;
  score: number;
  lastSolveMinutes: number | null;
  /** In the contest's problem order; `firstToSolve` is false here (ranking sets it on copies). */
  cells: readonly ScoreboardCell[];
  /** Wall time of each solve by letter (first-to-solve marks). */
  solvedAt: ReadonlyMap<string, Date>;
}

/** The participant's tries per letter, in the order they were made, inside their window. */
function triesOf(
  contest: ScoringContest,
  participant: ScoringParticipant,
  submissions: readonly ScoringSubmission[],
): Map<string, Try[]> {
  const letterOf = new Map(contest.problems.map((problem) => [problem.problemSlug, problem.letter]));
  const tries = new Map<string, Try[]>();
  const window = participantWindow(contest, participant);
  if (window === null) return tries;
  const ordered = effectiveSubmissions(submissions).sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  for (const submission of ordered) {
    const letter = letterOf.get(submission.problemSlug);
    if (letter === undefined || !inWindow(window, submission.createdAt)) continue;
    const list = tries.get(letter) ?? [];
    tries.set(letter, list);
    list.push({
      at: submission.createdAt,
      minutes: minutesBetween(window.start, submission.createdAt),
      status: submission.status,
      verdict: submission.verdict,
      testsPassed: submission.testsPassed,
      testsTotal: submission.testsTotal,
      score: submission.score ?? null,
      maxScore: submission.maxScore ?? null,
    });
  }
  return tries;
}

/**
 * Scores one participant's row from their own submissions (originals and rejudges). `frozen`: hide the tries
 * made from the freeze on (the public view between the freeze and the end; never for virtual participants).
 */
export function scoreParticipant(
  contest: ScoringContest,
  participant: ScoringParticipant,
  submissions: readonly ScoringSubmission[],
  frozen: boolean,
): ScoredRow {
  const tries = triesOf(contest, participant, submissions);
  const cellOf = contest.scoring === 'ioi' ? ioiCell : icpcCell;
  // Virtual participants take part after the end: nothing of theirs is ever frozen.
  const hideFrom = frozen && !participant.virtual ? freezeAt(contest) : null;
  const solvedAt = new Map<string, Date>();
  let penalty = 0;
  const cells: ScoreboardCell[] = contest.problems.map((problem) => {
    const outcome: CellOutcome = cellOf(tries.get(problem.letter) ?? [], {
      points: problem.points,
      penaltyMinutes: contest.penaltyMinutes,
      hideFrom,
    });
    if (outcome.solvedAt !== null) solvedAt.set(problem.letter, outcome.solvedAt);
    penalty += outcome.penalty;
    return {
      letter: problem.letter,
      attempts: outcome.attempts,
      pending: outcome.pending,
      solved: outcome.solved,
      solvedAtMinutes: outcome.solvedAtMinutes,
      score: outcome.score,
      firstToSolve: false,
    };
  });
  const solvedCells = cells.filter((cell) => cell.solved);
  return {
    userId: participant.userId,
    username: participant.username,
    virtual: participant.virtual,
    solved: solvedCells.length,
    penalty: contest.scoring === 'icpc' ? penalty : 0,
    score: Math.round(cells.reduce((sum, cell) => sum + cell.score, 0) * 100) / 100,
    lastSolveMinutes:
      solvedCells.length === 0 ? null : Math.max(...solvedCells.map((cell) => cell.solvedAtMinutes ?? 0)),
    cells,
    solvedAt,
  };
}
