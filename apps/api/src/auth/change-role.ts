/**
 * Changing an account's role, for the admin CLI and `PUT /admin/users/:username/role`: the last
 * enabled admin is never demoted (nobody could administer from the web app any more); a disabled admin may be.
 */
import type { UserRole } from '@arbiter/contracts';
import type { Database, User } from '@arbiter/db';

export type RoleChange =
  | { outcome: 'changed' | 'unchanged'; user: User }
  | { outcome: 'no-such-user' }
  | { outcome: 'last-admin'; user: User };

export async function changeRole(
  database: Pick<Database, 'users'>,
  username: string,
  role: UserRole,
): Promise<RoleChange> {
  const user = await database.users.findUserByUsername(username);
  if (user === null) return { outcome: 'no-such-user' };
  if (user.role === role) return { outcome: 'unchanged', user };
  if (
    user.role === 'admin' &&
    user.disabledAt === null &&
    (await database.users.countEnabledByRole('admin')) <= 1
  )
    return { outcome: 'last-admin', user };
  const updated = await database.users.setRole(user.id, role);
  return updated === null ? { outcome: 'no-such-user' } : { outcome: 'changed', user: updated };
}

/** "an admin", "an organiser", "a plain user". */
export function describeRole(role: UserRole): string {
  switch (role) {
    case 'admin':
      return 'an admin';
    case 'organiser':
      return 'an organiser';
    case 'user':
      return 'a plain user';
  }
}
