'use client';
// Starts a similarity report for one problem (in a contest, a class assignment, or everywhere) and opens it.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { SimilarityRequest, SimilarityStarted } from '@arbiter/contracts';
import { api } from '../../lib/api';

export function CompareButton({ scope, label }: { scope: SimilarityRequest; label?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = () => {
    setBusy(true);
    setError(null);
    api
      .post<SimilarityStarted>('/admin/similarity', scope)
      .then((started) => router.push(`/admin/similarity/${started.id}`))
      .catch((caught: unknown) => {
        setError(caught instanceof Error ? caught.message : String(caught));
        setBusy(false);
      });
  };
  return (
    <span className="compare-button">
      <button
        type="button"
        className="button secondary"
        onClick={start}
        disabled={busy}
        data-testid={`similarity-${scope.problem}`}
      >
        {busy ? 'Starting…' : (label ?? 'Similarity')}
      </button>
      {error ? (
        <span className="error" role="alert">
          {' '}
          {error}
        </span>
      ) : null}
    </span>
  );
}
