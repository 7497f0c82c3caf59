// The home page: the problem list, its rows rendered here on the server as a visitor sees them.
import { ProblemList } from '../components/problem-list';
import { serverProblems } from '../lib/server-problems';

export default async function HomePage() {
  const initial = await serverProblems();
  return <ProblemList {...(initial ? { initial } : {})} />;
}
