// /problems: the catalog with search and filters.
import type { Metadata } from 'next';
import { ProblemList } from '../../components/problem-list';

export const metadata: Metadata = { title: 'Problems — Arbiter' };

export default function ProblemsPage() {
  return <ProblemList />;
}
