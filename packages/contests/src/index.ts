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
export { computeScoreboard, type ScoreboardOptions } from './scoreboard.js';
