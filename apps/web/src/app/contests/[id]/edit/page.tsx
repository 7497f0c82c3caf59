// /contests/:id/edit: its organiser or an admin changes the contest.
import type { Metadata } from 'next';
import { ContestForm } from '../../../../components/contests/contest-form';

export const metadata: Metadata = { title: 'Edit contest — Arbiter' };

export default async function EditContestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ContestForm contestId={id} />;
}
