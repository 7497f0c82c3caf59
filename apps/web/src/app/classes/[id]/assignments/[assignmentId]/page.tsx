// /classes/:id/assignments/:assignmentId: the teacher's progress matrix.
import { AssignmentMatrix } from '../../../../../components/classes/assignment-matrix';

export default async function AssignmentRoute({
  params,
}: {
  params: Promise<{ id: string; assignmentId: string }>;
}) {
  const { id, assignmentId } = await params;
  return <AssignmentMatrix classId={id} assignmentId={assignmentId} />;
}
