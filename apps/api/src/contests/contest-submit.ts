/**
 * What a submit within a contest must be: a submit (not a run) of one of the contest's problems,
 * by a registered participant, while their window is open. Checked before the job is accepted.
 * Outside contests, a problem of a contest yet to start is unknown to all but organisers and admins.
 */
import type { AuthUser, SubmitRequest } from '@arbiter/contracts';
import { inWindow, participantWindow } from '@arbiter/contests';
import { HttpError } from '../http/http-error.js';
import type { ApiResources } from '../resources.js';

export async function checkContestSubmit(
  resources: Pick<ApiResources, 'db'>,
  contestId: string,
  request: SubmitRequest,
  user: AuthUser,
): Promise<void> {
  if (request.mode !== 'submit')
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      '"contestId" goes with mode "submit"; runs are not part of a contest.',
    );
  const contest = await resources.db.contests.get(contestId);
  if (contest === null)
    throw new HttpError(400, 'INVALID_REQUEST', `No contest "${contestId}". See GET /contests.`);
  if (!contest.problems.some((problem) => problem.problemSlug === request.problem))
    throw new HttpError(
      400,
      'UNKNOWN_PROBLEM',
      `"${request.problem ?? ''}" is not a problem of this contest.`,
    );
  const participant = await resources.db.contests.participant(contestId, user.id);
  if (participant === null)
    throw new HttpError(403, 'FORBIDDEN', 'Register for the contest first: POST /contests/{id}/register.');
  const now = new Date();
  const window = participantWindow(contest, participant);
  if (window === null) {
    const message =
      now < contest.startsAt
        ? `The contest starts at ${contest.startsAt.toISOString()}.`
        : 'Start your window first: POST /contests/{id}/start.';
    throw new HttpError(403, 'FORBIDDEN', message);
  }
  if (!inWindow(window, now)) {
    const message =
      now < window.start
        ? `The contest starts at ${window.start.toISOString()}.`
        : `Your contest window ended at ${window.end.toISOString()}.`;
    throw new HttpError(403, 'FORBIDDEN', message);
  }
}

/** Whether a problem belongs to a contest that has not started (so nobody outside it may see or try it). */
export async function isUnreleased(resources: Pick<ApiResources, 'db'>, problem: string): Promise<boolean> {
  return (await resources.db.contests.unreleasedProblems()).has(problem);
}
