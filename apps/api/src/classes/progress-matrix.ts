/**
 * The progress matrix of an assignment (a row per student, a cell per problem) from the cells the
 * database computes, and its CSV form: a header line, then a line per student with each problem's
 * verdict, attempts, first accepted time and late flag.
 */
import type { ProgressMatrix, ProgressRow } from '@arbiter/contracts';
import type { AssignmentRow, ClassMemberRow, ProgressCellRow } from '@arbiter/db';
import type { ProblemTitles } from '../problems/problem-directory.js';
import { csvLine } from '../admin/csv.js';
import { problemViews } from './class-views.js';

export function progressMatrix(
  assignment: AssignmentRow,
  students: readonly Pick<ClassMemberRow, 'userId' | 'username'>[],
  cells: readonly ProgressCellRow[],
  titles: ProblemTitles,
  now: Date,
): ProgressMatrix {
  const byKey = new Map(cells.map((cell) => [`${cell.userId}\u0000${cell.problemSlug}`, cell]));
  const rows: ProgressRow[] = students.map((student) => {
    const row = assignment.problems.map((problem) => {
      const cell = byKey.get(`${student.userId}\u0000${problem}`);
      return {
        problem,
        verdict: cell?.verdict ?? null,
        attempts: cell?.attempts ?? 0,
        lateAttempts: cell?.lateAttempts ?? 0,
        firstAcceptedAt: cell?.firstAcceptedAt?.toISOString() ?? null,
        late: cell?.firstAcceptedAt != null && cell.firstAcceptedAt > assignment.deadline,
      };
    });
    return {
      username: student.username,
      solved: row.filter((cell) => cell.firstAcceptedAt !== null).length,
      cells: row,
    };
  });
  return {
    classId: assignment.classId,
    assignmentId: assignment.id,
    deadline: assignment.deadline.toISOString(),
    problems: problemViews(assignment.problems, titles),
    rows,
    generatedAt: now.toISOString(),
  };
}

export function progressCsv(matrix: ProgressMatrix): string {
  const header = ['username', 'solved'];
  for (const { problem } of matrix.problems)
    header.push(`${problem} verdict`, `${problem} attempts`, `${problem} first accepted`, `${problem} late`);
  const lines = [csvLine(header)];
  for (const row of matrix.rows) {
    const cells: (string | number)[] = [row.username, row.solved];
    for (const cell of row.cells)
      cells.push(cell.verdict ?? '', cell.attempts, cell.firstAcceptedAt ?? '', cell.late ? 'late' : '');
    lines.push(csvLine(cells));
  }
  return lines.join('');
}
