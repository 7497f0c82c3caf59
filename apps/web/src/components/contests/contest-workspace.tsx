'use client';
// /contests/:id/problems/:letter: the problem workspace inside a contest (its submits count for the
// contest), once the contest page says which problem the letter is.
import Link from 'next/link';
import { useContest } from '../../lib/use-contest';
import { useAuth } from '../auth-context';
import { Workspace } from '../workspace/workspace';
import { ContestNotFound } from './contest-not-found';

export function ContestWorkspace({ id, letter }: { id: string; letter: string }) {
  const { user } = useAuth();
  const viewer = user === undefined ? undefined : (user?.username ?? null);
  const { contest, offsetMs, error } = useContest(id, viewer);
  if (error) {
    return <ContestNotFound message={error} />;
  }
  if (contest === null) return <div className="page muted">Loading contest…</div>;
  const problem = contest.problems?.find((p) => p.letter === letter);
  if (!problem) {
    return (
      <div className="page narrow empty">
        <h1>No problem {letter}</h1>
        <p className="muted">
          {contest.problems === null
            ? 'The contest has not started yet.'
            : 'The contest has no such problem.'}
        </p>
        <Link href={`/contests/${id}`} className="button">
          Back to the contest
        </Link>
      </div>
    );
  }
  return (
    <Workspace
      key={problem.problem}
      slug={problem.problem}
      contest={{
        id,
        title: contest.title,
        letter,
        endsAt: contest.participation?.windowEnd ?? contest.endsAt,
        offsetMs,
      }}
    />
  );
}
