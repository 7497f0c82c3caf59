// /problems/:slug: the workspace (statement, editor, console), with the statement's Markdown rendered here on the server.
import { Workspace } from '../../../components/workspace/workspace';
import { renderStatement } from '../../../components/workspace/server-statement';

export default async function ProblemPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const statement = await renderStatement(slug);
  return <Workspace slug={slug} {...(statement ? { statement } : {})} />;
}
