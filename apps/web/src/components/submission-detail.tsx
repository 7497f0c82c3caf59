'use client';
// One submission (GET /submissions/:id): its verdict, stats, a scoring problem's score and group points,
// code (read-only Monaco), the failing test (input, output, expected) and per-test results; for an admin looking at a finished submit, a button
// that rejudges it.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { JobResult, RejudgeResponse } from '@arbiter/contracts';
import { api, ApiError } from '../lib/api';
import { formatDate, formatMemory, formatMs, languageName, verdictLabel, verdictTone } from '../lib/format';
import { useAuth } from './auth-context';
import { CodeEditor } from './code-editor';
import { formatScore, ScoreSummary } from './score-summary';
import { TestDetails } from './workspace/verdict-panel';
import type { SubmissionItem } from './submission-list';

type SubmittedFile = { name: string; content: string; encoding: 'utf8' | 'base64' };
/** `files`: a program sent as files, its entry (whose text is `code`) first. */
type Detail = SubmissionItem & { code: string; files?: SubmittedFile[]; result: JobResult | null };

export function SubmissionDetail({ id }: { id: string }) {
  const { user } = useAuth();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rejudging, setRejudging] = useState<string | null>(null);
  const [shownFile, setShownFile] = useState(0);
  const router = useRouter();

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

  // A submission still being judged (e.g. a rejudge just queued) is read again until it is done.
  const pending = detail !== null && (detail.status === 'queued' || detail.status === 'running');
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => {
      api
        .get<Detail>(`/submissions/${encodeURIComponent(id)}`)
        .then(setDetail)
        .catch(() => undefined);
    }, 1_000);
    return () => clearTimeout(timer);
  }, [id, pending, detail]);

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
  const finished = detail.status === 'completed' || detail.status === 'failed';
  const canRejudge = user?.role === 'admin' && detail.mode === 'submit' && !detail.rejudgeOf && finished;
  const rejudge = () => {
    setRejudging('Queueing…');
    api
      .post<RejudgeResponse>('/admin/rejudge', { submissionId: detail.id })
      .then((answer) => {
        const job = answer.jobs[0];
        if (job) router.push(`/submissions/${job.jobId}`);
      })
      .catch((caught: unknown) => setRejudging(caught instanceof Error ? caught.message : String(caught)));
  };
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
            · {languageName(detail.language)} · {detail.mode} · {formatDate(detail.createdAt)}
            {detail.rejudgeOf ? (
              <>
                {' '}
                · rejudge of <Link href={`/submissions/${detail.rejudgeOf}`}>an earlier submission</Link>
              </>
            ) : null}
          </p>
          {canRejudge ? (
            <p>
              <button type="button" className="button" onClick={rejudge} disabled={rejudging === 'Queueing…'}>
                Rejudge
              </button>{' '}
              {rejudging ? <span className="muted small-text">{rejudging}</span> : null}
            </p>
          ) : null}
        </div>
        <div className="stats">
          {detail.result?.score ? (
            <div className="stat">
              <span className="stat-label">Score</span>
              <span className="stat-value" data-testid="score-value">
                {formatScore(detail.result.score.score)}
                {detail.result.score.maxScore === null
                  ? ''
                  : ` / ${formatScore(detail.result.score.maxScore)}`}
              </span>
            </div>
          ) : null}
          <div className="stat">
            <span className="stat-label">Tests</span>
            <span className="stat-value" data-testid="tests-passed">
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
          {detail.files !== undefined && detail.files.length > 1 ? (
            <div className="case-tabs" role="tablist" aria-label="Submitted files">
              {detail.files.map((file, i) => (
                <button
                  key={file.name}
                  type="button"
                  role="tab"
                  aria-selected={i === shownFile}
                  className={`case-tab${i === shownFile ? ' active' : ''}`}
                  onClick={() => setShownFile(i)}
                >
                  {file.name}
                </button>
              ))}
            </div>
          ) : null}
          <CodeEditor
            value={shownText(detail, shownFile)}
            language={detail.language}
            readOnly
            label="Submitted code"
          />
        </section>
        <section className="card" aria-label="Tests">
          <h2 className="small-heading">Tests</h2>
          {detail.result?.score ? <ScoreSummary score={detail.result.score} /> : null}
          {detail.result?.compileOutput ? (
            <pre className="block-pre">{detail.result.compileOutput}</pre>
          ) : null}
          {detail.result?.failedTest && detail.verdict !== 'COMPILE_ERROR' ? (
            <TestDetails test={detail.result.failedTest} title="Failing test" />
          ) : null}
          <ol className="test-list">
            {tests.map((test) => (
              <li key={test.index} className="test-item" data-testid="test-item">
                <span className={`dot ${test.verdict === 'ACCEPTED' ? 'ok' : 'bad'}`} aria-hidden="true" />
                <span>#{test.index + 1}</span>
                <span className={`tone-${verdictTone(test.verdict)}`}>{verdictLabel(test.verdict)}</span>
                <span className="muted">{test.source ?? ''}</span>
                <span className="muted num" data-testid="test-time">
                  {formatMs(test.timeMs)}
                </span>
              </li>
            ))}
          </ol>
          {tests.length === 0 ? <p className="muted">No per-test results.</p> : null}
        </section>
      </div>
    </div>
  );
}

/** The text of the file shown: the chosen one of a program sent as files, else the code. */
function shownText(detail: Detail, index: number): string {
  const file = detail.files?.[index];
  if (file === undefined) return detail.code;
  return file.encoding === 'base64'
    ? `(binary file, ${file.content.length} Base64 characters)`
    : file.content;
}
