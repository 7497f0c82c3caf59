/**
 * What `GET /status/:jobId` answers: the database's row once the job is finished (it
 * outlives Redis), the live Redis record while it runs (or while the database is unreachable),
 * and the accepted row alone if Redis has lost the job. Null when neither knows the id.
 */
import { isFinalStatus, type JobResult } from '@arbiter/contracts';
import { queuePosition } from '@arbiter/queue';
import type { ApiResources } from '../resources.js';
import { withPercentile } from './percentile.js';

/** `GET /status` adds the live queue position to a queued job. */
export type StatusAnswer = JobResult & { position?: number };

export async function readStatus(resources: ApiResources, jobId: string): Promise<StatusAnswer | null> {
  const [read, record] = await Promise.all([
    resources.db.submissions.getSubmission(jobId).then(
      (row) => ({ row }),
      (error: unknown) => ({ row: null, error }),
    ),
    resources.store.get(jobId),
  ]);
  // The database is away: a job Redis still holds is answered from Redis; otherwise the error stands.
  if ('error' in read && record === null) throw read.error;
  const { row } = read;
  if (row?.result && isFinalStatus(row.result.status)) return row.result;
  // Finished but not yet in the database: rank it now, as the database row will be.
  if (record !== null && isFinalStatus(record.status)) return withPercentile(resources, record);
  if (record !== null) {
    const answer: StatusAnswer = { ...record };
    if (record.status === 'queued') {
      const position = await queuePosition(resources.redis, resources.prefix, jobId);
      if (position !== null) answer.position = position;
    }
    return answer;
  }
  return null;
}
