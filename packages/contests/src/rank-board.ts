/**
 * A board from scored rows (participant-row.ts): rows ranked by the contest's rule, first solves marked,
 * per-problem counts. Makes new row objects each time, so the scored rows can be kept and reused.
 */
import type { Scoreboard, ScoreboardRow } from '@arbiter/contracts';
import type { ScoredRow } from './participant-row.js';
import type { ScoringContest } from './types.js';
import { freezeAt } from './window.js';

export interface ScoreboardOptions {
  /** Hide the tries made from the freeze on (the public view between the freeze and the end). */
  frozen: boolean;
  /** The time the board is made at. */
  now: Date;
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

type Totals = Pick<ScoredRow, 'solved' | 'penalty' | 'score' | 'lastSolveMinutes'>;

/** Negative when `a` ranks before `b`, 0 when they share a rank. */
function compareResults(rule: ScoringContest['scoring'], a: Totals, b: Totals): number {
  if (rule === 'ioi') return b.score - a.score;
  return (
    b.solved - a.solved || a.penalty - b.penalty || (a.lastSolveMinutes ?? 0) - (b.lastSolveMinutes ?? 0)
  );
}

/**
 * Ranks `rows` (each scored with the same `frozen` as `options` says). Ranks count only participants who
 * took part live: a virtual row shows where it would have placed. A row's rank is 1 + the live rows
 * strictly ahead of it, found by binary search in the live rows sorted best first (n log n comparisons).
 */
export function rankBoard(
  contest: ScoringContest,
  rows: readonly ScoredRow[],
  options: ScoreboardOptions,
): Scoreboard {
  const freeze = freezeAt(contest);
  const compare = (a: Totals, b: Totals) => compareResults(contest.scoring, a, b);
  const live = rows.filter((row) => !row.virtual);
  const sorted = [...live].sort(compare);

  // The first live solve of each problem, by wall time (ties share the mark).
  const first = contest.problems.map((problem) => {
    let earliest: number | null = null;
    for (const row of live) {
      const at = row.solvedAt.get(problem.letter)?.getTime();
      if (at !== undefined && (earliest === null || at < earliest)) earliest = at;
    }
    return earliest;
  });

  const ranked: ScoreboardRow[] = rows.map((row) => ({
    rank: 1 + countAhead(sorted, row, compare),
    userId: row.userId,
    username: row.username,
    virtual: row.virtual,
    solved: row.solved,
    penalty: row.penalty,
    score: row.score,
    lastSolveMinutes: row.lastSolveMinutes,
    cells: row.cells.map((cell, index) => ({
      ...cell,
      firstToSolve:
        !row.virtual && first[index] !== null && row.solvedAt.get(cell.letter)?.getTime() === first[index],
    })),
  }));
  ranked.sort(
    (a, b) =>
      a.rank - b.rank || Number(a.virtual) - Number(b.virtual) || a.username.localeCompare(b.username),
  );

  const problems = contest.problems.map((problem, index) => ({
    letter: problem.letter,
    points: problem.points,
    solvedBy: live.filter((row) => row.solvedAt.has(problem.letter)).length,
    tries: live.reduce((sum, row) => sum + (row.cells[index]?.attempts ?? 0), 0),
  }));

  return {
    contestId: contest.id,
    scoring: contest.scoring,
    frozen: options.frozen && freeze !== null,
    freezeAt: freeze?.toISOString() ?? null,
    problems,
    rows: ranked,
    generatedAt: options.now.toISOString(),
  };
}
