// /admin/problems: every problem with its source, version and verification; upload a package (admins).
import type { Metadata } from 'next';
import { AdminProblems } from '../../../components/admin/admin-problems';

export const metadata: Metadata = { title: 'Problems — Arbiter' };

export default function AdminProblemsPage() {
  return <AdminProblems />;
}
