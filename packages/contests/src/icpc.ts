/**
 * ICPC scoring of one cell: the first accepted try solves the problem; its penalty is the minutes
 * from the participant's start to it plus `penaltyMinutes` for each rejected try before it.
 * Compile errors and platform failures count for nothing; tries after the solve are ignored.
 */
import { emptyCell, isNeutral, isPending, type CellOutcome, type CellSettings, type Try } from './cell.js';

export function icpcCell(tries: readonly Try[], settings: CellSettings): CellOutcome {
  const cell = emptyCell();
  for (const attempt of tries) {
    if (isPending(attempt, settings.hideFrom)) {
      cell.pending += 1;
      continue;
    }
    if (isNeutral(attempt)) continue;
    cell.attempts += 1;
    if (attempt.verdict === 'ACCEPTED') {
      cell.solved = true;
      cell.solvedAtMinutes = attempt.minutes;
      cell.solvedAt = attempt.at;
      cell.score = settings.points;
      cell.penalty = attempt.minutes + (cell.attempts - 1) * settings.penaltyMinutes;
      // A try still pending before the solve stays counted as pending; nothing after it matters.
      return cell;
    }
  }
  return cell;
}
