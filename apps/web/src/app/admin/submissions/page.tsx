// /admin/submissions: everyone's submissions with filters, rejudge and CSV export (admins, organisers).
import type { Metadata } from 'next';
import { AdminSubmissions } from '../../../components/admin/admin-submissions';

export const metadata: Metadata = { title: 'All submissions — Arbiter' };

export default function AdminSubmissionsPage() {
  return <AdminSubmissions />;
}
