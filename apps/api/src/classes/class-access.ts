/**
 * Who may do what with a class: its teacher and admins teach it (see its join code and members, set
 * assignments, read everyone's progress, export it); its members see it and their own progress.
 */
import type { AuthUser } from '@arbiter/contracts';
import type { ClassRow } from '@arbiter/db';
import { HttpError, notFound } from '../http/http-error.js';
import type { ApiResources } from '../resources.js';

export function canTeach(user: AuthUser | null | undefined, cls: Pick<ClassRow, 'ownerId'>): boolean {
  if (!user) return false;
  return user.role === 'admin' || (user.role === 'organiser' && cls.ownerId === user.id);
}

export const noSuchClass = (id: unknown) => notFound(`No class "${String(id)}". See GET /classes.`);
export const noSuchAssignment = (id: unknown) => notFound(`No assignment "${String(id)}" in this class.`);

export async function findClass(resources: Pick<ApiResources, 'db'>, id: string): Promise<ClassRow> {
  const cls = await resources.db.classes.get(id);
  if (cls === null) throw noSuchClass(id);
  return cls;
}

/** The class when the user teaches it; 404 when there is none, 403 when it is someone else's. */
export async function findTaughtClass(
  resources: Pick<ApiResources, 'db'>,
  id: string,
  user: AuthUser,
  action: string,
): Promise<ClassRow> {
  const cls = await findClass(resources, id);
  if (!canTeach(user, cls))
    throw new HttpError(403, 'FORBIDDEN', `Only the class's teacher and admins may ${action}.`);
  return cls;
}

/** The class when the user teaches it or is a member; 403 otherwise. */
export async function findVisibleClass(
  resources: Pick<ApiResources, 'db'>,
  id: string,
  user: AuthUser,
): Promise<{ cls: ClassRow; teaches: boolean; member: boolean }> {
  const cls = await findClass(resources, id);
  const teaches = canTeach(user, cls);
  const member = await resources.db.classes.isMember(cls.id, user.id);
  if (!teaches && !member)
    throw new HttpError(403, 'FORBIDDEN', 'Join the class with its code first (POST /classes/join).');
  return { cls, teaches, member };
}
