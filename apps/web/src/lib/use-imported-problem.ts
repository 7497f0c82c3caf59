// An imported problem's versions and reports (GET /admin/problems/:slug), read again every few seconds
// while the latest version's verification is still queued, so its findings appear when a worker is done.
import { useCallback, useEffect, useState } from 'react';
import type { ImportedProblemDetail } from '@arbiter/contracts';
import { api, ApiError } from './api';

/** How often a queued verification is looked at again. */
const POLL_MS = 2_000;

export interface ImportedProblemState {
  detail: ImportedProblemDetail | null;
  /** The API's answer when the problem could not be read (404: no such imported problem). */
  error: ApiError | null;
  /** Reads it again now (after queueing a verification). */
  reload: () => void;
}

export function useImportedProblem(slug: string | null): ImportedProblemState {
  const [detail, setDetail] = useState<ImportedProblemDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    if (slug === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const answer = await api.get<ImportedProblemDetail>(`/admin/problems/${encodeURIComponent(slug)}`);
        if (stopped) return;
        setDetail(answer);
        setError(null);
        if (answer.versions[0]?.report.verification?.status === 'queued') timer = setTimeout(read, POLL_MS);
      } catch (caught) {
        if (stopped) return;
        setError(caught instanceof ApiError ? caught : new ApiError(0, 'ERROR', String(caught)));
      }
    };
    void read();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [slug, round]);

  return { detail, error, reload };
}
