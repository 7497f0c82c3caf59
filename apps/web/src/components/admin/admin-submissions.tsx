'use client';
// Everyone's submissions (GET /admin/submissions) for admins and organisers: filters by user, problem,
// verdict and language, newest first, "load more" with the cursor; each row opens the submission, admins
// rejudge finished submits from the row, and the filters' rows download as CSV from the API.
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type {
  AdminSubmission,
  AdminSubmissionPage,
  ProblemSummary,
  RejudgeResponse,
} from '@arbiter/contracts';
import { api, ApiError } from '../../lib/api';
import { apiUrl } from '../../lib/api-url';
import {
  formatDate,
  formatMemory,
  formatMs,
  languageName,
  verdictLabel,
  verdictTone,
} from '../../lib/format';
import { useAuth } from '../auth-context';
import { VERDICT_OPTIONS } from '../submission-list';
import { AdminTabs, StaffOnly } from './admin-tabs';

interface Filters {
  user: string;
  problem: string;
  verdict: string;
  language: string;
}

const NO_FILTERS: Filters = { user: '', problem: '', verdict: '', language: '' };

function filterQuery(filters: Filters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim() !== '') query.set(key, value.trim());
  return query;
}

export function AdminSubmissions() {
  const { user } = useAuth();
  const staff = user?.role === 'admin' || user?.role === 'organiser';
  const [items, setItems] = useState<AdminSubmission[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const [problems, setProblems] = useState<ProblemSummary[]>([]);
  const [languages, setLanguages] = useState<{ id: string; name: string }[]>([]);
  // What the form shows, and what the list was loaded with (the user field applies on submit).
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      const query = filterQuery(filters);
      query.set('limit', '25');
      if (after) query.set('cursor', after);
      try {
        const page = await api.get<AdminSubmissionPage>(`/admin/submissions?${query}`);
        setItems((current) => (after ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (caught) {
        if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403)) setRefused(true);
        else setError(caught instanceof Error ? caught.message : String(caught));
      } finally {
        setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    if (staff) void load(null);
  }, [staff, load]);

  useEffect(() => {
    if (!staff) return;
    api
      .get<ProblemSummary[]>('/problems')
      .then(setProblems)
      .catch(() => setProblems([]));
    api
      .get<{ id: string; name: string }[]>('/languages')
      .then(setLanguages)
      .catch(() => setLanguages([]));
  }, [staff]);

  async function rejudge(item: AdminSubmission) {
    setNotice(null);
    try {
      const answer = await api.post<RejudgeResponse>('/admin/rejudge', { submissionId: item.id });
      setNotice(
        `Rejudge queued for ${item.username ?? 'an anonymous'} submission (${answer.jobs.length} job).`,
      );
      await load(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  if (user === undefined) return <div className="page muted">Loading…</div>;
  if (!staff || refused)
    return <StaffOnly signedIn={user !== null} who="Admins and organisers" next="/admin/submissions" />;

  const set = (key: keyof Filters, applyNow: boolean) => (value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (applyNow) setFilters(next);
  };
  const titles = new Map(problems.map((p) => [p.slug, p.title]));
  const csvHref = `${apiUrl()}/admin/submissions.csv?${filterQuery(filters)}`;
  return (
    <div className="page">
      <AdminTabs />
      <div className="page-head">
        <div>
          <h1>All submissions</h1>
          <p className="muted">Everyone&apos;s runs and submissions, newest first.</p>
        </div>
        <a href={csvHref} className="button secondary" download data-testid="csv-export">
          Export CSV
        </a>
      </div>
      <form
        className="filters admin-filters"
        role="search"
        aria-label="Filter submissions"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(draft);
        }}
      >
        <input
          type="search"
          placeholder="Username"
          aria-label="User"
          value={draft.user}
          onChange={(event) => set('user', false)(event.target.value)}
          onBlur={() => setFilters(draft)}
          data-testid="filter-user"
        />
        <select
          value={draft.problem}
          onChange={(event) => set('problem', true)(event.target.value)}
          aria-label="Problem"
          data-testid="filter-problem"
        >
          <option value="">All problems</option>
          {problems.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.title}
            </option>
          ))}
        </select>
        <select
          value={draft.verdict}
          onChange={(event) => set('verdict', true)(event.target.value)}
          aria-label="Verdict"
          data-testid="filter-verdict"
        >
          <option value="">All verdicts</option>
          {VERDICT_OPTIONS.map((v) => (
            <option key={v} value={v}>
              {verdictLabel(v)}
            </option>
          ))}
        </select>
        <select
          value={draft.language}
          onChange={(event) => set('language', true)(event.target.value)}
          aria-label="Language"
          data-testid="filter-language"
        >
          <option value="">All languages</option>
          {languages.map((language) => (
            <option key={language.id} value={language.id}>
              {language.name}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Apply
        </button>
      </form>
      {notice ? (
        <p className="notice" role="status" data-testid="admin-notice">
          {notice}
        </p>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
      <div className="table-wrap">
        <table className="table" data-testid="admin-submissions-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">User</th>
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
              {user.role === 'admin' ? (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="admin-submission-row" data-id={item.id}>
                <td>
                  <Link href={`/submissions/${item.id}`}>{formatDate(item.createdAt)}</Link>
                </td>
                <td>
                  {item.username === null ? (
                    <span className="muted">anonymous</span>
                  ) : (
                    <Link href={`/users/${encodeURIComponent(item.username)}`} className="user-link">
                      {item.username}
                    </Link>
                  )}
                </td>
                <td>
                  {item.problemSlug ? (
                    (titles.get(item.problemSlug) ?? item.problemSlug)
                  ) : (
                    <span className="muted">Playground</span>
                  )}
                  {item.mode === 'run' ? <span className="mode-badge subtle">run</span> : null}
                  {item.rejudgeOf ? <span className="mode-badge subtle">rejudge</span> : null}
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
                {user.role === 'admin' ? (
                  <td>
                    {item.mode === 'submit' &&
                    item.rejudgeOf === null &&
                    (item.status === 'completed' || item.status === 'failed') ? (
                      <button
                        type="button"
                        className="ghost small"
                        onClick={() => void rejudge(item)}
                        data-testid="rejudge-button"
                      >
                        Rejudge
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {!loading && items.length === 0 ? (
          <p className="empty muted" data-testid="admin-submissions-empty">
            No submission matches these filters.
          </p>
        ) : null}
        {cursor ? (
          <div className="load-more">
            <button type="button" className="secondary" onClick={() => void load(cursor)} disabled={loading}>
              {loading ? 'Loading…' : 'Load more'}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
