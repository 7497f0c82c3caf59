// /users/:username: a user's public profile (solved problems, a year of activity, streaks).
import type { Metadata } from 'next';
import { UserProfileView } from '../../../components/profile/user-profile';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ username: string }>;
}): Promise<Metadata> {
  const { username } = await params;
  return { title: `${decodeURIComponent(username)} — Arbiter` };
}

export default async function UserPage({ params }: { params: Promise<{ username: string }> }) {
  const { username } = await params;
  return <UserProfileView username={decodeURIComponent(username)} />;
}
