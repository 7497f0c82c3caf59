/**
 * The scoreboard of a contest from its participants and submissions (rows as the database holds
 * them, rejudges included): each participant's row scored alone (participant-row.ts), then ranked
 * (rank-board.ts). Pure: a board read scores every row; live pushes keep the scored rows and rescore
 * only those a change touched (board-rows.ts).
 */
import type { Scoreboard } from '@arbiter/contracts';
import { scoreParticipant } from './participant-row.js';
import { rankBoard, type ScoreboardOptions } from './rank-board.js';
import type { ScoringContest, ScoringParticipant, ScoringSubmission } from './types.js';

/** The submissions of each user. */
export function submissionsByUser(
  submissions: readonly ScoringSubmission[],
): Map<string, ScoringSubmission[]> {
  const byUser = new Map<string, ScoringSubmission[]>();
  for (const submission of submissions) {
    const mine = byUser.get(submission.userId);
    if (mine === undefined) byUser.set(submission.userId, [submission]);
    else mine.push(submission);
  }
  return byUser;
}

export function computeScoreboard(
  contest: ScoringContest,
  participants: readonly ScoringParticipant[],
  submissions: readonly ScoringSubmission[],
  options: ScoreboardOptions,
): Scoreboard {
  const byUser = submissionsByUser(submissions);
  const rows = participants.map((participant) =>
    scoreParticipant(contest, participant, byUser.get(participant.userId) ?? [], options.frozen),
  );
  return rankBoard(contest, rows, options);
}
