/**
 * IOI scoring of one cell: the best score over the tries, rounded down to 0.01; no penalty. A try on a
 * scoring problem scores `score / maxScore × points` (its subtask points, as the package's graders gave
 * them); any other try `passed / total × points`, full points when accepted.
 */
import { emptyCell, isNeutral, isPending, type CellOutcome, type CellSettings, type Try } from './cell.js';

export function tryScore(attempt: Try, points: number): number {
  const { score, maxScore } = attempt;
  if (score !== undefined && score !== null && maxScore !== undefined && maxScore !== null && maxScore > 0) {
    if (score >= maxScore) return points;
    return Math.max(0, Math.floor((score / maxScore) * points * 100) / 100);
  }
  if (attempt.verdict === 'ACCEPTED') return points;
  const total = attempt.testsTotal ?? 0;
  if (total <= 0) return 0;
  return Math.floor(((attempt.testsPassed ?? 0) / total) * points * 100) / 100;
}

export function ioiCell(tries: readonly Try[], settings: CellSettings): CellOutcome {
  const cell = emptyCell();
  for (const attempt of tries) {
    if (isPending(attempt, settings.hideFrom)) {
      cell.pending += 1;
      continue;
    }
    if (isNeutral(attempt)) continue;
    cell.attempts += 1;
    const score = tryScore(attempt, settings.points);
    if (score > cell.score) cell.score = score;
    if (!cell.solved && score >= settings.points) {
      cell.solved = true;
      cell.solvedAtMinutes = attempt.minutes;
      cell.solvedAt = attempt.at;
    }
  }
  return cell;
}
