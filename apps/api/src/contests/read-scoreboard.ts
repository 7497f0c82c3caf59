/**
 * A contest's scoreboard, read from the database and scored on the server: the live board for
 * those who manage the contest, the frozen one for everyone else between the freeze and the end.
 */
import type { Scoreboard } from '@arbiter/contracts';
import { computeScoreboard, isFrozenFor } from '@arbiter/contests';
import type { Contest } from '@arbiter/db';
import type { ApiResources } from '../resources.js';
import { scoringContest } from './contest-views.js';

export interface ScoreboardViews {
  /** Those who manage the contest. */
  live: Scoreboard;
  /** Everyone else (the same object as `live` unless the board is frozen now). */
  public: Scoreboard;
}

export async function readScoreboards(
  resources: Pick<ApiResources, 'db'>,
  contest: Contest,
  now = new Date(),
): Promise<ScoreboardViews> {
  const [participants, submissions] = await Promise.all([
    resources.db.contests.participants(contest.id),
    resources.db.contests.submissions(contest.id),
  ]);
  const rules = scoringContest(contest);
  const live = computeScoreboard(rules, participants, submissions, { frozen: false, now });
  const frozen = isFrozenFor(rules, now, false);
  return {
    live,
    public: frozen ? computeScoreboard(rules, participants, submissions, { frozen: true, now }) : live,
  };
}

export async function readScoreboard(
  resources: Pick<ApiResources, 'db'>,
  contest: Contest,
  viewerManages: boolean,
  now = new Date(),
): Promise<Scoreboard> {
  const [participants, submissions] = await Promise.all([
    resources.db.contests.participants(contest.id),
    resources.db.contests.submissions(contest.id),
  ]);
  const rules = scoringContest(contest);
  return computeScoreboard(rules, participants, submissions, {
    frozen: isFrozenFor(rules, now, viewerManages),
    now,
  });
}
