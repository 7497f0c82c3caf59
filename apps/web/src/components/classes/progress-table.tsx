'use client';
// The progress matrix as a table: a row per student, a cell per problem with its best verdict,
// attempts, and a late mark; used for the teacher's whole class and a student's own row.
import type { ProgressCell, ProgressMatrix } from '@arbiter/contracts';
import { formatDate, verdictLabel, verdictTone } from '../../lib/format';

function cellText(cell: ProgressCell): string {
  if (cell.attempts === 0) return '—';
  const tries = `${cell.attempts} ${cell.attempts === 1 ? 'try' : 'tries'}`;
  return `${verdictLabel(cell.verdict ?? 'pending')} · ${tries}`;
}

export function ProgressTable({ matrix, caption }: { matrix: ProgressMatrix; caption?: string }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="progress-matrix">
        {caption ? <caption className="muted small-text">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col" className="num">
              Solved
            </th>
            {matrix.problems.map((problem) => (
              <th scope="col" key={problem.problem} title={problem.problem}>
                {problem.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr
              key={row.username}
              data-testid="progress-row"
              data-user={row.username}
              data-solved={row.solved}
            >
              <th scope="row">{row.username}</th>
              <td className="num">{row.solved}</td>
              {row.cells.map((cell) => (
                <td
                  key={cell.problem}
                  className={cell.attempts === 0 ? 'muted' : `tone-${verdictTone(cell.verdict)}`}
                  data-testid={`progress-${cell.problem}`}
                  data-verdict={cell.verdict ?? ''}
                  data-attempts={cell.attempts}
                  data-late={cell.late}
                  title={
                    cell.firstAcceptedAt ? `First accepted ${formatDate(cell.firstAcceptedAt)}` : undefined
                  }
                >
                  {cellText(cell)}
                  {cell.late ? <span className="mode-badge subtle">late</span> : null}
                  {!cell.late && cell.lateAttempts > 0 ? (
                    <span className="muted small-text"> ({cell.lateAttempts} late)</span>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
