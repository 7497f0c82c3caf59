// The home page: the playground (any language, free code, stdin, live output).
import { Playground } from '../components/playground';

export default function HomePage() {
  return <Playground />;
}
