/** An assignment's progress matrix read from the database: every member's row (teachers) or one member's own. */
import type { AuthUser, ProgressMatrix } from '@arbiter/contracts';
import type { AssignmentRow } from '@arbiter/db';
import { problemTitles } from '../problems/problem-directory.js';
import type { ApiResources } from '../resources.js';
import { progressMatrix } from './progress-matrix.js';

/** `user` null: the whole class, as those who teach it see it; else that member's row alone. */
export async function readProgress(
  resources: Pick<ApiResources, 'db' | 'catalog'>,
  assignment: AssignmentRow,
  user: Pick<AuthUser, 'id' | 'username'> | null,
): Promise<ProgressMatrix> {
  const [members, cells, titles] = await Promise.all([
    user === null
      ? resources.db.classes.members(assignment.classId)
      : Promise.resolve([{ userId: user.id, username: user.username }]),
    resources.db.classes.progress(assignment, user?.id),
    problemTitles(resources, assignment.problems),
  ]);
  return progressMatrix(assignment, members, cells, titles, new Date());
}
