/**
 * Who may do what with a contest: its owner and admins manage it (change it, answer
 * clarifications, post announcements, see the live board); anyone sees a public contest; an
 * invite contest is not listed, but whoever holds its id sees its page (registering needs the code).
 */
import type { AuthUser } from '@arbiter/contracts';
import type { Contest } from '@arbiter/db';
import { HttpError, notFound } from '../http/http-error.js';
import type { ApiResources } from '../resources.js';

export function canManage(user: AuthUser | null | undefined, contest: Pick<Contest, 'ownerId'>): boolean {
  if (!user) return false;
  return user.role === 'admin' || (user.role === 'organiser' && contest.ownerId === user.id);
}

export const noSuchContest = (id: unknown) => notFound(`No contest "${String(id)}". See GET /contests.`);

/** The contest, or 404. */
export async function findContest(resources: Pick<ApiResources, 'db'>, id: string): Promise<Contest> {
  const contest = await resources.db.contests.get(id);
  if (contest === null) throw noSuchContest(id);
  return contest;
}

/** The contest when the user manages it; 404 when there is none, 403 when it is someone else's. */
export async function findManagedContest(
  resources: Pick<ApiResources, 'db'>,
  id: string,
  user: AuthUser,
  action: string,
): Promise<Contest> {
  const contest = await findContest(resources, id);
  if (!canManage(user, contest))
    throw new HttpError(403, 'FORBIDDEN', `Only the contest's organiser and admins may ${action}.`);
  return contest;
}
