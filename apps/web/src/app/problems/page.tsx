// /problems: the catalog with search and filters, its rows rendered here on the server as a visitor sees them.
import type { Metadata } from 'next';
import { ProblemList } from '../../components/problem-list';
import { serverProblems } from '../../lib/server-problems';

export const metadata: Metadata = { title: 'Problems — Arbiter' };

export default async function ProblemsPage() {
  const initial = await serverProblems();
  return <ProblemList {...(initial ? { initial } : {})} />;
}
