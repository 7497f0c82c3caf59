/**
 * Who may see a job: anyone holding the id of an anonymous job (ids are unguessable), the
 * owner of a signed-in user's job, and admins. Others are told the job does not exist.
 */
import type { AuthUser } from '@arbiter/contracts';
import type { ApiResources } from '../resources.js';

export function canAccess(user: AuthUser | null | undefined, ownerId: string | null): boolean {
  return ownerId === null || user?.id === ownerId || user?.role === 'admin';
}

/** The job's owner (null: anonymous), or undefined when no record of the job exists. */
export async function jobOwner(resources: ApiResources, jobId: string): Promise<string | null | undefined> {
  const record = await resources.store.get(jobId);
  if (record !== null) return record.userId;
  const row = await resources.db.submissions.getSubmission(jobId);
  return row === null ? undefined : row.userId;
}
