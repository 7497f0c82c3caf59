// /contests/new: an organiser creates a contest.
import type { Metadata } from 'next';
import { ContestForm } from '../../../components/contests/contest-form';

export const metadata: Metadata = { title: 'New contest — Arbiter' };

export default function NewContestPage() {
  return <ContestForm />;
}
