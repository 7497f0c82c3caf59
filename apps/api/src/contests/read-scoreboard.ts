/**
 * A contest's scoreboard read from the database and scored on the server, every row (an HTTP read):
 * the live board for those who manage the contest, the frozen one for everyone else between the
 * freeze and the end. Live pushes keep the scored rows instead (scored-boards.ts).
 */
import type { Scoreboard } from '@arbiter/contracts';
import { computeScoreboard, isFrozenFor } from '@arbiter/contests';
import type { Contest } from '@arbiter/db';
import type { ApiResources } from '../resources.js';
import { scoringContest } from './contest-views.js';

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
