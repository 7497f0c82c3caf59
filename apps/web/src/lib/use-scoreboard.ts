'use client';
// React hook around a contest's live scoreboard: the first board over HTTP, then every board pushed over
// Socket.IO (lib/contest-stream.ts), the newest one kept.
import { useEffect, useState } from 'react';
import type { Scoreboard } from '@arbiter/contracts';
import { api } from './api';
import { apiUrl } from './api-url';
import { watchContest } from './contest-stream';

export interface LiveScoreboard {
  board: Scoreboard | null;
  connected: boolean;
  error: string | null;
}

/** `viewer`: who is signed in (a change of user asks again, since managers see another board). */
export function useScoreboard(contestId: string, viewer: string | null | undefined): LiveScoreboard {
  const [board, setBoard] = useState<Scoreboard | null>(null);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (viewer === undefined) return;
    let cancelled = false;
    // A pushed board is never older than the HTTP one it follows: keep the newest by generatedAt.
    const keep = (next: Scoreboard) =>
      setBoard((current) =>
        current !== null && Date.parse(current.generatedAt) > Date.parse(next.generatedAt) ? current : next,
      );
    api
      .get<Scoreboard>(`/contests/${contestId}/scoreboard`)
      .then((first) => {
        if (!cancelled) keep(first);
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(caught instanceof Error ? caught.message : String(caught));
      });
    const stop = watchContest(apiUrl(), contestId, {
      onBoard: (next) => {
        if (!cancelled) {
          keep(next);
          setError(null);
        }
      },
      onConnection: (up) => {
        if (!cancelled) setConnected(up);
      },
      onError: (message) => {
        if (!cancelled) setError(message);
      },
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [contestId, viewer]);

  return { board, connected, error };
}
