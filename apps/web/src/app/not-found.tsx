// 404 page.
import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="page narrow empty">
      <h1>Not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <Link href="/problems" className="button">
        Browse problems
      </Link>
    </div>
  );
}
