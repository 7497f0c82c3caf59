// /contests/:id/problems/:letter: the workspace inside a contest.
import { ContestWorkspace } from '../../../../../components/contests/contest-workspace';

export default async function ContestProblemPage({
  params,
}: {
  params: Promise<{ id: string; letter: string }>;
}) {
  const { id, letter } = await params;
  return <ContestWorkspace id={id} letter={letter} />;
}
