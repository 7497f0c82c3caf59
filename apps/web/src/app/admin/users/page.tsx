// /admin/users: accounts with search and filters; change role, disable, reset password (admins).
import type { Metadata } from 'next';
import { AdminUsers } from '../../../components/admin/admin-users';

export const metadata: Metadata = { title: 'Users — Arbiter' };

export default function AdminUsersPage() {
  return <AdminUsers />;
}
