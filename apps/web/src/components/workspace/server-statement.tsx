// The workspace's statement rendered on the server, so the browser never parses its Markdown: fetched from the API as an anonymous visitor sees it; null when it cannot be (a hidden problem, the API unreachable).
import type { ProblemDetail } from '@arbiter/contracts';
import { serverApiJson } from '../../lib/server-api-url';
import { statementBody, type RenderedStatement } from '../../lib/statement-body';
import { Markdown } from '../markdown';

export async function renderStatement(slug: string): Promise<RenderedStatement | null> {
  const detail = (await serverApiJson(`/problems/${encodeURIComponent(slug)}`)) as Pick<
    ProblemDetail,
    'statement'
  > | null;
  const statement = detail?.statement;
  if (typeof statement !== 'string') return null;
  return { source: statement, rendered: <Markdown source={statementBody(statement)} /> };
}
