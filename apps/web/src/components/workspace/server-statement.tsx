// The workspace's statement rendered on the server, so the browser never parses its Markdown: fetched from the API as an anonymous visitor sees it; null when it cannot be (a hidden problem, the API unreachable).
import type { ProblemDetail } from '@arbiter/contracts';
import { statementBody, type RenderedStatement } from '../../lib/statement-body';
import { Markdown } from '../markdown';

/**
 * The API as this server reaches it: ARBITER_API_INTERNAL_URL (a container network's name for it), else the
 * browser's ARBITER_API_URL or NEXT_PUBLIC_API_URL, else this host on ARBITER_API_PORT (4000).
 */
function serverApiUrl(): string {
  const configured =
    process.env.ARBITER_API_INTERNAL_URL || process.env.ARBITER_API_URL || process.env.NEXT_PUBLIC_API_URL;
  if (configured) return configured.replace(/\/$/, '');
  const port = /^\d{1,5}$/.test(process.env.ARBITER_API_PORT ?? '') ? process.env.ARBITER_API_PORT : '4000';
  return `http://127.0.0.1:${port}`;
}

export async function renderStatement(slug: string): Promise<RenderedStatement | null> {
  try {
    const response = await fetch(`${serverApiUrl()}/problems/${encodeURIComponent(slug)}`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) return null;
    const { statement } = (await response.json()) as Pick<ProblemDetail, 'statement'>;
    if (typeof statement !== 'string') return null;
    return { source: statement, rendered: <Markdown source={statementBody(statement)} /> };
  } catch {
    return null;
  }
}
