'use client';
// /classes/:id/assignments/:assignmentId: the teacher's progress matrix of an assignment, read again
// every few seconds while the page is visible (so verdicts appear without a reload), with its CSV
// download, and a similarity report per problem.
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { ProgressMatrix } from '@arbiter/contracts';
import { api } from '../../lib/api';
import { apiUrl } from '../../lib/api-url';
import { formatDate } from '../../lib/format';
import { useAuth } from '../auth-context';
import { CompareButton } from '../similarity/compare-button';
import { ProgressTable } from './progress-table';

const REFRESH_MS = 5_000;

export function AssignmentMatrix({ classId, assignmentId }: { classId: string; assignmentId: string }) {
  const { user } = useAuth();
  const [matrix, setMatrix] = useState<ProgressMatrix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `/classes/${classId}/assignments/${assignmentId}/progress`;

  const load = useCallback(() => {
    api
      .get<ProgressMatrix>(path)
      .then((answer) => {
        setMatrix(answer);
        setError(null);
      })
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [path]);

  useEffect(() => {
    if (!user) return;
    load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [user, load]);

  if (user === null)
    return (
      <div className="page narrow empty">
        <p className="muted">
          <Link href={`/login?next=/classes/${classId}`}>Sign in</Link> to see this page.
        </p>
      </div>
    );
  return (
    <div className="page wide">
      <div className="page-head">
        <div>
          <h1>Progress</h1>
          <p className="muted">
            <Link href={`/classes/${classId}`}>Back to the class</Link>
            {matrix ? ` · deadline ${formatDate(matrix.deadline)}` : ''}
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
