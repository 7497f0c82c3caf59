// /classes/:id: a class's page.
import { ClassPage } from '../../../components/classes/class-page';

export default async function ClassRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ClassPage id={id} />;
}
