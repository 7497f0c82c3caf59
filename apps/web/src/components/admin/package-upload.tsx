'use client';
// Uploading a problem package (POST /admin/problems?slug=S, the zip as the body): a new problem or a new
// version of one. Shows the import report the API answers with, or its error with every file it names.
import Link from 'next/link';
import { useState } from 'react';
import type { ImportProblemResponse } from '@arbiter/contracts';
import { api, ApiError } from '../../lib/api';
import { useImportedProblem } from '../../lib/use-imported-problem';
import { PackageReport } from './package-report';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Failure {
  message: string;
  details: string[];
}

export function PackageUpload({ onImported }: { onImported: (answer: ImportProblemResponse) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [slug, setSlug] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [imported, setImported] = useState<ImportProblemResponse | null>(null);
  // The version just imported, read again until a worker has verified it.
  const live = useImportedProblem(imported?.slug ?? null);
  const current = live.detail?.versions.find((version) => version.version === imported?.version);
  const slugError = slug !== '' && !SLUG.test(slug) ? 'Lowercase letters, digits and single hyphens.' : null;

  async function upload() {
    if (file === null) {
      setFailure({ message: 'Choose a package zip first.', details: [] });
      return;
    }
    setBusy(true);
    setFailure(null);
    setImported(null);
    try {
      const query = slug === '' ? '' : `?slug=${encodeURIComponent(slug)}`;
      const answer = await api.upload<ImportProblemResponse>(
        `/admin/problems${query}`,
        file,
        'application/zip',
      );
      setImported(answer);
      live.reload();
      onImported(answer);
    } catch (caught) {
      setFailure(
        caught instanceof ApiError
          ? { message: caught.message, details: caught.details }
          : { message: caught instanceof Error ? caught.message : String(caught), details: [] },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card upload-card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a package</h2>
      <p className="muted">
        A problem in the ICPC / Kattis package format, zipped (<code>problem.yaml</code> at the root or in one
        folder). A slug that exists gets a new version; its labelled submissions are judged again.
      </p>
      <form
        className="upload-form"
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <label className="field stacked">
          <span>Package zip</span>
          <input
            type="file"
            accept=".zip,application/zip"
            required
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            data-testid="package-file"
          />
        </label>
        <div className="field stacked">
          <label htmlFor="package-slug">Slug (optional)</label>
          <input
            id="package-slug"
            type="text"
            value={slug}
            placeholder="from the package's name"
            aria-invalid={slugError !== null}
            aria-describedby="slug-hint"
            onChange={(event) => setSlug(event.target.value.trim())}
            data-testid="package-slug"
          />
          <span id="slug-hint" className={slugError ? 'field-error' : 'hint'}>
            {slugError ?? 'Lowercase letters, digits and hyphens; empty: the package’s name.'}
          </span>
        </div>
        <button type="submit" disabled={busy || slugError !== null} data-testid="package-upload">
          {busy ? 'Uploading…' : 'Upload'}
        </button>
      </form>
      {failure ? (
        <div className="error upload-error" role="alert" data-testid="upload-error">
          <p>{failure.message}</p>
          {failure.details.length > 1 ? (
            <ul className="report-list">
              {failure.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {imported ? (
        <div data-testid="upload-result">
          <p className="notice" role="status">
            Imported <Link href={`/admin/problems/${imported.slug}`}>{imported.title}</Link> as{' '}
            <code>{imported.slug}</code>, version {imported.version}.
          </p>
          <PackageReport report={current?.report ?? imported.report} />
        </div>
      ) : null}
    </section>
  );
}
