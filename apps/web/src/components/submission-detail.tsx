'use client';
// One submission (GET /submissions/:id): its verdict, stats, code (read-only Monaco) and per-test results.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { JobResult } from '@arbiter/contracts';
import { api, ApiError } from '../lib/api';
import { formatDate, formatMemory, formatMs, LANGUAGE_NAMES, verdictLabel, verdictTone } from '../lib/format';
import { useAuth } from './auth-context';
import { CodeEditor } from './code-editor';
import type { SubmissionItem } from './submission-list';

type Detail = SubmissionItem & { code: string; result: JobResult | null };

export function SubmissionDetail({ id }: { id: string }) {
  const { user } = useAuth();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!user) return;
    api
      .get<Detail>(`/submissions/${encodeURIComponent(id)}`)
      .then(setDetail)
      .catch((caught: unknown) =>
        setError(
          caught instanceof ApiError && caught.status === 404
            ? 'This submission does not exist, or it is not yours.'
            : caught instanceof Error
              ? caught.message
              : String(caught),
        ),
      );
  }, [id, user]);

  if (user === null) {
    return (
      <div className="page narrow empty">
        <p className="muted">Sign in to see your submissions.</p>
        <Link href={`/login?next=/submissions/${id}`} className="button">
          Sign in
        </Link>
      </div>
    );
  }
  if (error) {
    return (
      <div className="page narrow empty">
        <h1>Submission not found</h1>
        <p className="muted">{error}</p>
        <Link href="/submissions" className="button">
          Your submissions
        </Link>
      </div>
    );
  }
  if (!detail) return <div className="page muted">Loading…</div>;
  const tests = detail.result?.tests ?? [];
  return (
    <div className="page">
      <Link href="/submissions" className="back-link small-text">
        ← All submissions
      </Link>
      <div className="page-head">
        <div>
          <h1 className={`tone-${verdictTone(detail.verdict)}`} data-testid="verdict">
            {detail.verdict ? verdictLabel(detail.verdict) : detail.status}
          </h1>
          <p className="muted">
            {detail.problemSlug ? (
              <Link href={`/problems/${detail.problemSlug}`}>{detail.problemSlug}</Link>
            ) : (
              'Playground'
            )}{' '}
            · {LANGUAGE_NAMES[detail.language] ?? detail.language} · {detail.mode} ·{' '}
            {formatDate(detail.createdAt)}
          </p>
        </div>
        <div className="stats">
          <div className="stat">
            <span className="stat-label">Tests</span>
            <span className="stat-value">
              {detail.testsPassed ?? '—'} / {detail.testsTotal ?? '—'}
            </span>
          </div>
          <div className="stat">
            <span className="stat-label">Runtime</span>
            <span className="stat-value">{formatMs(detail.timeMs)}</span>
          </div>
          <div className="stat">
            <span className="stat-label">Memory</span>
            <span className="stat-value">{formatMemory(detail.memoryKb)}</span>
          </div>
        </div>
      </div>
      <div className="detail-grid">
        <section className="card code-card" aria-label="Code">
          <CodeEditor value={detail.code} language={detail.language} readOnly label="Submitted code" />
        </section>
        <section className="card" aria-label="Tests">
          <h2 className="small-heading">Tests</h2>
          {detail.result?.compileOutput ? (
            <pre className="block-pre">{detail.result.compileOutput}</pre>
          ) : null}
          <ol className="test-list">
            {tests.map((test) => (
              <li key={test.index} className="test-item">
                <span className={`dot ${test.verdict === 'ACCEPTED' ? 'ok' : 'bad'}`} aria-hidden="true" />
                <span>#{test.index + 1}</span>
                <span className={`tone-${verdictTone(test.verdict)}`}>{verdictLabel(test.verdict)}</span>
                <span className="muted">{test.source ?? ''}</span>
                <span className="muted num">{formatMs(test.timeMs)}</span>
              </li>
            ))}
          </ol>
          {tests.length === 0 ? <p className="muted">No per-test results.</p> : null}
        </section>
      </div>
    </div>
  );
}
