/** A submission row as it leaves the server in lists: no internal worker names, dates as ISO strings. */
import type { SubmissionSummary } from '@arbiter/db';

export function submissionSummaryView(row: SubmissionSummary) {
  return {
    id: row.id,
    problemSlug: row.problemSlug,
    language: row.language,
    mode: row.mode,
    status: row.status,
    verdict: row.verdict,
    timeMs: row.timeMs,
    memoryKb: row.memoryKb,
    testsPassed: row.testsPassed,
    testsTotal: row.testsTotal,
    rejudgeOf: row.rejudgeOf,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
