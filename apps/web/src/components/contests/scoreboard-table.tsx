// A contest's scoreboard as a table: rank, participant, solved and penalty (ICPC) or score (IOI), and one
// cell per problem. ICPC cells read `+` (solved first try), `+2` (after two rejected tries), `−3` (three
// rejected), with `?` for tries not shown yet (being judged, or made during the freeze); IOI cells the best
// score. The first solver of a problem is marked. The table scrolls sideways inside its box on a phone.
// It reads the compact wire form; each row is memoised on its (compact) row, so a live update that
// touches one row re-renders that row, not the board, and the page's clock does not re-render it at all.
import { memo, useMemo } from 'react';
import Link from 'next/link';
import {
  readCell,
  type CompactRow,
  type CompactScoreboard,
  type WireCell,
} from '@arbiter/contracts/scoreboard-wire';

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

function IcpcCell({ cell }: { cell: WireCell }) {
  if (cell.solved)
    return (
      <>
        <span className="cell-main">{cell.attempts > 1 ? `+${cell.attempts - 1}` : '+'}</span>
        <span className="cell-sub">{cell.solvedAtMinutes}′</span>
      </>
    );
  if (cell.attempts === 0 && cell.pending === 0) return null;
  return (
    <>
      {cell.attempts > 0 ? <span className="cell-main">−{cell.attempts}</span> : null}
      {cell.pending > 0 ? <span className="cell-main">?{cell.pending}</span> : null}
    </>
  );
}

function IoiCell({ cell }: { cell: WireCell }) {
  if (cell.attempts === 0 && cell.pending === 0) return null;
  return (
    <>
      {cell.attempts > 0 ? <span className="cell-main">{formatScore(cell.score)}</span> : null}
      {cell.pending > 0 ? <span className="cell-sub">?{cell.pending}</span> : null}
    </>
  );
}

function tone(cell: WireCell, first: boolean): string {
  if (cell.solved) return first ? 'cell-first' : 'cell-solved';
  if (cell.pending > 0) return 'cell-pending';
  if (cell.attempts > 0) return cell.score > 0 ? 'cell-partial' : 'cell-failed';
  return '';
}

interface RowProps {
  row: CompactRow;
  icpc: boolean;
  letters: readonly string[];
  points: readonly number[];
  /** Per problem, `1` where this participant is its first solver (a string, so equal marks compare equal). */
  firsts: string;
  me: boolean;
}

const BoardRow = memo(function BoardRow({ row, icpc, letters, points, firsts, me }: RowProps) {
  const [username, rank, virtual, solved, penalty, score, cells] = row;
  return (
    <tr
      className={me ? 'board-me' : undefined}
      data-testid="scoreboard-row"
      data-user={username}
      data-rank={rank}
      data-solved={solved}
      data-penalty={penalty}
      data-score={score}
    >
      <td className="num">{rank}</td>
      <td className="board-name">
        <Link href={`/users/${encodeURIComponent(username)}`} className="user-link" prefetch={false}>
          {username}
        </Link>
        {virtual === 1 ? <span className="mode-badge subtle">virtual</span> : null}
      </td>
      {icpc ? (
        <>
          <td className="num" data-testid="row-solved">
            {solved}
          </td>
          <td className="num" data-testid="row-penalty">
            {penalty}
          </td>
        </>
      ) : (
        <td className="num" data-testid="row-score">
          {formatScore(score)}
        </td>
      )}
      {letters.map((letter, index) => {
        const cell = readCell(icpc ? 'icpc' : 'ioi', cells[index] ?? null, points[index] ?? 0);
        const first = firsts[index] === '1';
        return (
          <td
            key={letter}
            className={`board-cell ${tone(cell, first)}`}
            data-testid={`cell-${letter}`}
            data-solved={cell.solved}
            data-attempts={cell.attempts}
            data-pending={cell.pending}
            data-score={cell.score}
            data-first={first}
            title={first ? 'First to solve' : cell.pending > 0 ? `${cell.pending} not shown yet` : undefined}
          >
            {icpc ? <IcpcCell cell={cell} /> : <IoiCell cell={cell} />}
          </td>
        );
      })}
    </tr>
  );
});

function ScoreboardTableView({ board, me }: { board: CompactScoreboard; me: string | null }) {
  const icpc = board.scoring === 'icpc';
  const letterKey = board.problems.map((problem) => problem.letter).join(',');
  const pointKey = board.problems.map((problem) => problem.points).join(',');
  // Stable while the problems stay the same, so rows are not re-rendered for a new array alone.
  const letters = useMemo(() => letterKey.split(','), [letterKey]);
  const points = useMemo(() => pointKey.split(',').map(Number), [pointKey]);
  const firstSolvers = new Map<string, string[]>();
  board.problems.forEach((problem, index) => {
    for (const username of problem.first) {
      const marks = firstSolvers.get(username) ?? board.problems.map(() => '0');
      marks[index] = '1';
      firstSolvers.set(username, marks);
    }
  });
  return (
    <div className="table-wrap board-wrap">
      <table className="table board" data-testid="scoreboard">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Participant</th>
            {icpc ? (
              <>
                <th scope="col" className="num">
                  Solved
                </th>
                <th scope="col" className="num">
                  Penalty
                </th>
              </>
            ) : (
              <th scope="col" className="num">
                Score
              </th>
            )}
            {board.problems.map((problem) => (
              <th key={problem.letter} scope="col" className="board-cell">
                {problem.letter}
                <span className="cell-sub">
                  {icpc ? `${problem.solvedBy}/${problem.tries}` : `${problem.points} pts`}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {board.rows.map((row) => (
            <BoardRow
              key={row[0]}
              row={row}
              icpc={icpc}
              letters={letters}
              points={points}
              firsts={firstSolvers.get(row[0])?.join('') ?? ''}
              me={row[0] === me}
            />
          ))}
        </tbody>
      </table>
      {board.rows.length === 0 ? <p className="empty muted">No participants yet.</p> : null}
    </div>
  );
}

/** Re-rendered only when the board or the viewer changes (not on the page's clock). */
export const ScoreboardTable = memo(ScoreboardTableView);
