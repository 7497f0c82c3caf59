'use client';
// Problems for admins: the imported packages (GET /admin/problems, a page at a time) and the repository's
// folders (GET /problems) in one table with their source, version and verification, and the upload form.
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { ImportedProblem, ImportedProblemList, ProblemSummary } from '@arbiter/contracts';
import { api, ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useAuth } from '../auth-context';
import { AdminTabs, StaffOnly } from './admin-tabs';
import { PackageUpload } from './package-upload';
import { verificationState } from './package-report';

function ImportedRow({ item }: { item: ImportedProblem }) {
  const state = verificationState(item.verification);
  return (
    <tr data-testid="admin-problem-row" data-slug={item.slug} data-source="package">
      <td>
        <Link href={`/admin/problems/${item.slug}`} className="problem-link">
          {item.title}
        </Link>
        <div className="muted small-text">
          <code>{item.slug}</code>
        </div>
      </td>
      <td>Imported package{item.visibility === 'draft' ? ' · draft' : ''}</td>
      <td className="num">v{item.version}</td>
      <td>
        <span className={`tone-${state.tone}`} data-testid="problem-verification">
          {state.label}
        </span>
      </td>
      <td>{formatDate(item.updatedAt)}</td>
    </tr>
  );
}

function RepositoryRow({ item }: { item: ProblemSummary }) {
  return (
    <tr data-testid="admin-problem-row" data-slug={item.slug} data-source="repository">
      <td>
        <Link href={`/problems/${item.slug}`} className="problem-link">
          {item.title}
        </Link>
        <div className="muted small-text">
          <code>{item.slug}</code>
        </div>
      </td>
      <td>Repository folder</td>
      <td className="num muted">—</td>
      <td className="muted">Built in</td>
      <td className="muted">—</td>
    </tr>
  );
}

export function AdminProblems() {
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  const [imported, setImported] = useState<ImportedProblem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [repository, setRepository] = useState<ProblemSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    const query = new URLSearchParams({ limit: '50' });
    if (after) query.set('cursor', after);
    try {
      const page = await api.get<ImportedProblemList>(`/admin/problems?${query}`);
      setImported((current) => (after ? [...current, ...page.problems] : page.problems));
      setCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403)) setRefused(true);
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!isAdmin) return;
    void load(null);
    api
      .get<ProblemSummary[]>('/problems')
      .then((list) => setRepository([...list].sort((a, b) => a.slug.localeCompare(b.slug))))
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [isAdmin, load]);

  // Once an import's verification is done the list says so: read the list again while one is queued.
  const verifying = imported.some((item) => item.verification?.status === 'queued');
  useEffect(() => {
    if (!verifying || cursor !== null) return;
    const timer = setTimeout(() => void load(null), 3_000);
    return () => clearTimeout(timer);
  }, [verifying, cursor, imported, load]);

  if (user === undefined) return <div className="page muted">Loading…</div>;
  if (!isAdmin || refused) return <StaffOnly signedIn={user !== null} who="Admins" next="/admin/problems" />;

  const importedSlugs = new Set(imported.map((item) => item.slug));
  return (
    <div className="page">
      <AdminTabs />
      <div className="page-head">
        <div>
          <h1>Problems</h1>
          <p className="muted">
            Imported packages first, then the problems of the repository&apos;s <code>problems/</code> folder.
          </p>
        </div>
      </div>
      <PackageUpload onImported={() => void load(null)} />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table" data-testid="admin-problems-table">
          <caption className="sr-only">Problems</caption>
          <thead>
            <tr>
              <th scope="col">Problem</th>
              <th scope="col">Source</th>
              <th scope="col" className="num">
                Version
              </th>
              <th scope="col">Verification</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {imported.map((item) => (
              <ImportedRow key={item.slug} item={item} />
            ))}
            {cursor === null
              ? repository
                  .filter((item) => !importedSlugs.has(item.slug))
                  .map((item) => <RepositoryRow key={item.slug} item={item} />)
              : null}
          </tbody>
        </table>
        {!loading && imported.length === 0 && repository.length === 0 ? (
          <p className="empty muted">No problems yet.</p>
        ) : null}
        {cursor ? (
          <div className="load-more">
            <button type="button" className="secondary" onClick={() => void load(cursor)} disabled={loading}>
              {loading ? 'Loading…' : 'More imported problems'}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
