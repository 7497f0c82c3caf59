// /problems/:slug: the workspace (statement, editor, console).
import { Workspace } from '../../../components/workspace/workspace';

export default async function ProblemPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <Workspace slug={slug} />;
}
