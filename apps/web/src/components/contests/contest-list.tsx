'use client';
// /contests: the contests one may see (public ones, and those one takes part in or manages), by phase,
// with a "New contest" button for organisers, teachers and admins.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { ContestList as ContestListBody, ContestSummary } from '@arbiter/contracts';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useAuth } from '../auth-context';

const PHASE_LABEL: Record<ContestSummary['phase'], string> = {
  running: 'Running',
  upcoming: 'Upcoming',
  ended: 'Ended',
};

export function ContestList() {
  const { user } = useAuth();
  const [contests, setContests] = useState<ContestSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (user === undefined) return;
    api
      .get<ContestListBody>('/contests')
      .then((answer) => setContests(answer.contests))
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [user]);

  const organiser = user?.role === 'admin' || user?.role === 'organiser';
  const order: ContestSummary['phase'][] = ['running', 'upcoming', 'ended'];
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Contests</h1>
          <p className="muted">ICPC and IOI contests with a live scoreboard.</p>
        </div>
        {organiser ? (
          <Link href="/contests/new" className="button" data-testid="new-contest">
            New contest
          </Link>
        ) : null}
      </div>
      {error ? <p className="error">{error}</p> : null}
      {contests === null ? (
        <p className="muted">Loading…</p>
      ) : contests.length === 0 ? (
        <p className="empty muted">No contests yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="contest-table">
            <thead>
              <tr>
                <th scope="col">Contest</th>
                <th scope="col">Phase</th>
                <th scope="col">Rule</th>
                <th scope="col">Starts</th>
                <th scope="col">Ends</th>
                <th scope="col" className="num">
                  Problems
                </th>
              </tr>
            </thead>
            <tbody>
              {[...contests]
                .sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase))
                .map((contest) => (
                  <tr key={contest.id} data-testid="contest-row">
                    <td>
                      <Link href={`/contests/${contest.id}`} className="problem-link">
                        {contest.title}
                      </Link>
                      {contest.registered ? <span className="mode-badge subtle">registered</span> : null}
                    </td>
                    <td>
                      <span className={`phase phase-${contest.phase}`}>{PHASE_LABEL[contest.phase]}</span>
                    </td>
                    <td>{contest.scoring.toUpperCase()}</td>
                    <td>{formatDate(contest.startsAt)}</td>
                    <td>{formatDate(contest.endsAt)}</td>
                    <td className="num">{contest.problemCount}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
