// The workspace's statement rendered on the server, so the browser never parses its Markdown: fetched from the API as an anonymous visitor sees it; null when it cannot be (a hidden problem, the API unreachable).
import type { ProblemDetail } from '@arbiter/contracts';
import { serverApiUrl } from '../../lib/server-api-url';
import { statementBody, type RenderedStatement } from '../../lib/statement-body';
import { Markdown } from '../markdown';

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
