// The problem catalog as an anonymous visitor sees it, fetched by the web's server so the list page arrives
// with its rows in the HTML; null when it cannot be (the API unreachable or refusing).
import type { ProblemSummary } from '@arbiter/contracts';
import { serverApiJson } from './server-api-url';

export async function serverProblems(): Promise<ProblemSummary[] | null> {
  const list = await serverApiJson('/problems');
  return Array.isArray(list) ? (list as ProblemSummary[]) : null;
}
