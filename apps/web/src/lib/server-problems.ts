// The problem catalog as an anonymous visitor sees it, fetched by the web's server so the list page arrives
// with its rows in the HTML; null when it cannot be (the API unreachable or refusing).
import type { ProblemSummary } from '@arbiter/contracts';
import { serverApiUrl } from './server-api-url';

export async function serverProblems(): Promise<ProblemSummary[] | null> {
  try {
    const response = await fetch(`${serverApiUrl()}/problems`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) return null;
    const list: unknown = await response.json();
    return Array.isArray(list) ? (list as ProblemSummary[]) : null;
  } catch {
    return null;
  }
}
