'use client';
// The signed-in user's submissions (GET /submissions): newest first, filters by problem and
// verdict, "load more" with the cursor. Signed out: a prompt; route missing: an empty state.
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { ProblemSummary } from '@arbiter/contracts';
import { api, ApiError } from '../lib/api';
import { formatDate, formatMemory, formatMs, languageName, verdictLabel, verdictTone } from '../lib/format';
import { useAuth } from './auth-context';

export interface SubmissionItem {
  id: string;
  problemSlug: string | null;
  language: string;
  mode: 'run' | 'submit';
  status: string;
  verdict: string | null;
  timeMs: number | null;
  memoryKb: number | null;
  testsPassed: number | null;
  testsTotal: number | null;
  /** The submission this one judges again (an admin's rejudge); null for an original. */
  rejudgeOf: string | null;
  createdAt: string;
  finishedAt: string | null;
}

interface Page {
  items: SubmissionItem[];
  nextCursor: string | null;
}

export const VERDICT_OPTIONS = [
  'ACCEPTED',
  'WRONG_ANSWER',
  'TIME_LIMIT_EXCEEDED',
  'MEMORY_LIMIT_EXCEEDED',
  'RUNTIME_ERROR',
  'COMPILE_ERROR',
  'OUTPUT_LIMIT_EXCEEDED',
  'INTERNAL_ERROR',
];

export function SubmissionList() {
  const { user } = useAuth();
  const [items, setItems] = useState<SubmissionItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [state, setState] = useState<'ok' | 'missing' | 'error'>('ok');
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ProblemSummary[]>([]);
  const [problem, setProblem] = useState('');
  const [verdict, setVerdict] = useState('');

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      const query = new URLSearchParams({ limit: '20' });
      if (problem) query.set('problem', problem);
      if (verdict) query.set('verdict', verdict);
      if (after) query.set('cursor', after);
      try {
        const page = await api.get<Page>(`/submissions?${query}`);
        setItems((current) => (after ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setState('ok');
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 404) setState('missing');
        else {
          setState('error');
          setError(caught instanceof Error ? caught.message : String(caught));
        }
      } finally {
        setLoading(false);
      }
    },
    [problem, verdict],
  );

  useEffect(() => {
    if (user) void load(null);
  }, [user, load]);

  useEffect(() => {
    api
      .get<ProblemSummary[]>('/problems')
      .then(setProblems)
      .catch(() => setProblems([]));
  }, []);

  if (user === undefined) return <div className="page muted">Loading…</div>;
  if (user === null) {
    return (
      <div className="page narrow empty">
        <h1>Your submissions</h1>
        <p className="muted">Sign in to see your submissions.</p>
        <Link href="/login?next=/submissions" className="button">
          Sign in
        </Link>
      </div>
    );
  }
  const titles = new Map(problems.map((p) => [p.slug, p.title]));
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Submissions</h1>
          <p className="muted">Your runs and submissions, newest first.</p>
        </div>
        <div className="filters">
          <select value={problem} onChange={(event) => setProblem(event.target.value)} aria-label="Problem">
            <option value="">All problems</option>
            {problems.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.title}
              </option>
            ))}
          </select>
          <select value={verdict} onChange={(event) => setVerdict(event.target.value)} aria-label="Verdict">
            <option value="">All verdicts</option>
            {VERDICT_OPTIONS.map((v) => (
              <option key={v} value={v}>
                {verdictLabel(v)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {state === 'missing' ? (
        <p className="empty muted" data-testid="history-empty">
          Submission history is not available on this server yet.
        </p>
      ) : state === 'error' ? (
        <p className="error">{error}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="submissions-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Problem</th>
                <th scope="col">Verdict</th>
                <th scope="col">Language</th>
                <th scope="col" className="num">
                  Tests
                </th>
                <th scope="col" className="num">
                  Runtime
                </th>
                <th scope="col" className="num">
                  Memory
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="submission-row">
                  <td>
                    <Link href={`/submissions/${item.id}`}>{formatDate(item.createdAt)}</Link>
                  </td>
                  <td>
                    {item.problemSlug ? (
                      <Link href={`/problems/${item.problemSlug}`}>
                        {titles.get(item.problemSlug) ?? item.problemSlug}
                      </Link>
                    ) : (
                      <span className="muted">Playground</span>
                    )}
                    {item.mode === 'run' ? <span className="mode-badge subtle">run</span> : null}
                  </td>
                  <td>
                    <Link
                      href={`/submissions/${item.id}`}
                      className={`verdict-link tone-${verdictTone(item.verdict)}`}
                    >
                      {item.verdict ? verdictLabel(item.verdict) : item.status}
                    </Link>
                  </td>
                  <td>{languageName(item.language)}</td>
                  <td className="num">
                    {item.testsPassed !== null && item.testsTotal !== null
                      ? `${item.testsPassed} / ${item.testsTotal}`
                      : '—'}
                  </td>
                  <td className="num">{formatMs(item.timeMs)}</td>
                  <td className="num">{formatMemory(item.memoryKb)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!loading && items.length === 0 ? (
            <p className="empty muted" data-testid="history-empty">
              No submissions yet. <Link href="/problems">Pick a problem</Link> and submit a solution.
            </p>
          ) : null}
          {cursor ? (
            <div className="load-more">
              <button
                type="button"
                className="secondary"
                onClick={() => void load(cursor)}
                disabled={loading}
              >
                {loading ? 'Loading…' : 'Load more'}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
