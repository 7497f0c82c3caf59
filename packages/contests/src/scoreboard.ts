/**
 * The scoreboard of a contest from its participants and submissions (rows as the database holds
 * them, rejudges included): each cell by the contest's rule, rows ranked, first solves marked.
 * Pure: the API reads the rows and calls it on every view, so a rejudge or a late verdict is
 * reflected the next time anyone looks.
 */
import type { Scoreboard, ScoreboardCell, ScoreboardRow } from '@arbiter/contracts';
import type { CellOutcome, Try } from './cell.js';
import { icpcCell } from './icpc.js';
import { ioiCell } from './ioi.js';
import { effectiveSubmissions } from './rejudges.js';
import type { ScoringContest, ScoringParticipant, ScoringSubmission } from './types.js';
import { freezeAt, inWindow, minutesBetween, participantWindow } from './window.js';

export interface ScoreboardOptions {
  /** Hide the tries made from the freeze on (the public view between the freeze and the end). */
  frozen: boolean;
  /** The time the board is made at. */
  now: Date;
}

interface RankedRow extends ScoreboardRow {
  /** Wall time of each solve by letter (first-to-solve marks). */
  solvedAt: Map<string, Date>;
}

/** How many of `sorted` (best first) rank strictly before `row`. */
function countAhead<T>(sorted: readonly T[], row: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle] as T, row) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Negative when `a` ranks before `b`, 0 when they share a rank. */
function compareResults(rule: ScoringContest['scoring'], a: ScoreboardRow, b: ScoreboardRow): number {
  if (rule === 'ioi') return b.score - a.score;
  return (
    b.solved - a.solved || a.penalty - b.penalty || (a.lastSolveMinutes ?? 0) - (b.lastSolveMinutes ?? 0)
  );
}

export function computeScoreboard(
  contest: ScoringContest,
  participants: readonly ScoringParticipant[],
  submissions: readonly ScoringSubmission[],
  options: ScoreboardOptions,
): Scoreboard {
  const freeze = freezeAt(contest);
  const hideFrom = options.frozen ? freeze : null;
  const cellOf = contest.scoring === 'ioi' ? ioiCell : icpcCell;
  const letterOf = new Map(contest.problems.map((problem) => [problem.problemSlug, problem.letter]));

  // Each participant's tries per letter, in the order they were made.
  const tries = new Map<string, Map<string, Try[]>>();
  const byUser = new Map(participants.map((participant) => [participant.userId, participant]));
  const ordered = effectiveSubmissions(submissions).sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  for (const submission of ordered) {
    const participant = byUser.get(submission.userId);
    const letter = letterOf.get(submission.problemSlug);
    if (participant === undefined || letter === undefined) continue;
    const window = participantWindow(contest, participant);
    if (window === null || !inWindow(window, submission.createdAt)) continue;
    const mine = tries.get(participant.userId) ?? new Map<string, Try[]>();
    tries.set(participant.userId, mine);
    const list = mine.get(letter) ?? [];
    mine.set(letter, list);
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

  const rows: RankedRow[] = participants.map((participant) => {
    const mine = tries.get(participant.userId);
    const solvedAt = new Map<string, Date>();
    const cells: (ScoreboardCell & { penalty: number })[] = contest.problems.map((problem) => {
      const outcome: CellOutcome = cellOf(mine?.get(problem.letter) ?? [], {
        points: problem.points,
        penaltyMinutes: contest.penaltyMinutes,
        // Virtual participants take part after the end: nothing of theirs is ever frozen.
        hideFrom: participant.virtual ? null : hideFrom,
      });
      if (outcome.solvedAt !== null) solvedAt.set(problem.letter, outcome.solvedAt);
      return {
        letter: problem.letter,
        attempts: outcome.attempts,
        pending: outcome.pending,
        solved: outcome.solved,
        solvedAtMinutes: outcome.solvedAtMinutes,
        score: outcome.score,
        firstToSolve: false,
        penalty: outcome.penalty,
      };
    });
    const solvedCells = cells.filter((cell) => cell.solved);
    return {
      rank: 0,
      userId: participant.userId,
      username: participant.username,
      virtual: participant.virtual,
      solved: solvedCells.length,
      penalty: contest.scoring === 'icpc' ? cells.reduce((sum, cell) => sum + cell.penalty, 0) : 0,
      score: Math.round(cells.reduce((sum, cell) => sum + cell.score, 0) * 100) / 100,
      lastSolveMinutes:
        solvedCells.length === 0 ? null : Math.max(...solvedCells.map((cell) => cell.solvedAtMinutes ?? 0)),
      cells: cells.map(({ penalty: _penalty, ...cell }) => cell),
      solvedAt,
    };
  });

  // Ranks count only participants who took part live: a virtual row shows where it would have placed.
  // A row's rank is 1 + the live rows strictly ahead of it: found by binary search in the live rows
  // sorted best first: n log n comparisons, where comparing every pair grew with the square of the rows.
  const compare = (a: ScoreboardRow, b: ScoreboardRow) => compareResults(contest.scoring, a, b);
  const ranked = rows.filter((row) => !row.virtual).sort(compare);
  for (const row of rows) row.rank = 1 + countAhead(ranked, row, compare);
  rows.sort(
    (a, b) =>
      a.rank - b.rank || Number(a.virtual) - Number(b.virtual) || a.username.localeCompare(b.username),
  );

  const problems = contest.problems.map((problem, index) => {
    const live = rows.filter((row) => !row.virtual);
    const times = live
      .map((row) => row.solvedAt.get(problem.letter))
      .filter((at): at is Date => at !== undefined);
    const first = times.length === 0 ? null : Math.min(...times.map((at) => at.getTime()));
    for (const row of live) {
      const cell = row.cells[index];
      if (cell !== undefined && first !== null && row.solvedAt.get(problem.letter)?.getTime() === first)
        cell.firstToSolve = true;
    }
    return {
      letter: problem.letter,
      points: problem.points,
      solvedBy: times.length,
      tries: live.reduce((sum, row) => sum + (row.cells[index]?.attempts ?? 0), 0),
    };
  });

  return {
    contestId: contest.id,
    scoring: contest.scoring,
    frozen: hideFrom !== null,
    freezeAt: freeze?.toISOString() ?? null,
    problems,
    rows: rows.map(({ solvedAt: _solvedAt, ...row }) => row),
    generatedAt: options.now.toISOString(),
  };
}
