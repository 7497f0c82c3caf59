// The page a contest's views show when the contest cannot be read: why, and the way back to the list.
import Link from 'next/link';

export function ContestNotFound({ message }: { message: string }) {
  return (
    <div className="page narrow empty">
      <h1>Contest not found</h1>
      <p className="muted">{message}</p>
      <Link href="/contests" className="button">
        All contests
      </Link>
    </div>
  );
}
