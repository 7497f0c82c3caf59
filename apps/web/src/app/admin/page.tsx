// /admin: the live workers and a link to the queue dashboard, for admins (others are told it is admins only).
import type { Metadata } from 'next';
import { AdminWorkers } from './admin-workers';

export const metadata: Metadata = { title: 'Admin — Arbiter' };

export default function AdminPage() {
  return <AdminWorkers />;
}
