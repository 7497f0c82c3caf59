'use client';
// /classes/:id: a class's page. Its assignments with their problems and deadlines; a student sees
// their own progress under each, a teacher the join code, the students, a form to set an assignment
// and a link to each assignment's progress matrix.
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { ClassDetail, ClassMemberList, ProgressMatrix } from '@arbiter/contracts';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useAuth } from '../auth-context';
import { Markdown } from '../markdown';
import { AssignmentForm } from './assignment-form';
import { ProgressTable } from './progress-table';

export function ClassPage({ id }: { id: string }) {
  const { user } = useAuth();
  const [cls, setCls] = useState<ClassDetail | null>(null);
  const [members, setMembers] = useState<ClassMemberList['members'] | null>(null);
  const [progress, setProgress] = useState<Record<string, ProgressMatrix>>({});
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const detail = await api.get<ClassDetail>(`/classes/${id}`);
      setCls(detail);
      if (detail.canManage) {
        setMembers((await api.get<ClassMemberList>(`/classes/${id}/members`)).members);
      } else {
        const matrices = await Promise.all(
          detail.assignments.map((a) =>
            api.get<ProgressMatrix>(`/classes/${id}/assignments/${a.id}/progress`),
          ),
        );
        setProgress(Object.fromEntries(matrices.map((m) => [m.assignmentId, m])));
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [id]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (user === null)
    return (
      <div className="page narrow empty">
        <p className="muted">
          <Link href={`/login?next=/classes/${id}`}>Sign in</Link> to see this class.
        </p>
      </div>
    );
  if (error)
    return (
      <div className="page narrow empty" data-testid="class-error">
        <h1>Class unavailable</h1>
        <p className="muted">{error}</p>
        <Link href="/classes" className="button">
          Back to classes
        </Link>
      </div>
    );
  if (cls === null) return <div className="page muted">Loading class…</div>;

  const now = Date.now();
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 data-testid="class-title">{cls.title}</h1>
          <p className="muted">
            {cls.teacher ? `Taught by ${cls.teacher} · ` : ''}
            {cls.memberCount} {cls.memberCount === 1 ? 'student' : 'students'}
          </p>
        </div>
        {cls.joinCode ? (
          <div className="countdown">
            <span className="muted small-text">Class code</span>
            <code className="countdown-value" data-testid="class-code">
              {cls.joinCode}
            </code>
          </div>
        ) : null}
      </div>
      {cls.description ? (
        <div className="card">
          <Markdown source={cls.description} />
        </div>
      ) : null}

      <h2>Assignments</h2>
      {cls.assignments.length === 0 ? <p className="empty muted">No assignments yet.</p> : null}
      {cls.assignments.map((assignment) => {
        const due = Date.parse(assignment.deadline);
        const own = progress[assignment.id];
        return (
          <section key={assignment.id} className="card" data-testid="assignment">
            <h3>{assignment.title}</h3>
            <p className={due < now ? 'error' : 'muted'} data-testid="deadline">
              {due < now ? 'Deadline passed: ' : 'Due '}
              {formatDate(assignment.deadline)}
              {due < now ? ' (submits now count as late)' : ''}
            </p>
            {assignment.description ? <Markdown source={assignment.description} /> : null}
            <ul>
              {assignment.problems.map((problem) => (
                <li key={problem.problem}>
                  <Link href={`/problems/${problem.problem}`} className="problem-link">
                    {problem.title}
                  </Link>
                </li>
              ))}
            </ul>
            {cls.canManage ? (
              <Link
                href={`/classes/${cls.id}/assignments/${assignment.id}`}
                className="button secondary"
                data-testid="open-matrix"
              >
                Progress of the class
              </Link>
            ) : own ? (
              <ProgressTable matrix={own} caption="Your progress" />
            ) : null}
          </section>
        );
      })}

      {cls.canManage ? (
        <>
          <h2>Set an assignment</h2>
          <AssignmentForm classId={cls.id} onCreated={() => void load()} />
          <h2>Students</h2>
          {members === null ? (
            <p className="muted">Loading…</p>
          ) : members.length === 0 ? (
            <p className="empty muted">No one has joined yet: hand out the class code.</p>
          ) : (
            <ul data-testid="members">
              {members.map((member) => (
                <li key={member.username}>
                  {member.username}{' '}
                  <span className="muted small-text">joined {formatDate(member.joinedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}
