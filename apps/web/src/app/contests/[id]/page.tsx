// /contests/:id: the contest's lobby.
import { ContestLobby } from '../../../components/contests/contest-lobby';

export default async function ContestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ContestLobby id={id} />;
}
