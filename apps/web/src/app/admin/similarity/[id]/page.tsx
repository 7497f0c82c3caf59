// /admin/similarity/:id: a similarity report — pairs ranked by similarity, and two sources side by side.
import type { Metadata } from 'next';
import { SimilarityReportView } from '../../../../components/similarity/similarity-report';

export const metadata: Metadata = { title: 'Similarity report — Arbiter' };

export default async function SimilarityReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SimilarityReportView id={id} />;
}
