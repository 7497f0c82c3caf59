'use client';
// A similarity report: read again every 2 s until the worker has finished, then the pairs, most similar
// first; choosing one shows both sources side by side with their matching fragments highlighted.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { SimilarityReport } from '@arbiter/contracts';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useAuth } from '../auth-context';
import { SideBySide } from './side-by-side';

const REFRESH_MS = 2_000;

function scopeText(report: SimilarityReport): string {
  const { scope } = report;
  if (scope.contestId !== undefined) return `${scope.problem} in a contest`;
  if (scope.classId !== undefined) return `${scope.problem} in a class assignment`;
  return `${scope.problem}, every submit outside contests`;
}

function backLink(report: SimilarityReport): { href: string; text: string } {
  const { scope } = report;
  if (scope.contestId !== undefined)
    return { href: `/contests/${scope.contestId}`, text: 'Back to the contest' };
  if (scope.classId !== undefined && scope.assignmentId !== undefined)
    return {
      href: `/classes/${scope.classId}/assignments/${scope.assignmentId}`,
      text: 'Back to the progress',
    };
  return { href: '/admin/problems', text: 'Back to the problems' };
}

export function SimilarityReportView({ id }: { id: string }) {
  const { user } = useAuth();
  const [report, setReport] = useState<SimilarityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState(0);

  useEffect(() => {
    if (!user) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      api
        .get<SimilarityReport>(`/admin/similarity/${id}`)
        .then((answer) => {
          if (stopped) return;
          setReport(answer);
          setError(null);
          if (answer.status === 'queued' || answer.status === 'running') timer = setTimeout(load, REFRESH_MS);
        })
        .catch((caught: unknown) => {
          if (!stopped) setError(caught instanceof Error ? caught.message : String(caught));
        });
    };
    load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [user, id]);

  if (user === null)
    return (
      <div className="page narrow empty">
        <p className="muted">
          <Link href={`/login?next=/admin/similarity/${id}`}>Sign in</Link> to see this page.
        </p>
      </div>
    );
  const byId = new Map(report?.submissions.map((s) => [s.id, s] as const));
  const pair = report?.pairs[chosen];
  const left = pair ? byId.get(pair.left) : undefined;
  const right = pair ? byId.get(pair.right) : undefined;
  return (
    <div className="page wide similarity-report">
      <div className="page-head">
        <div>
          <h1>Similarity</h1>
          {report ? (
            <p className="muted">
              <Link href={backLink(report).href}>{backLink(report).text}</Link> · {scopeText(report)} ·{' '}
              {report.submissions.length} submissions · started {formatDate(report.createdAt)}
            </p>
          ) : null}
        </div>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {report === null ? (
        <p className="muted">Loading…</p>
      ) : report.status === 'queued' || report.status === 'running' ? (
        <p className="muted" data-testid="similarity-status">
          Comparing {report.submissions.length} submissions ({report.status})…
        </p>
      ) : report.status === 'failed' ? (
        <p className="error" role="alert">
          The analysis failed: {report.error}
        </p>
      ) : (
        <>
          {report.warnings.map((warning) => (
            <p key={warning} className="muted">
              {warning}
            </p>
          ))}
          {report.pairs.length === 0 ? (
            <p className="empty muted">No pairs: fewer than two submissions in one language.</p>
          ) : (
            <table className="table similarity-pairs" data-testid="similarity-pairs">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Left</th>
                  <th>Right</th>
                  <th>Similarity</th>
                  <th>Longest fragment</th>
                </tr>
              </thead>
              <tbody>
                {report.pairs.map((p, index) => (
                  <tr
                    key={`${p.left}-${p.right}`}
                    className={index === chosen ? 'selected' : undefined}
                    aria-selected={index === chosen}
                  >
                    <td>{index + 1}</td>
                    <td>{byId.get(p.left)?.username ?? '—'}</td>
                    <td>{byId.get(p.right)?.username ?? '—'}</td>
                    <td>
                      <button type="button" className="link-button" onClick={() => setChosen(index)}>
                        {Math.round(p.similarity * 100)}%
                      </button>
                    </td>
                    <td>{p.longest}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pair && left && right ? <SideBySide pair={pair} left={left} right={right} /> : null}
        </>
      )}
    </div>
  );
}
