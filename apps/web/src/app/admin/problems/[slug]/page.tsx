// /admin/problems/:slug: an imported problem's report, versions, export and re-verify (admins).
import type { Metadata } from 'next';
import { AdminProblem } from '../../../../components/admin/admin-problem';

export const metadata: Metadata = { title: 'Problem package — Arbiter' };

export default async function AdminProblemPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <AdminProblem slug={slug} />;
}
