/**
 * A contest's scored rows, kept between pushes: each participant's row scored live and (when the contest
 * has a freeze) frozen, keyed by participant, so a verdict rescores the one row it touched and the board
 * is ranked again from the kept rows (rank-board.ts) instead of scoring every submission of the contest.
 * The rows are valid for the contest's scoring settings they were made with (`matches`); whoever keeps
 * them replaces a participant's row whenever that participant's registration or submissions change.
 */
import type { Scoreboard } from '@arbiter/contracts';
import { scoreParticipant, type ScoredRow } from './participant-row.js';
import { rankBoard } from './rank-board.js';
import { submissionsByUser } from './scoreboard.js';
import type { ScoringContest, ScoringParticipant, ScoringSubmission } from './types.js';
import { freezeAt, isFrozenFor } from './window.js';

interface KeptRow {
  live: ScoredRow;
  /** The row as seen between the freeze and the end (the same object as `live` without a freeze). */
  frozen: ScoredRow;
}

export interface BoardViews {
  /** Those who manage the contest. */
  live: Scoreboard;
  /** Everyone else (the same object as `live` unless the board is frozen now). */
  public: Scoreboard;
}

/** What of a contest its rows are scored by: a change of any of it rescores every row. */
function rulesKey(contest: ScoringContest): string {
  return JSON.stringify([
    contest.scoring,
    contest.startsAt.getTime(),
    contest.endsAt.getTime(),
    contest.durationMinutes,
    contest.freezeMinutes,
    contest.penaltyMinutes,
    contest.problems,
  ]);
}

export class BoardRows {
  /** Rows in the participants' order (registration); a replaced row keeps its place. */
  private readonly rows = new Map<string, KeptRow>();
  private readonly key: string;

  private constructor(private readonly contest: ScoringContest) {
    this.key = rulesKey(contest);
  }

  /** Scores every participant of a contest. */
  static score(
    contest: ScoringContest,
    participants: readonly ScoringParticipant[],
    submissions: readonly ScoringSubmission[],
  ): BoardRows {
    const board = new BoardRows(contest);
    const byUser = submissionsByUser(submissions);
    for (const participant of participants)
      board.replace(participant.userId, participant, byUser.get(participant.userId) ?? []);
    return board;
  }

  /** Whether these rows were scored under the contest's current settings. */
  matches(contest: ScoringContest): boolean {
    return rulesKey(contest) === this.key;
  }

  /**
   * Scores one participant's row again from their registration (null: no longer a participant, the row
   * goes) and all their submissions of the contest.
   */
  replace(
    userId: string,
    participant: ScoringParticipant | null,
    submissions: readonly ScoringSubmission[],
  ): void {
    if (participant === null) {
      this.rows.delete(userId);
      return;
    }
    const live = scoreParticipant(this.contest, participant, submissions, false);
    const frozen =
      freezeAt(this.contest) === null || participant.virtual
        ? live
        : scoreParticipant(this.contest, participant, submissions, true);
    this.rows.set(userId, { live, frozen });
  }

  /** The live board and the one everyone else sees at `now`. */
  views(now: Date): BoardViews {
    const rows = [...this.rows.values()];
    const live = rankBoard(
      this.contest,
      rows.map((row) => row.live),
      { frozen: false, now },
    );
    if (!isFrozenFor(this.contest, now, false)) return { live, public: live };
    const frozen = rankBoard(
      this.contest,
      rows.map((row) => row.frozen),
      { frozen: true, now },
    );
    return { live, public: frozen };
  }
}
