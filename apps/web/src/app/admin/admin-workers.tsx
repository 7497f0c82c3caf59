'use client';
// The admin page's body: live workers from GET /admin/workers (id, host, languages, load, version,
// sandbox, up since), refreshed every few seconds while the tab is visible, and links to the queue
// dashboard and API docs on the API's origin. Signed out or not an admin: an "admins only" message.
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { AdminWorker, AdminWorkersResponse } from '@arbiter/contracts';
import { api, ApiError } from '../../lib/api';
import { apiUrl } from '../../lib/api-url';
import { formatDate } from '../../lib/format';
import { AdminTabs } from '../../components/admin/admin-tabs';
import { useAuth } from '../../components/auth-context';

/** How often the list is refreshed (workers heartbeat every 5 s by default). */
const REFRESH_MS = 3_000;

/** "3 d 4 h", "2 h 5 min", "42 s": how long ago `iso` was, for "up since". */
function uptime(iso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${seconds} s`;
}

function AdminsOnly({ signedIn }: { signedIn: boolean }) {
  return (
    <div className="page narrow empty" data-testid="admins-only">
      <h1>Admins only</h1>
      <p className="muted">
        {signedIn
          ? 'This page is for administrators. Your account is not one.'
          : 'This page is for administrators. Sign in with an admin account to see it.'}
      </p>
      {signedIn ? (
        <Link href="/problems" className="button">
          Back to problems
        </Link>
      ) : (
        <Link href="/login?next=/admin" className="button">
          Sign in
        </Link>
      )}
    </div>
  );
}

function WorkerRow({ worker, now }: { worker: AdminWorker; now: number }) {
  const busy = worker.active >= worker.concurrency;
  return (
    <tr data-testid="worker-row">
      <td>
        <code title={`pid ${worker.pid}`}>{worker.id}</code>
      </td>
      <td>{worker.host}</td>
      <td>
        <div className="tags">
          {worker.languages.map((language) => (
            <span key={language.id} className="tag static" title={`${language.name} ${language.version}`}>
              {language.name}
            </span>
          ))}
        </div>
      </td>
      <td className="num">
        <span className={busy ? 'tone-warn' : undefined}>
          {worker.active} / {worker.concurrency}
        </span>{' '}
        <meter min={0} max={worker.concurrency} value={worker.active} aria-label="Load" />
      </td>
      <td>{worker.version}</td>
      <td>{worker.sandbox}</td>
      <td>
        {formatDate(worker.startedAt)}{' '}
        <span className="muted small-text">({uptime(worker.startedAt, now)})</span>
      </td>
    </tr>
  );
}

export function AdminWorkers() {
  const { user } = useAuth();
  const [workers, setWorkers] = useState<AdminWorker[] | null>(null);
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const isAdmin = user?.role === 'admin';

  const load = useCallback(async () => {
    try {
      const answer = await api.get<AdminWorkersResponse>('/admin/workers');
      setWorkers(answer.workers);
      setUpdatedAt(Date.now());
      setError(null);
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403)) setRefused(true);
      else setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, []);

  useEffect(() => {
    if (!isAdmin) return;
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [isAdmin, load]);

  if (user === undefined) return <div className="page muted">Loading…</div>;
  if (!isAdmin || refused) return <AdminsOnly signedIn={user !== null} />;

  const base = apiUrl();
  const now = updatedAt ?? Date.now();
  const capacity = workers?.reduce((sum, worker) => sum + worker.concurrency, 0) ?? 0;
  const active = workers?.reduce((sum, worker) => sum + worker.active, 0) ?? 0;
  return (
    <div className="page">
      <AdminTabs />
      <div className="page-head">
        <div>
          <h1>Workers</h1>
          <p className="muted" data-testid="workers-summary">
            {workers === null
              ? 'Loading…'
              : `${workers.length} live worker${workers.length === 1 ? '' : 's'}, running ${active} of ${capacity} jobs at once.`}
            {updatedAt === null ? null : (
              <span className="small-text"> Updated {new Date(updatedAt).toLocaleTimeString()}.</span>
            )}
          </p>
        </div>
        <div className="row">
          <a
            href={`${base}/admin/queues`}
            className="button"
            target="_blank"
            rel="noopener noreferrer"
            data-testid="queue-dashboard-link"
          >
            Queue dashboard
          </a>
          <a href={`${base}/docs`} className="button secondary" target="_blank" rel="noopener noreferrer">
            API docs
          </a>
        </div>
      </div>
      {error ? <p className="error">{error}</p> : null}
      <div className="table-wrap" role="region" aria-label="Workers" tabIndex={0}>
        <table className="table" data-testid="workers-table">
          <thead>
            <tr>
              <th scope="col">Worker</th>
              <th scope="col">Host</th>
              <th scope="col">Languages</th>
              <th scope="col" className="num">
                Load
              </th>
              <th scope="col">Version</th>
              <th scope="col">Sandbox</th>
              <th scope="col">Up since</th>
            </tr>
          </thead>
          <tbody>
            {(workers ?? []).map((worker) => (
              <WorkerRow key={worker.id} worker={worker} now={now} />
            ))}
          </tbody>
        </table>
        {workers !== null && workers.length === 0 ? (
          <p className="empty muted">
            No live worker. Jobs wait in the queue until one starts (<code>npm start</code> runs one).
          </p>
        ) : null}
      </div>
    </div>
  );
}
