// The home page: the problem list.
import { ProblemList } from '../components/problem-list';

export default function HomePage() {
  return <ProblemList />;
}
