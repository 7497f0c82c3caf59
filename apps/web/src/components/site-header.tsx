'use client';
// The top bar: brand, navigation, theme toggle, and the signed-in user with sign-out (or sign-in links).
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useAuth } from './auth-context';
import { ThemeToggle } from './theme-toggle';

const NAV = [
  { href: '/problems', label: 'Problems' },
  { href: '/submissions', label: 'Submissions' },
  { href: '/playground', label: 'Playground' },
];

export function SiteHeader() {
  const pathname = usePathname();
  const router = useRouter();
  const { user, signOut } = useAuth();
  const active = (href: string) =>
    pathname === href || pathname.startsWith(`${href}/`) || (href === '/problems' && pathname === '/');

  return (
    <header className="topbar">
      <Link href="/problems" className="brand" aria-label="Arbiter home">
        <span className="brand-mark" aria-hidden="true">
          ⟨/⟩
        </span>
        Arbiter
      </Link>
      <nav aria-label="Main" className="nav">
        {(user?.role === 'admin' ? [...NAV, { href: '/admin', label: 'Admin' }] : NAV).map((item) => (
          <Link
            key={item.href}
            href={item.href}
            className={active(item.href) ? 'nav-link active' : 'nav-link'}
            aria-current={active(item.href) ? 'page' : undefined}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      <div className="topbar-end">
        <ThemeToggle />
        {user === undefined ? null : user === null ? (
          <>
            <Link href={`/login?next=${encodeURIComponent(pathname)}`} className="button ghost small">
              Sign in
            </Link>
            <Link href={`/signup?next=${encodeURIComponent(pathname)}`} className="button small">
              Sign up
            </Link>
          </>
        ) : (
          <>
            <span className="user" data-testid="username" title={`Signed in as ${user.username}`}>
              <span className="avatar" aria-hidden="true">
                {user.username.charAt(0).toUpperCase()}
              </span>
              {user.username}
            </span>
            <button
              type="button"
              className="ghost small"
              onClick={() => void signOut().then(() => router.refresh())}
            >
              Sign out
            </button>
          </>
        )}
      </div>
    </header>
  );
}
