/**
 * Ranks an accepted submit on a problem against the accepted submits of the same problem and
 * language in the database: the share that was slower, and that used more memory.
 */
import type { JobResult } from '@arbiter/contracts';
import type { ApiResources } from '../resources.js';

export async function withPercentile(
  resources: Pick<ApiResources, 'db'>,
  record: JobResult,
): Promise<JobResult> {
  if (
    record.verdict !== 'ACCEPTED' ||
    record.mode !== 'submit' ||
    record.problem === null ||
    record.timeMs === null ||
    record.memoryKb === null ||
    record.percentile !== null
  ) {
    return record;
  }
  const percentile = await resources.db.stats.percentile({
    problem: record.problem,
    language: record.language,
    timeMs: record.timeMs,
    memoryKb: record.memoryKb,
  });
  return { ...record, percentile };
}
