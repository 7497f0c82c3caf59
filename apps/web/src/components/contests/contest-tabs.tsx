'use client';
// A contest's own navigation: its lobby (problems, announcements, questions) and its scoreboard.
import Link from 'next/link';

export function ContestTabs({ id, active }: { id: string; active: 'lobby' | 'scoreboard' }) {
  const tabs = [
    { key: 'lobby', href: `/contests/${id}`, label: 'Contest' },
    { key: 'scoreboard', href: `/contests/${id}/scoreboard`, label: 'Scoreboard' },
  ] as const;
  return (
    <nav aria-label="Contest" className="admin-tabs">
      <Link href="/contests" className="nav-link">
        ← Contests
      </Link>
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          className={tab.key === active ? 'nav-link active' : 'nav-link'}
          aria-current={tab.key === active ? 'page' : undefined}
          data-testid={`contest-tab-${tab.key}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
