'use client';
// One imported problem for admins (GET /admin/problems/:slug): its settings form (edit, delete), the latest
// version's report with its verification, every version, the package export link, "Re-verify"
// (POST /admin/problems/:slug/verify) and a similarity report of its submits.
import Link from 'next/link';
import { useState } from 'react';
import type { VerifyProblemResponse } from '@arbiter/contracts';
import { api, ApiError } from '../../lib/api';
import { apiUrl } from '../../lib/api-url';
import { formatDate } from '../../lib/format';
import { useImportedProblem } from '../../lib/use-imported-problem';
import { useAuth } from '../auth-context';
import { CompareButton } from '../similarity/compare-button';
import { AdminTabs, StaffOnly } from './admin-tabs';
import { PackageReport, verificationState } from './package-report';
import { ProblemSettingsForm } from './problem-settings-form';

export function AdminProblem({ slug }: { slug: string }) {
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  const { detail, error, reload } = useImportedProblem(isAdmin ? slug : null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function verify() {
    setBusy(true);
    setNotice(null);
    setActionError(null);
    try {
      const answer = await api.post<VerifyProblemResponse>(
        `/admin/problems/${encodeURIComponent(slug)}/verify`,
      );
      setNotice(`Verification of version ${answer.version} queued.`);
      reload();
    } catch (caught) {
      setActionError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  if (user === undefined) return <div className="page muted">Loading…</div>;
  const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
  if (!isAdmin || refused)
    return <StaffOnly signedIn={user !== null} who="Admins" next={`/admin/problems/${slug}`} />;

  const latest = detail?.versions[0];
  const packageUrl = `${apiUrl()}/admin/problems/${encodeURIComponent(slug)}/package`;
  return (
    <div className="page">
      <AdminTabs />
      <Link href="/admin/problems" className="back-link">
        ← All problems
      </Link>
      {error && !refused ? (
        <div className="empty" data-testid="problem-error">
          <h1>{error.status === 404 ? 'No such imported problem' : 'Could not load the problem'}</h1>
          <p className="error" role="alert">
            {error.message}
          </p>
        </div>
      ) : null}
      {detail === null && error === null ? <p className="muted">Loading…</p> : null}
      {detail !== null && latest !== undefined ? (
        <>
          <div className="page-head">
            <div>
              <h1 data-testid="problem-title">{detail.settings.title}</h1>
              <p className="muted">
                <code>{detail.slug}</code> · version {detail.latestVersion} ·{' '}
                <span data-testid="problem-visibility">
                  {detail.settings.visibility === 'draft' ? 'draft (admins only)' : 'published'}
                </span>{' '}
                · time limit{' '}
                {detail.settings.timeLimitMs !== null
                  ? `${detail.settings.timeLimitMs} ms (set here)`
                  : latest.timeLimit === null
                    ? 'the platform default'
                    : `${latest.timeLimit} s`}{' '}
                · <Link href={`/problems/${detail.slug}`}>open the workspace</Link>
              </p>
            </div>
            <div className="row">
              <a className="button secondary" href={packageUrl} download data-testid="export-package">
                Export package
              </a>
              <button type="button" onClick={() => void verify()} disabled={busy} data-testid="reverify">
                {busy ? 'Queueing…' : 'Re-verify'}
              </button>
              <CompareButton scope={{ problem: detail.slug }} label="Similarity report" />
            </div>
          </div>
          {notice ? (
            <p className="notice" role="status" data-testid="admin-notice">
              {notice}
            </p>
          ) : null}
          {actionError ? (
            <p className="error" role="alert">
              {actionError}
            </p>
          ) : null}
          <ProblemSettingsForm slug={detail.slug} settings={detail.settings} onSaved={reload} />
          <section className="card" aria-labelledby="report-heading">
            <h2 id="report-heading">Version {latest.version} report</h2>
            <PackageReport report={latest.report} />
          </section>
          <h2>Versions</h2>
          <div className="table-wrap">
            <table className="table" data-testid="versions-table">
              <caption className="sr-only">Versions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Title</th>
                  <th scope="col">Imported</th>
                  <th scope="col">Verification</th>
                  <th scope="col">Package</th>
                </tr>
              </thead>
              <tbody>
                {detail.versions.map((version) => {
                  const state = verificationState(version.report.verification);
                  return (
                    <tr key={version.version} data-testid="version-row">
                      <td>
                        v{version.version}
                        {version.version === detail.latestVersion ? (
                          <span className="muted small-text"> (current)</span>
                        ) : null}
                      </td>
                      <td>{version.title}</td>
                      <td>{formatDate(version.createdAt)}</td>
                      <td>
                        <span className={`tone-${state.tone}`}>{state.label}</span>
                      </td>
                      <td>
                        <a href={`${packageUrl}?version=${version.version}`} download title={version.sha256}>
                          Zip <code>{version.sha256.slice(0, 12)}</code>
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
