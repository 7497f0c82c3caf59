'use client';
// The admin pages' own navigation: workers, everyone's submissions, problems, accounts (admins see all,
// organisers only the submissions).
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useAuth } from '../auth-context';

const TABS = [
  { href: '/admin', label: 'Workers', adminOnly: true },
  { href: '/admin/submissions', label: 'Submissions', adminOnly: false },
  { href: '/admin/problems', label: 'Problems', adminOnly: true },
  { href: '/admin/users', label: 'Users', adminOnly: true },
];

export function AdminTabs() {
  const pathname = usePathname();
  const { user } = useAuth();
  if (user?.role !== 'admin' && user?.role !== 'organiser') return null;
  // A tab is current on its page and the pages under it (/admin/problems/:slug); Workers on /admin only.
  const current = (href: string) =>
    pathname === href || (href !== '/admin' && pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Admin" className="admin-tabs">
      {TABS.filter((tab) => user.role === 'admin' || !tab.adminOnly).map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          className={current(tab.href) ? 'nav-link active' : 'nav-link'}
          aria-current={current(tab.href) ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

/** Shown instead of a page to whoever may not see it. */
export function StaffOnly({ signedIn, who, next }: { signedIn: boolean; who: string; next: string }) {
  return (
    <div className="page narrow empty" data-testid="admins-only">
      <h1>{who} only</h1>
      <p className="muted">
        {signedIn
          ? `This page is for ${who.toLowerCase()}. Your account is not one.`
          : `This page is for ${who.toLowerCase()}. Sign in with such an account to see it.`}
      </p>
      <Link href={signedIn ? '/problems' : `/login?next=${encodeURIComponent(next)}`} className="button">
        {signedIn ? 'Back to problems' : 'Sign in'}
      </Link>
    </div>
  );
}
