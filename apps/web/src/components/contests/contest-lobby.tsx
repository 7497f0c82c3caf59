'use client';
// /contests/:id: the contest's lobby. A countdown to the start (or the end, or one's own window's end),
// registration (with the invite code when there is one; after the end, virtual participation), the
// start button of a duration contest, the problems by letter once it has started (each opens the
// workspace inside the contest), announcements, and clarifications.
import Link from 'next/link';
import { useState } from 'react';
import { api } from '../../lib/api';
import { formatCountdown } from '../../lib/contest-time';
import { formatDate } from '../../lib/format';
import { useLiveContest } from '../../lib/use-contest';
import { useAuth } from '../auth-context';
import { Markdown } from '../markdown';
import { CompareButton } from '../similarity/compare-button';
import { ContestMessages } from './contest-messages';
import { ContestNotFound } from './contest-not-found';
import { ContestTabs } from './contest-tabs';

export function ContestLobby({ id }: { id: string }) {
  const { user } = useAuth();
  const viewer = user === undefined ? undefined : (user?.username ?? null);
  const { contest, error, reload, now } = useLiveContest(id, viewer);
  const [inviteCode, setInviteCode] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  if (error) {
    return <ContestNotFound message={error} />;
  }
  if (contest === null) return <div className="page muted">Loading contest…</div>;

  const act = async (path: string, body?: unknown) => {
    setWorking(true);
    setActionError(null);
    try {
      await api.post(path, body);
      await reload();
    } catch (caught) {
      setActionError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setWorking(false);
    }
  };

  const participation = contest.participation;
  const windowEnd = participation?.windowEnd ? Date.parse(participation.windowEnd) : null;
  const windowOpen =
    participation?.windowStart !== null &&
    participation?.windowStart !== undefined &&
    windowEnd !== null &&
    now >= Date.parse(participation.windowStart) &&
    now < windowEnd;
  const clock =
    contest.phase === 'upcoming'
      ? { label: 'Starts in', ms: Date.parse(contest.startsAt) - now }
      : windowOpen && windowEnd !== null
        ? { label: 'Your time left', ms: windowEnd - now }
        : contest.phase === 'running'
          ? { label: 'Ends in', ms: Date.parse(contest.endsAt) - now }
          : null;
  const needsStart =
    participation !== null && participation.windowStart === null && contest.durationMinutes !== null;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 data-testid="contest-title">{contest.title}</h1>
          <p className="muted">
            <span className={`phase phase-${contest.phase}`} data-testid="contest-phase">
              {contest.phase}
            </span>{' '}
            {contest.scoring.toUpperCase()} · {formatDate(contest.startsAt)} – {formatDate(contest.endsAt)}
            {contest.durationMinutes !== null ? ` · ${contest.durationMinutes} minutes each` : ''}
            {contest.freezeMinutes > 0 ? ` · frozen for the last ${contest.freezeMinutes} minutes` : ''}
          </p>
        </div>
        {clock ? (
          <div className="countdown" data-testid="countdown">
            <span className="muted small-text">{clock.label}</span>
            <span className="countdown-value">{formatCountdown(clock.ms)}</span>
          </div>
        ) : null}
      </div>
      <ContestTabs id={id} active="lobby" />
      {contest.description ? (
        <div className="card contest-description">
          <Markdown source={contest.description} />
        </div>
      ) : null}

      <section className="contest-actions">
        {user === null ? (
          <p className="muted">
            <Link href={`/login?next=/contests/${id}`}>Sign in</Link> to take part.
          </p>
        ) : participation === null ? (
          <form
            className="row"
            onSubmit={(event) => {
              event.preventDefault();
              void act(
                `/contests/${id}/register`,
                contest.visibility === 'invite' && !contest.canManage ? { inviteCode } : {},
              );
            }}
          >
            {contest.visibility === 'invite' && !contest.canManage ? (
              <input
                placeholder="Invite code"
                aria-label="Invite code"
                value={inviteCode}
                onChange={(e) => setInviteCode(e.target.value)}
              />
            ) : null}
            <button type="submit" disabled={working} data-testid="register">
              {contest.phase === 'ended' ? 'Take part virtually' : 'Register'}
            </button>
          </form>
        ) : (
          <p data-testid="registered">
            {participation.virtual ? 'You take part virtually' : 'You are registered'}
            {participation.windowStart && participation.windowEnd
              ? `: your window is ${formatDate(participation.windowStart)} – ${formatDate(participation.windowEnd)}.`
              : '.'}
            {needsStart && contest.phase === 'running' ? (
              <>
                {' '}
                <button type="button" disabled={working} onClick={() => void act(`/contests/${id}/start`)}>
                  Start my {contest.durationMinutes} minutes
                </button>
              </>
            ) : null}
          </p>
        )}
        {contest.canManage ? (
          <p>
            <Link href={`/contests/${id}/edit`} className="button secondary small" data-testid="edit-contest">
              Edit the contest
            </Link>
          </p>
        ) : null}
        {contest.canManage && contest.inviteCode ? (
          <p className="muted small-text">
            Invite code: <code>{contest.inviteCode}</code>
          </p>
        ) : null}
        {actionError ? <p className="error">{actionError}</p> : null}
      </section>

      <h2>Problems</h2>
      {contest.problems === null ? (
        <p className="muted" data-testid="problems-hidden">
          The problems appear when the contest starts.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="contest-problems">
            <thead>
              <tr>
                <th scope="col" className="col-status">
                  #
                </th>
                <th scope="col">Problem</th>
                {contest.scoring === 'ioi' ? (
                  <th scope="col" className="num">
                    Points
                  </th>
                ) : null}
                {contest.canManage ? <th scope="col">Compare</th> : null}
              </tr>
            </thead>
            <tbody>
              {contest.problems.map((problem) => (
                <tr key={problem.letter} data-testid="contest-problem">
                  <td className="letter-cell">{problem.letter}</td>
                  <td>
                    <Link
                      href={`/contests/${id}/problems/${problem.letter}`}
                      className="problem-link"
                      data-testid={`open-problem-${problem.letter}`}
                    >
                      {problem.title}
                    </Link>
                  </td>
                  {contest.scoring === 'ioi' ? <td className="num">{problem.points}</td> : null}
                  {contest.canManage ? (
                    <td>
                      <CompareButton scope={{ problem: problem.problem, contestId: id }} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ContestMessages
        id={id}
        letters={contest.problems?.map((p) => p.letter) ?? []}
        canManage={contest.canManage}
        participant={participation !== null}
        signedIn={user !== null && user !== undefined}
      />
    </div>
  );
}
