// /playground: any language, free code, stdin, live output.
import type { Metadata } from 'next';
import { Playground } from '../../components/playground';

export const metadata: Metadata = { title: 'Playground — Arbiter' };

export default function PlaygroundPage() {
  return <Playground />;
}
