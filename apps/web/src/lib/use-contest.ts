'use client';
// React hook for one contest's page (GET /contests/:id), read again when the signed-in user changes or
// when asked (after registering, starting, or at a phase change).
import { useCallback, useEffect, useState } from 'react';
import type { ContestDetail } from '@arbiter/contracts';
import { api, ApiError } from './api';
import { serverOffsetMs } from './contest-time';
import { useServerNow } from './use-now';

export interface ContestState {
  contest: ContestDetail | null;
  /** How far the server's clock is ahead of the browser's, in ms. */
  offsetMs: number;
  error: string | null;
  reload(): Promise<void>;
}

export function useContest(id: string, viewer: string | null | undefined): ContestState {
  const [contest, setContest] = useState<ContestDetail | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const detail = await api.get<ContestDetail>(`/contests/${id}`);
      setContest(detail);
      setOffsetMs(serverOffsetMs(detail.now));
      setError(null);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 404
          ? 'There is no such contest.'
          : caught instanceof Error
            ? caught.message
            : String(caught),
      );
    }
  }, [id]);

  useEffect(() => {
    if (viewer !== undefined) void reload();
  }, [reload, viewer]);

  return { contest, offsetMs, error, reload };
}

export interface LiveContestState extends ContestState {
  /** The time by the server's clock, ticking every second. */
  now: number;
}

/** `useContest`, with the server's clock, read again when the contest starts or ends (its phase follows the clock). */
export function useLiveContest(id: string, viewer: string | null | undefined): LiveContestState {
  const state = useContest(id, viewer);
  const { contest, offsetMs, reload } = state;
  const now = useServerNow(offsetMs);
  const phaseChange =
    contest === null
      ? null
      : contest.phase === 'upcoming'
        ? Date.parse(contest.startsAt)
        : contest.phase === 'running'
          ? Date.parse(contest.endsAt)
          : null;
  const due = phaseChange !== null && now >= phaseChange;
  useEffect(() => {
    if (due) void reload();
  }, [due, reload]);
  return { ...state, now };
}
