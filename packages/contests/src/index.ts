/** Contest rules: participants' windows, the freeze, ICPC and IOI scoring, and the scoreboard built from them. */
export type { ScoringContest, ScoringParticipant, ScoringSubmission } from './types.js';
export {
  contestPhase,
  participantWindow,
  inWindow,
  freezeAt,
  isFrozenFor,
  minutesBetween,
  type ContestWindow,
} from './window.js';
export { effectiveSubmissions } from './rejudges.js';
export { icpcCell } from './icpc.js';
export { ioiCell, tryScore } from './ioi.js';
export type { Try, CellSettings, CellOutcome } from './cell.js';
export { computeScoreboard } from './scoreboard.js';
export { rankBoard, type ScoreboardOptions } from './rank-board.js';
export { scoreParticipant, type ScoredRow } from './participant-row.js';
export { BoardRows, type BoardViews } from './board-rows.js';
