'use client';
// /contests/:id/scoreboard: the live board. The first board comes over HTTP, every later one is pushed
// over Socket.IO as verdicts land (and at the freeze and the end), without a reload. During the freeze
// contestants see a frozen board, its organiser and admins the live one.
import { formatDate } from '../../lib/format';
import { useLiveContest } from '../../lib/use-contest';
import { useScoreboard } from '../../lib/use-scoreboard';
import { useAuth } from '../auth-context';
import { ContestNotFound } from './contest-not-found';
import { ContestTabs } from './contest-tabs';
import { ScoreboardTable } from './scoreboard-table';

export function ContestScoreboard({ id }: { id: string }) {
  const { user } = useAuth();
  const viewer = user === undefined ? undefined : (user?.username ?? null);
  const { contest, error: contestError, now } = useLiveContest(id, viewer);
  const { board, connected, error } = useScoreboard(id, viewer);

  if (contestError) {
    return <ContestNotFound message={contestError} />;
  }
  return (
    <div className="page wide">
      <div className="page-head">
        <div>
          <h1>{contest ? contest.title : 'Scoreboard'}</h1>
          <p className="muted">
            {contest ? `${contest.scoring.toUpperCase()} · scoreboard` : 'Loading…'}
            <span
              className={`live-dot ${connected ? 'on' : 'off'}`}
              data-testid="live-status"
              data-connected={connected}
              title={connected ? 'Live: updates arrive as verdicts land' : 'Reconnecting…'}
            >
              {connected ? 'live' : 'offline'}
            </span>
          </p>
        </div>
      </div>
      <ContestTabs id={id} active="scoreboard" />
      {board?.frozen ? (
        <p className="banner" data-testid="frozen-banner">
          The scoreboard is frozen since {board.freezeAt ? formatDate(board.freezeAt) : 'the freeze'}: tries
          made since then show as <b>?</b> until the end.
        </p>
      ) : board?.freezeAt &&
        contest?.canManage &&
        contest.phase === 'running' &&
        now >= Date.parse(board.freezeAt) ? (
        <p className="banner" data-testid="manager-live-banner">
          Frozen for contestants; you see the live board.
        </p>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
      {board ? (
        <div data-testid="scoreboard-view" data-frozen={board.frozen} data-generated={board.generatedAt}>
          <ScoreboardTable board={board} me={user?.username ?? null} />
        </div>
      ) : (
        <p className="muted">Loading the scoreboard…</p>
      )}
    </div>
  );
}
