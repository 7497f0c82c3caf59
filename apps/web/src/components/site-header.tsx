'use client';
// The top bar: brand, navigation (the API docs too, once signed in), theme toggle, and the signed-in user
// (a link to their profile) with sign-out (or sign-in links).
// On a narrow screen the navigation folds behind a menu button; the theme and account controls stay.
// Sign in and Sign up, shown on every page a visitor loads, are prefetched only on the intent to follow them.
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { UserRole } from '@arbiter/contracts';
import { apiUrl } from '../lib/api-url';
import { useAuth } from './auth-context';
import { IntentLink } from './intent-link';
import { ThemeToggle } from './theme-toggle';

const NAV = [
  { href: '/problems', label: 'Problems' },
  { href: '/contests', label: 'Contests' },
  { href: '/classes', label: 'Classes' },
  { href: '/submissions', label: 'Submissions' },
  { href: '/playground', label: 'Playground' },
];

/** Admins get the admin pages; organisers (teachers) everyone's submissions. */
function roleNav(role: UserRole | undefined): { href: string; label: string }[] {
  if (role === 'admin') return [{ href: '/admin', label: 'Admin' }];
  if (role === 'organiser') return [{ href: '/admin/submissions', label: 'All submissions' }];
  return [];
}

export function SiteHeader() {
  const pathname = usePathname();
  const router = useRouter();
  const { user, signOut } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  // Following a link closes the menu.
  useEffect(() => setMenuOpen(false), [pathname]);
  const active = (href: string) =>
    pathname === href || pathname.startsWith(`${href}/`) || (href === '/problems' && pathname === '/');

  return (
    <header className={`topbar${menuOpen ? ' menu-open' : ''}`}>
      <button
        type="button"
        className="ghost small nav-toggle"
        aria-expanded={menuOpen}
        aria-controls="main-nav"
        aria-label={menuOpen ? 'Close the menu' : 'Open the menu'}
        onClick={() => setMenuOpen((open) => !open)}
        data-testid="nav-toggle"
      >
        <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span>
      </button>
      <Link href="/problems" className="brand" aria-label="Arbiter home">
        <span className="brand-mark" aria-hidden="true">
          ⟨/⟩
        </span>
        Arbiter
      </Link>
      <nav aria-label="Main" className="nav" id="main-nav" data-testid="main-nav">
        {[...NAV, ...roleNav(user?.role)].map((item) => (
          <Link
            key={item.href}
            href={item.href}
            className={active(item.href) ? 'nav-link active' : 'nav-link'}
            aria-current={active(item.href) ? 'page' : undefined}
          >
            {item.label}
          </Link>
        ))}
        {user ? (
          <a
            href={`${apiUrl()}/docs`}
            className="nav-link"
            target="_blank"
            rel="noopener noreferrer"
            data-testid="api-docs-link"
          >
            API docs
          </a>
        ) : null}
        {user ? (
          <Link
            href="/settings/tokens"
            className={active('/settings/tokens') ? 'nav-link active' : 'nav-link'}
            aria-current={active('/settings/tokens') ? 'page' : undefined}
            data-testid="api-tokens-link"
          >
            API tokens
          </Link>
        ) : null}
      </nav>
      <div className="topbar-end">
        <ThemeToggle />
        {user === undefined ? null : user === null ? (
          <>
            <IntentLink href={`/login?next=${encodeURIComponent(pathname)}`} className="button ghost small">
              Sign in
            </IntentLink>
            <IntentLink href={`/signup?next=${encodeURIComponent(pathname)}`} className="button small">
              Sign up
            </IntentLink>
          </>
        ) : (
          <>
            <Link
              href={`/users/${encodeURIComponent(user.username)}`}
              className="user"
              data-testid="username"
              title={`Signed in as ${user.username}: your profile`}
              aria-current={pathname === `/users/${user.username}` ? 'page' : undefined}
            >
              <span className="avatar" aria-hidden="true">
                {user.username.charAt(0).toUpperCase()}
              </span>
              <span className="user-name">{user.username}</span>
            </Link>
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
