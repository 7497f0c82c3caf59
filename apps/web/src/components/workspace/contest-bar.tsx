'use client';
// The top of the statement pane inside a contest: back to the contest, the problem's letter, the time
// left in one's window (or to the end), and a link to the scoreboard.
import Link from 'next/link';
import { formatCountdown } from '../../lib/contest-time';
import { useServerNow } from '../../lib/use-now';

export interface WorkspaceContest {
  id: string;
  title: string;
  letter: string;
  /** When submits stop counting (one's window's end, else the contest's), ISO; null: not known. */
  endsAt: string | null;
  /** How far the server's clock is ahead of the browser's, in ms. */
  offsetMs: number;
}

export function ContestBar({ contest }: { contest: WorkspaceContest }) {
  const now = useServerNow(contest.offsetMs);
  const left = contest.endsAt === null ? null : Date.parse(contest.endsAt) - now;
  return (
    <div className="contest-bar small-text" data-testid="contest-bar">
      <Link href={`/contests/${contest.id}`} className="back-link">
        ← {contest.title}
      </Link>
      <span className="letter-badge" data-testid="contest-letter">
        {contest.letter}
      </span>
      {left !== null ? (
        <span className={left > 0 ? 'muted' : 'error'} data-testid="contest-time-left">
          {left > 0 ? `${formatCountdown(left)} left` : 'Time is up'}
        </span>
      ) : null}
      <Link href={`/contests/${contest.id}/scoreboard`}>Scoreboard</Link>
    </div>
  );
}
