// /submissions/:id: one submission with its code and per-test results.
import { SubmissionDetail } from '../../../components/submission-detail';

export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SubmissionDetail id={id} />;
}
