// /submissions: the signed-in user's history.
import type { Metadata } from 'next';
import { SubmissionList } from '../../components/submission-list';

export const metadata: Metadata = { title: 'Submissions — Arbiter' };

export default function SubmissionsPage() {
  return <SubmissionList />;
}
