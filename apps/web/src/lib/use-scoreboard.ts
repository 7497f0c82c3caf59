'use client';
// React hook around a contest's live scoreboard, in the compact wire form: the whole board pushed over
// Socket.IO when watching starts (lib/contest-stream.ts), then each change as the rows it touched, applied
// so that unchanged rows keep their identity (the table skips them). When the live connection cannot be
// made, the board is read once over HTTP instead, until it can.
import { useEffect, useState } from 'react';
import { applyRowsUpdate, type CompactScoreboard } from '@arbiter/contracts/scoreboard-wire';
import { api } from './api';
import { apiUrl } from './api-url';
import { watchContest } from './contest-stream';

export interface LiveScoreboard {
  board: CompactScoreboard | null;
  connected: boolean;
  error: string | null;
}

/** `viewer`: who is signed in (a change of user asks again, since managers see another board). */
export function useScoreboard(contestId: string, viewer: string | null | undefined): LiveScoreboard {
  const [board, setBoard] = useState<CompactScoreboard | null>(null);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (viewer === undefined) return;
    let cancelled = false;
    /** The board the live connection holds: the one its next update starts from. */
    let held: CompactScoreboard | null = null;
    let readOverHttp = false;
    const show = (next: CompactScoreboard) => {
      if (!cancelled) setBoard(next);
    };
    const stop = watchContest(apiUrl(), contestId, {
      onBoard: (next) => {
        held = next;
        show(next);
        if (!cancelled) setError(null);
      },
      onRows: (update) => {
        // A User Timing mark: how long an update takes to reach the screen (bench/scoreboard.ts reads it).
        performance.mark('scoreboard:rows');
        const next = held === null ? null : applyRowsUpdate(held, update);
        if (next === null) return false;
        held = next;
        show(next);
        return true;
      },
      onConnection: (up) => {
        if (!cancelled) setConnected(up);
      },
      onUnreachable: () => {
        if (held !== null || readOverHttp) return;
        readOverHttp = true;
        api
          .get<CompactScoreboard>(`/contests/${contestId}/scoreboard?form=compact`)
          .then((first) => {
            if (held === null) show(first);
          })
          .catch((caught: unknown) => {
            if (!cancelled) setError(caught instanceof Error ? caught.message : String(caught));
          });
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
