/**
 * Who may see a job: anyone holding the id of an anonymous job (ids are unguessable), the
 * owner of a signed-in user's job, and admins. Others are told the job does not exist.
 */
import type { AuthUser, JobResult } from '@arbiter/contracts';
import type { ApiResources } from '../resources.js';

export function canAccess(user: AuthUser | null | undefined, ownerId: string | null): boolean {
  return ownerId === null || user?.id === ownerId || user?.role === 'admin';
}

/** A job as an access check found it: its owner, and its Redis record when there is one. */
export interface FoundJob {
  /** The owner's user id; null: anonymous. */
  owner: string | null;
  /** The record in Redis, read once for the check and handed on (a subscription needs it too); null: expired. */
  record: JobResult | null;
}

/** The job's owner and Redis record (the database's row when Redis no longer has it); undefined: no such job. */
export async function findJob(
  resources: Pick<ApiResources, 'store' | 'db'>,
  jobId: string,
): Promise<FoundJob | undefined> {
  const record = await resources.store.get(jobId);
  if (record !== null) return { owner: record.userId, record };
  const row = await resources.db.submissions.getSubmission(jobId);
  return row === null ? undefined : { owner: row.userId, record: null };
}
