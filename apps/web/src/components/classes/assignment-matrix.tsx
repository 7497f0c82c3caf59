'use client';
// /classes/:id/assignments/:assignmentId: the teacher's progress matrix of an assignment with its CSV
// download. Read once over HTTP, then replaced by every matrix the server pushes over Socket.IO
// (`watchProgress`, lib/progress-stream.ts) when a student's verdict lands, with no reload and no
// polling; only while that connection is down is the matrix read again, every FALLBACK_MS. A similarity
// report per problem.
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { ProgressMatrix } from '@arbiter/contracts';
import { api } from '../../lib/api';
import { apiUrl } from '../../lib/api-url';
import { formatDate } from '../../lib/format';
import { watchProgress } from '../../lib/progress-stream';
import { useAuth } from '../auth-context';
import { CompareButton } from '../similarity/compare-button';
import { ProgressTable } from './progress-table';

/** How often the matrix is read over HTTP while the live connection is down, in ms. */
const FALLBACK_MS = 15_000;

export function AssignmentMatrix({ classId, assignmentId }: { classId: string; assignmentId: string }) {
  const { user } = useAuth();
  /** Who is signed in: another user is watched again (what the server sends depends on who asks). */
  const viewerId = user?.id;
  const [matrix, setMatrix] = useState<ProgressMatrix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const path = `/classes/${classId}/assignments/${assignmentId}/progress`;

  /** A pushed matrix is never older than the HTTP one it follows: keep the newest by generatedAt. */
  const keep = useCallback((next: ProgressMatrix) => {
    setMatrix((current) =>
      current !== null && Date.parse(current.generatedAt) > Date.parse(next.generatedAt) ? current : next,
    );
    setError(null);
  }, []);

  const load = useCallback(() => {
    api
      .get<ProgressMatrix>(path)
      .then(keep)
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [path, keep]);

  useEffect(() => {
    if (!viewerId) return;
    let cancelled = false;
    load();
    const stop = watchProgress(apiUrl(), classId, assignmentId, {
      onMatrix: (next) => {
        if (!cancelled) keep(next);
      },
      onConnection: (up) => {
        if (!cancelled) setLive(up);
      },
      // Refused (not this class's teacher): the HTTP answer stands, read again now and then.
      onError: () => {
        if (!cancelled) setLive(false);
      },
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [viewerId, classId, assignmentId, load, keep]);

  // The slow fallback: only while there is no live connection.
  useEffect(() => {
    if (!viewerId || live) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, FALLBACK_MS);
    return () => clearInterval(timer);
  }, [viewerId, live, load]);

  if (user === null)
    return (
      <div className="page narrow empty">
        <p className="muted">
          <Link href={`/login?next=/classes/${classId}`}>Sign in</Link> to see this page.
        </p>
      </div>
    );
  return (
    <div className="page wide" data-testid="progress-view" data-live={live}>
      <div className="page-head">
        <div>
          <h1>Progress</h1>
          <p className="muted">
            <Link href={`/classes/${classId}`}>Back to the class</Link>
            {matrix ? ` · deadline ${formatDate(matrix.deadline)}` : ''}
            {live ? ' · live' : ''}
          </p>
        </div>
        <a href={`${apiUrl()}${path}.csv`} className="button secondary" download data-testid="csv-download">
          Download CSV
        </a>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {matrix === null ? (
        <p className="muted">Loading…</p>
      ) : matrix.rows.length === 0 ? (
        <p className="empty muted">No students yet.</p>
      ) : (
        <ProgressTable matrix={matrix} />
      )}
      {matrix !== null && matrix.rows.length > 1 ? (
        <p className="similarity-links">
          Similarity report:{' '}
          {matrix.problems.map((problem) => (
            <CompareButton
              key={problem.problem}
              scope={{ problem: problem.problem, classId, assignmentId }}
              label={problem.problem}
            />
          ))}
        </p>
      ) : null}
    </div>
  );
}
