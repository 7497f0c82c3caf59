'use client';
// The problem catalog: a table with difficulty, tags, acceptance and the user's marks; search and
// difficulty/tag/status filters and sorting by title, difficulty or acceptance run in the browser.
// The page's server renders the rows a visitor sees (`initial`); the browser asks for the list again only
// for a signed-in user (their marks). Without them the list is asked for at once, beside the header's
// GET /auth/me (both carry the same session), and again when the signed-in user changes. The rows' links
// are plain anchors that the table follows in the app (one handler for all, instead of a Link per row to
// hydrate); a problem's page is prefetched on the intent to open it (pointer over, focus, touch), not for
// every row in view, which would fetch and process a payload per row while the page loads.
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type MouseEvent, type SyntheticEvent } from 'react';
import type { ProblemSummary } from '@arbiter/contracts';
import { api, ApiError } from '../lib/api';
import { useAuth } from './auth-context';

const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
const RANK = { easy: 0, medium: 1, hard: 2 } as const;

type SortKey = 'title' | 'difficulty' | 'acceptance';
type Sort = { key: SortKey; descending: boolean } | null;

/** Orders a copy of the list; ties (and problems nobody submitted to, last either way) keep the catalog's order. */
function sorted(list: ProblemSummary[], sort: Sort): ProblemSummary[] {
  if (sort === null) return list;
  const sign = sort.descending ? -1 : 1;
  return [...list].sort((a, b) => {
    if (sort.key === 'title') return sign * a.title.localeCompare(b.title);
    if (sort.key === 'difficulty') return sign * (RANK[a.difficulty] - RANK[b.difficulty]);
    if (a.acceptanceRate === null || b.acceptanceRate === null) {
      return (a.acceptanceRate === null ? 1 : 0) - (b.acceptanceRate === null ? 1 : 0);
    }
    return sign * (a.acceptanceRate - b.acceptanceRate);
  });
}

export function ProblemList({ initial }: { initial?: ProblemSummary[] }) {
  const { user } = useAuth();
  const router = useRouter();
  const userId = user === undefined ? undefined : (user?.id ?? null);
  const [problems, setProblems] = useState<ProblemSummary[] | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<Sort>(null);

  /**
   * Whether the list was asked for yet, and for which user (null: a visitor; undefined: before the session
   * was known). The server's rows are a visitor's.
   */
  const asked = useRef<{ for: string | null | undefined } | null>(initial ? { for: null } : null);
  /** The latest request's number: an older answer arriving late is dropped. */
  const latest = useRef(0);
  /** Problem pages already prefetched. */
  const prefetched = useRef(new Set<string>());

  useEffect(() => {
    if (asked.current !== null) {
      if (userId === undefined || userId === asked.current.for) return;
      // The first request, sent before GET /auth/me answered, carried this very session.
      if (asked.current.for === undefined) {
        asked.current.for = userId;
        return;
      }
    }
    asked.current = { for: userId };
    const request = ++latest.current;
    api
      .get<ProblemSummary[]>('/problems')
      .then((list) => {
        if (request !== latest.current) return;
        setProblems(list);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (request === latest.current)
          setError(caught instanceof ApiError ? caught.message : String(caught));
      });
  }, [userId]);

  /** The problem page of the row link an event reached, if it did. */
  const linkOf = (event: SyntheticEvent): string | null =>
    (event.target as Element).closest?.('a.problem-link')?.getAttribute('href') ?? null;
  /** Prefetches the problem page a row's link leads to, once, when the pointer, focus or a touch reaches it. */
  const prefetchIntent = (event: SyntheticEvent) => {
    const href = linkOf(event);
    if (!href || prefetched.current.has(href)) return;
    prefetched.current.add(href);
    router.prefetch(href);
  };
  /** A plain click on a row's link opens the problem in the app, as a Link would; a modified one is the browser's. */
  const follow = (event: MouseEvent) => {
    const href = linkOf(event);
    if (!href || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.push(href);
  };

  const tags = useMemo(() => [...new Set((problems ?? []).flatMap((p) => p.tags))].sort(), [problems]);
  const visible = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const filtered = (problems ?? []).filter(
      (p) =>
        (!needle || p.title.toLowerCase().includes(needle) || p.slug.includes(needle)) &&
        (!difficulty || p.difficulty === difficulty) &&
        (!tag || p.tags.includes(tag)) &&
        (!status || (status === 'todo' ? p.status === null : p.status === status)),
    );
    return sorted(filtered, sort);
  }, [problems, query, difficulty, tag, status, sort]);

  /**
   * The rows, made again only when the rows shown change: the answer of GET /auth/me (or a filter's
   * keystroke that leaves the rows as they were) re-renders the page without reconciling every row.
   */
  const rows = useMemo(
    () =>
      visible.map((problem) => (
        <tr key={problem.slug} data-testid={`problem-${problem.slug}`}>
          <td className="col-status">
            {problem.status === 'solved' ? (
              <span className="mark solved" title="Solved" aria-label="Solved">
                ✓
              </span>
            ) : problem.status === 'attempted' ? (
              <span className="mark attempted" title="Attempted" aria-label="Attempted">
                ◐
              </span>
            ) : null}
          </td>
          <td>
            <a href={`/problems/${problem.slug}`} className="problem-link">
              {problem.title}
            </a>
          </td>
          <td>
            <span className={`difficulty ${problem.difficulty}`}>{problem.difficulty}</span>
          </td>
          <td className="col-tags">
            <div className="tags">
              {problem.tags.map((name) => (
                <button
                  type="button"
                  key={name}
                  className="tag"
                  onClick={() => setTag(name)}
                  title={`Show only ${name}`}
                >
                  {name}
                </button>
              ))}
            </div>
          </td>
          <td className="num">
            {problem.acceptanceRate === null ? (
              <span className="muted">—</span>
            ) : (
              `${problem.acceptanceRate.toFixed(1)}%`
            )}
          </td>
        </tr>
      )),
    [visible],
  );

  /** A column header that sorts by its column: ascending first, then descending, then the catalog's order. */
  const sortHeader = (key: SortKey, label: string, className?: string) => {
    const on = sort?.key === key;
    const next: Sort = !on ? { key, descending: false } : sort.descending ? null : { key, descending: true };
    return (
      <th
        scope="col"
        className={className}
        aria-sort={on ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort(next)}
          data-testid={`sort-${key}`}
        >
          {label}
          <span aria-hidden="true">{on ? (sort.descending ? ' ▾' : ' ▴') : ' ↕'}</span>
        </button>
      </th>
    );
  };
  const solved = (problems ?? []).filter((p) => p.status === 'solved').length;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Problems</h1>
          <p className="muted">
            {problems ? `${problems.length} problems` : 'Loading…'}
            {user && problems ? ` · ${solved} solved` : ''}
          </p>
        </div>
        <div className="filters" role="search">
          <label className="field">
            <span className="sr-only">Search problems</span>
            <input
              type="search"
              placeholder="Search problems"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              aria-label="Search problems"
            />
          </label>
          <label className="field">
            <span className="sr-only">Difficulty</span>
            <select
              value={difficulty}
              onChange={(event) => setDifficulty(event.target.value)}
              aria-label="Difficulty"
            >
              <option value="">All difficulties</option>
              {DIFFICULTIES.map((level) => (
                <option key={level} value={level}>
                  {level.charAt(0).toUpperCase() + level.slice(1)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="sr-only">Tag</span>
            <select value={tag} onChange={(event) => setTag(event.target.value)} aria-label="Tag">
              <option value="">All tags</option>
              {tags.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {user ? (
            <label className="field">
              <span className="sr-only">Status</span>
              <select value={status} onChange={(event) => setStatus(event.target.value)} aria-label="Status">
                <option value="">Any status</option>
                <option value="solved">Solved</option>
                <option value="attempted">Attempted</option>
                <option value="todo">Not tried</option>
              </select>
            </label>
          ) : null}
        </div>
      </div>
      {error ? <p className="error">{error}</p> : null}
      <div className="table-wrap">
        <table className="table problems-table">
          <thead>
            <tr>
              <th scope="col" className="col-status">
                <span className="sr-only">Status</span>
              </th>
              {sortHeader('title', 'Title')}
              {sortHeader('difficulty', 'Difficulty')}
              <th scope="col" className="col-tags">
                Tags
              </th>
              {sortHeader('acceptance', 'Acceptance', 'num')}
            </tr>
          </thead>
          <tbody
            onClick={follow}
            onMouseOver={prefetchIntent}
            onFocus={prefetchIntent}
            onTouchStart={prefetchIntent}
          >
            {rows}
          </tbody>
        </table>
        {problems && visible.length === 0 ? (
          <p className="empty muted">No problem matches these filters.</p>
        ) : null}
      </div>
    </div>
  );
}
