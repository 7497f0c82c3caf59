'use client';
// Previous / next / random problem, in the catalog's order (GET /problems: easy first, then by title).
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { ProblemSummary } from '@arbiter/contracts';
import { api } from '../../lib/api';

export function ProblemNav({ slug }: { slug: string }) {
  const router = useRouter();
  const [list, setList] = useState<ProblemSummary[] | null>(null);

  useEffect(() => {
    api
      .get<ProblemSummary[]>('/problems')
      .then(setList)
      .catch(() => setList(null));
  }, []);

  const at = list?.findIndex((p) => p.slug === slug) ?? -1;
  const previous = list && at > 0 ? list[at - 1] : undefined;
  const next = list && at >= 0 && at < list.length - 1 ? list[at + 1] : undefined;
  const go = (target: ProblemSummary | undefined) => target && router.push(`/problems/${target.slug}`);
  const random = () => {
    const others = (list ?? []).filter((p) => p.slug !== slug);
    go(others[Math.floor(Math.random() * others.length)]);
  };

  return (
    <nav className="problem-nav" aria-label="Other problems">
      <button
        type="button"
        className="ghost small"
        onClick={() => go(previous)}
        disabled={!previous}
        title={previous ? `Previous: ${previous.title}` : 'No previous problem'}
        aria-label="Previous problem"
        data-testid="problem-prev"
      >
        ‹
      </button>
      <button
        type="button"
        className="ghost small"
        onClick={() => go(next)}
        disabled={!next}
        title={next ? `Next: ${next.title}` : 'No next problem'}
        aria-label="Next problem"
        data-testid="problem-next"
      >
        ›
      </button>
      <button
        type="button"
        className="ghost small"
        onClick={random}
        disabled={!list || list.length < 2}
        title="A random problem"
        aria-label="Random problem"
        data-testid="problem-random"
      >
        ⤮
      </button>
    </nav>
  );
}
