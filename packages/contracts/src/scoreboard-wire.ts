/**
 * The scoreboard's compact wire form, for the web page: rows as arrays without the fields a viewer does
 * not show (user ids, the last solve's minute), untried cells as null, first solves named once per
 * problem; and a row update (`scoreboardRows`) carrying only the rows a change touched. Pure: imported by
 * the API (to encode and diff) and the web (to decode and apply) as `@arbiter/contracts/scoreboard-wire`.
 */
import type { Scoreboard, ScoreboardCell, ScoreboardRow, ScoringRule } from './contests.js';

/**
 * A participant on a problem: null when untried (no counted try, none pending), else
 * `[attempts, pending, solvedAtMinutes (null unless solved)]`, with the best score appended under IOI
 * (under ICPC the score is the problem's points when solved, else 0).
 */
export type CompactCell = null | [number, number, number | null] | [number, number, number | null, number];

/** `[username, rank, virtual (0 | 1), solved, penalty, score, cells (in the problems' order)]`. */
export type CompactRow = [string, number, 0 | 1, number, number, number, CompactCell[]];

export interface CompactProblem {
  letter: string;
  points: number;
  solvedBy: number;
  tries: number;
  /** The usernames marked first to solve it (ties share the mark). */
  first: string[];
}

/** What every form of the board shares besides its rows. */
export interface CompactBoardHead {
  contestId: string;
  scoring: ScoringRule;
  frozen: boolean;
  freezeAt: string | null;
  problems: CompactProblem[];
  generatedAt: string;
  /** Which board of this viewer's room this is, counted by the API instance that sent it (0 over HTTP). */
  version: number;
}

/** The whole board: `GET /contests/:id/scoreboard?form=compact`, and `scoreboardCompact` on Socket.IO. */
export interface CompactScoreboard extends CompactBoardHead {
  rows: CompactRow[];
}

/**
 * `scoreboardRows` on Socket.IO: the board `version`, made from board `from` by replacing (or adding) the
 * rows given, keyed by username, and dropping those in `removed`. A viewer not holding `from` asks again.
 */
export interface ScoreboardRowsUpdate extends CompactBoardHead {
  from: number;
  rows: CompactRow[];
  removed: string[];
}

/** The compact form of a board. */
export function compactScoreboard(board: Scoreboard, version = 0): CompactScoreboard {
  return { ...compactHead(board, version), rows: board.rows.map((row) => compactRow(board.scoring, row)) };
}

function compactHead(board: Scoreboard, version: number): CompactBoardHead {
  return {
    contestId: board.contestId,
    scoring: board.scoring,
    frozen: board.frozen,
    freezeAt: board.freezeAt,
    problems: board.problems.map((problem, index) => ({
      ...problem,
      first: board.rows.filter((row) => row.cells[index]?.firstToSolve === true).map((row) => row.username),
    })),
    generatedAt: board.generatedAt,
    version,
  };
}

function compactCell(rule: ScoringRule, cell: ScoreboardCell): CompactCell {
  if (cell.attempts === 0 && cell.pending === 0 && !cell.solved) return null;
  const solvedAt = cell.solved ? (cell.solvedAtMinutes ?? 0) : null;
  return rule === 'ioi'
    ? [cell.attempts, cell.pending, solvedAt, cell.score]
    : [cell.attempts, cell.pending, solvedAt];
}

export function compactRow(rule: ScoringRule, row: ScoreboardRow): CompactRow {
  return [
    row.username,
    row.rank,
    row.virtual ? 1 : 0,
    row.solved,
    row.penalty,
    row.score,
    row.cells.map((cell) => compactCell(rule, cell)),
  ];
}

/** The rows of `next` that differ from `previous` (new ones included), and the usernames no longer on it. */
export function changedRows(
  previous: readonly CompactRow[],
  next: readonly CompactRow[],
): { rows: CompactRow[]; removed: string[] } {
  const before = new Map(previous.map((row) => [row[0], JSON.stringify(row)]));
  const rows = next.filter((row) => before.get(row[0]) !== JSON.stringify(row));
  const kept = new Set(next.map((row) => row[0]));
  return { rows, removed: [...before.keys()].filter((username) => !kept.has(username)) };
}

/** The update from the board `previous` (version `from`) to `next`. */
export function rowsUpdate(previous: CompactScoreboard, next: CompactScoreboard): ScoreboardRowsUpdate {
  const { rows: _rows, ...head } = next;
  return { ...head, from: previous.version, ...changedRows(previous.rows, next.rows) };
}

/** A compact cell read back: what the page shows of it. */
export interface WireCell {
  attempts: number;
  pending: number;
  solved: boolean;
  solvedAtMinutes: number | null;
  score: number;
}

export const UNTRIED: WireCell = { attempts: 0, pending: 0, solved: false, solvedAtMinutes: null, score: 0 };

export function readCell(rule: ScoringRule, cell: CompactCell, points: number): WireCell {
  if (cell === null) return UNTRIED;
  const [attempts, pending, solvedAtMinutes] = cell;
  const solved = solvedAtMinutes !== null;
  return {
    attempts,
    pending,
    solved,
    solvedAtMinutes,
    score: rule === 'ioi' ? (cell[3] ?? 0) : solved ? points : 0,
  };
}

/** The order a board's rows are shown in (as the API sorts them): rank, live before virtual, then username. */
export function compareCompactRows(a: CompactRow, b: CompactRow): number {
  return a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]);
}

/**
 * The board after an update, or null when the update does not follow it (another version): then ask for
 * the whole board again. Rows the update does not name keep their identity, so a view can skip them.
 */
export function applyRowsUpdate(
  board: CompactScoreboard,
  update: ScoreboardRowsUpdate,
): CompactScoreboard | null {
  if (update.contestId !== board.contestId || update.from !== board.version) return null;
  const replaced = new Map(update.rows.map((row) => [row[0], row]));
  const removed = new Set(update.removed);
  const rows: CompactRow[] = [];
  for (const row of board.rows) {
    if (removed.has(row[0])) continue;
    const next = replaced.get(row[0]);
    rows.push(next ?? row);
    replaced.delete(row[0]);
  }
  rows.push(...replaced.values());
  const { from: _from, rows: _rows, removed: _removed, ...head } = update;
  return { ...head, rows: rows.sort(compareCompactRows) };
}
