// /contests: the contests one may see.
import type { Metadata } from 'next';
import { ContestList } from '../../components/contests/contest-list';

export const metadata: Metadata = { title: 'Contests — Arbiter' };

export default function ContestsPage() {
  return <ContestList />;
}
