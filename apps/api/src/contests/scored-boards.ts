/**
 * The scored rows (`BoardRows`, @arbiter/contests) of each contest this API instance has viewers of, kept
 * between pushes: a change of one participant reads only that participant's registration and submissions
 * and rescores their row; the board is ranked again from the kept rows. Everything is read and scored
 * again when the change names no participant (or many), the contest's scoring settings changed, or the rows are
 * older than `FULL_RESCORE_MS` (a bound on how long a lost announcement could leave a row stale).
 */
import { BoardRows, type BoardViews } from '@arbiter/contests';
import type { Contest } from '@arbiter/db';
import type { ApiResources } from '../resources.js';
import type { RowsChanged } from './changed-rows.js';
import { scoringContest } from './contest-views.js';

/** Rows older than this (ms) are read and scored again in full on the next push. */
export const FULL_RESCORE_MS = 60_000;
/** More changed participants than this in one push are cheaper read in full than one by one. */
const MAX_ROWS_ONE_BY_ONE = 64;

export class ScoredBoards {
  private readonly kept = new Map<string, { rows: BoardRows; scoredAt: number }>();

  constructor(private readonly resources: Pick<ApiResources, 'db'>) {}

  /** The contest's boards now, after applying `changed` to the rows kept (or scoring them all). */
  async current(contest: Contest, changed: RowsChanged, now = new Date()): Promise<BoardViews> {
    const rules = scoringContest(contest);
    const kept = this.kept.get(contest.id);
    if (
      kept === undefined ||
      changed === 'all' ||
      changed.size > MAX_ROWS_ONE_BY_ONE ||
      !kept.rows.matches(rules) ||
      now.getTime() - kept.scoredAt > FULL_RESCORE_MS
    ) {
      const [participants, submissions] = await Promise.all([
        this.resources.db.contests.participants(contest.id),
        this.resources.db.contests.submissions(contest.id),
      ]);
      const rows = BoardRows.score(rules, participants, submissions);
      this.kept.set(contest.id, { rows, scoredAt: now.getTime() });
      return rows.views(now);
    }
    for (const userId of changed) {
      const [participant, submissions] = await Promise.all([
        this.resources.db.contests.participant(contest.id, userId),
        this.resources.db.contests.submissions(contest.id, userId),
      ]);
      kept.rows.replace(userId, participant, submissions);
    }
    return kept.rows.views(now);
  }

  /** Drops a contest's rows (no viewer left here: the changes would no longer be applied to them). */
  forget(contestId: string): void {
    this.kept.delete(contestId);
  }

  clear(): void {
    this.kept.clear();
  }
}
