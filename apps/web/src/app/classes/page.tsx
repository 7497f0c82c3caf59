// /classes: the classes one teaches or has joined.
import type { Metadata } from 'next';
import { ClassList } from '../../components/classes/class-list';

export const metadata: Metadata = { title: 'Classes — Arbiter' };

export default function ClassesPage() {
  return <ClassList />;
}
