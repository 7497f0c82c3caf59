// A contest's scoreboard as a table: rank, participant, solved and penalty (ICPC) or score (IOI), and one
// cell per problem. ICPC cells read `+` (solved first try), `+2` (after two rejected tries), `−3` (three
// rejected), with `?` for tries not shown yet (being judged, or made during the freeze); IOI cells the best
// score. The first solver of a problem is marked. The table scrolls sideways inside its box on a phone.
import Link from 'next/link';
import type { Scoreboard, ScoreboardCell, ScoreboardRow } from '@arbiter/contracts';

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

function IcpcCell({ cell }: { cell: ScoreboardCell }) {
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

function IoiCell({ cell }: { cell: ScoreboardCell }) {
  if (cell.attempts === 0 && cell.pending === 0) return null;
  return (
    <>
      {cell.attempts > 0 ? <span className="cell-main">{formatScore(cell.score)}</span> : null}
      {cell.pending > 0 ? <span className="cell-sub">?{cell.pending}</span> : null}
    </>
  );
}

function tone(cell: ScoreboardCell): string {
  if (cell.solved) return cell.firstToSolve ? 'cell-first' : 'cell-solved';
  if (cell.pending > 0) return 'cell-pending';
  if (cell.attempts > 0) return cell.score > 0 ? 'cell-partial' : 'cell-failed';
  return '';
}

export function ScoreboardTable({ board, me }: { board: Scoreboard; me: string | null }) {
  const icpc = board.scoring === 'icpc';
  const row = (entry: ScoreboardRow) => (
    <tr
      key={entry.userId}
      className={entry.username === me ? 'board-me' : undefined}
      data-testid="scoreboard-row"
      data-user={entry.username}
      data-rank={entry.rank}
      data-solved={entry.solved}
      data-penalty={entry.penalty}
      data-score={entry.score}
    >
      <td className="num">{entry.rank}</td>
      <td className="board-name">
        <Link href={`/users/${encodeURIComponent(entry.username)}`} className="user-link">
          {entry.username}
        </Link>
        {entry.virtual ? <span className="mode-badge subtle">virtual</span> : null}
      </td>
      {icpc ? (
        <>
          <td className="num" data-testid="row-solved">
            {entry.solved}
          </td>
          <td className="num" data-testid="row-penalty">
            {entry.penalty}
          </td>
        </>
      ) : (
        <td className="num" data-testid="row-score">
          {formatScore(entry.score)}
        </td>
      )}
      {entry.cells.map((cell) => (
        <td
          key={cell.letter}
          className={`board-cell ${tone(cell)}`}
          data-testid={`cell-${cell.letter}`}
          data-solved={cell.solved}
          data-attempts={cell.attempts}
          data-pending={cell.pending}
          data-score={cell.score}
          data-first={cell.firstToSolve}
          title={
            cell.firstToSolve
              ? 'First to solve'
              : cell.pending > 0
                ? `${cell.pending} not shown yet`
                : undefined
          }
        >
          {icpc ? <IcpcCell cell={cell} /> : <IoiCell cell={cell} />}
        </td>
      ))}
    </tr>
  );
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
        <tbody>{board.rows.map(row)}</tbody>
      </table>
      {board.rows.length === 0 ? <p className="empty muted">No participants yet.</p> : null}
    </div>
  );
}
