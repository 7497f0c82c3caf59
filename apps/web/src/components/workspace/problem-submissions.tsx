'use client';
// The workspace's Submissions tab: the signed-in user's submits to this problem (GET /submissions?problem=),
// newest first, each linking to its detail; fetched again whenever a submit of this page finishes.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { formatDate, formatMs, languageName, verdictLabel, verdictTone } from '../../lib/format';
import { useAuth } from '../auth-context';
import type { SubmissionItem } from '../submission-list';

/** How often, at most, the list is fetched again while the last submit's row is not saved as finished yet. */
const RETRIES = 20;

/**
 * `latest`: the id of the last submit finished on this page (null: none); the list is fetched again when
 * it changes, and again shortly after while that row is not in it as completed (the API saves it after
 * the result goes out).
 */
export function ProblemSubmissions({ slug, latest }: { slug: string; latest: string | null }) {
  const { user } = useAuth();
  const [items, setItems] = useState<SubmissionItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!user) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (attempt: number) =>
      api
        .get<{ items: SubmissionItem[] }>(`/submissions?problem=${encodeURIComponent(slug)}&limit=50`)
        .then((page) => {
          if (cancelled) return;
          setItems(page.items.filter((item) => item.mode === 'submit'));
          setError(null);
          const saved = page.items.some((item) => item.id === latest && item.status === 'completed');
          if (latest !== null && !saved && attempt < RETRIES)
            timer = setTimeout(() => void load(attempt + 1), 500);
        })
        .catch(
          (caught: unknown) =>
            !cancelled && setError(caught instanceof ApiError ? caught.message : String(caught)),
        );
    void load(0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [slug, user, latest]);

  if (user === null) {
    return (
      <p className="muted empty-state">
        <Link href={`/login?next=/problems/${slug}`}>Sign in</Link> to see your submissions.
      </p>
    );
  }
  if (error) return <p className="error">{error}</p>;
  if (items === null) return <p className="muted">Loading…</p>;
  if (items.length === 0) {
    return (
      <p className="muted empty-state" data-testid="problem-submissions-empty">
        No submissions to this problem yet.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table compact-table" data-testid="problem-submissions">
        <thead>
          <tr>
            <th scope="col">Verdict</th>
            <th scope="col">Language</th>
            <th scope="col" className="num">
              Tests
            </th>
            <th scope="col" className="num">
              Runtime
            </th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="problem-submission-row" data-verdict={item.verdict ?? ''}>
              <td>
                <Link href={`/submissions/${item.id}`} className={`tone-${verdictTone(item.verdict)}`}>
                  {item.status === 'completed' ? verdictLabel(item.verdict) : item.status}
                </Link>
              </td>
              <td>{languageName(item.language)}</td>
              <td className="num">
                {item.testsPassed !== null && item.testsTotal !== null
                  ? `${item.testsPassed} / ${item.testsTotal}`
                  : '—'}
              </td>
              <td className="num">{formatMs(item.timeMs)}</td>
              <td className="small-text muted">{formatDate(item.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
