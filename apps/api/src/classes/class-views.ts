/** What leaves the server of a class: the list entry, the class page and an assignment. */
import type { Assignment, ClassDetail, ClassSummary } from '@arbiter/contracts';
import type { AssignmentRow, ClassRow } from '@arbiter/db';
import type { ProblemTitles } from '../problems/problem-directory.js';

export function classSummary(cls: ClassRow, teaches: boolean, member: boolean): ClassSummary {
  return {
    id: cls.id,
    title: cls.title,
    teacher: cls.teacher,
    memberCount: cls.memberCount,
    assignmentCount: cls.assignmentCount,
    canManage: teaches,
    member,
    createdAt: cls.createdAt.toISOString(),
  };
}

export function problemViews(slugs: readonly string[], titles: ProblemTitles): Assignment['problems'] {
  return slugs.map((problem) => ({ problem, title: titles.get(problem)?.title ?? problem }));
}

export function assignmentView(row: AssignmentRow, titles: ProblemTitles): Assignment {
  return {
    id: row.id,
    classId: row.classId,
    title: row.title,
    description: row.description,
    deadline: row.deadline.toISOString(),
    createdAt: row.createdAt.toISOString(),
    problems: problemViews(row.problems, titles),
  };
}

export function classDetail(
  cls: ClassRow,
  teaches: boolean,
  member: boolean,
  assignments: readonly AssignmentRow[],
  titles: ProblemTitles,
): ClassDetail {
  return {
    ...classSummary(cls, teaches, member),
    description: cls.description,
    joinCode: teaches ? cls.joinCode : null,
    assignments: assignments.map((row) => assignmentView(row, titles)),
  };
}
