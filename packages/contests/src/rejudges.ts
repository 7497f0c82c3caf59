/**
 * Rejudges under scoring: an original submission counts with the verdict of its latest finished
 * rejudge (the original row is never rewritten), so a board recomputed after a rejudge is right.
 * A rejudge still running leaves the original's verdict in place until it lands.
 */
import { isFinalStatus } from '@arbiter/contracts';
import type { ScoringSubmission } from './types.js';

export function effectiveSubmissions(rows: readonly ScoringSubmission[]): ScoringSubmission[] {
  const latest = new Map<string, ScoringSubmission>();
  for (const row of rows) {
    if (row.rejudgeOf === null || !isFinalStatus(row.status)) continue;
    const seen = latest.get(row.rejudgeOf);
    const later = (seen?.finishedAt?.getTime() ?? -Infinity) <= (row.finishedAt?.getTime() ?? 0);
    if (seen === undefined || later) latest.set(row.rejudgeOf, row);
  }
  return rows
    .filter((row) => row.rejudgeOf === null)
    .map((original) => {
      const rejudge = latest.get(original.id);
      if (rejudge === undefined) return original;
      return {
        ...original,
        status: rejudge.status,
        verdict: rejudge.verdict,
        testsPassed: rejudge.testsPassed,
        testsTotal: rejudge.testsTotal,
        score: rejudge.score ?? null,
        maxScore: rejudge.maxScore ?? null,
      };
    });
}
