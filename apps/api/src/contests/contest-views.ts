/** What leaves the server of a contest: the list entry, the contest page, and the rules' view of it. */
import type { AuthUser, ContestDetail, ContestParticipation, ContestSummary } from '@arbiter/contracts';
import { contestPhase, participantWindow, type ScoringContest } from '@arbiter/contests';
import type { Contest, ContestParticipant } from '@arbiter/db';
import type { ProblemTitles } from '../problems/problem-directory.js';
import { canManage } from './contest-access.js';

export function scoringContest(contest: Contest): ScoringContest {
  return {
    id: contest.id,
    scoring: contest.scoring,
    startsAt: contest.startsAt,
    endsAt: contest.endsAt,
    durationMinutes: contest.durationMinutes,
    freezeMinutes: contest.freezeMinutes,
    penaltyMinutes: contest.penaltyMinutes,
    problems: contest.problems,
  };
}

export function contestSummary(
  contest: Omit<Contest, 'problems'>,
  problemCount: number,
  registered: boolean,
  now: Date,
): ContestSummary {
  return {
    id: contest.id,
    title: contest.title,
    startsAt: contest.startsAt.toISOString(),
    endsAt: contest.endsAt.toISOString(),
    durationMinutes: contest.durationMinutes,
    visibility: contest.visibility,
    scoring: contest.scoring,
    freezeMinutes: contest.freezeMinutes,
    penaltyMinutes: contest.penaltyMinutes,
    phase: contestPhase(contest, now),
    problemCount,
    registered,
  };
}

export function participationView(contest: Contest, participant: ContestParticipant): ContestParticipation {
  const window = participantWindow(contest, participant);
  return {
    virtual: participant.virtual,
    registeredAt: participant.registeredAt.toISOString(),
    windowStart: window?.start.toISOString() ?? null,
    windowEnd: window?.end.toISOString() ?? null,
  };
}

export function contestDetail(
  contest: Contest,
  user: AuthUser | null | undefined,
  participant: ContestParticipant | null,
  titles: ProblemTitles,
  now: Date,
): ContestDetail {
  const manages = canManage(user, contest);
  const started = now >= contest.startsAt;
  return {
    ...contestSummary(contest, contest.problems.length, participant !== null, now),
    description: contest.description,
    problems:
      started || manages
        ? contest.problems.map((problem) => ({
            letter: problem.letter,
            problem: problem.problemSlug,
            title: titles.get(problem.problemSlug)?.title ?? problem.problemSlug,
            points: problem.points,
          }))
        : null,
    participation: participant === null ? null : participationView(contest, participant),
    canManage: manages,
    inviteCode: manages ? contest.inviteCode : null,
    now: now.toISOString(),
  };
}
