// /contests/:id/scoreboard: the live scoreboard.
import { ContestScoreboard } from '../../../../components/contests/contest-scoreboard';

export default async function ScoreboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ContestScoreboard id={id} />;
}
