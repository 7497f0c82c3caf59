'use client';
// /classes: the classes one teaches or has joined, a form to join one with its code, and (for
// organisers, teachers and admins) a form to create one.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ClassDetail, ClassList as ClassListBody, ClassSummary } from '@arbiter/contracts';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useAuth } from '../auth-context';

export function ClassList() {
  const { user } = useAuth();
  const router = useRouter();
  const [classes, setClasses] = useState<ClassSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [working, setWorking] = useState(false);

  const load = useCallback(() => {
    api
      .get<ClassListBody>('/classes')
      .then((answer) => setClasses(answer.classes))
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, []);

  useEffect(() => {
    if (user) load();
  }, [user, load]);

  if (user === undefined) return <div className="page muted">Loading…</div>;
  if (user === null)
    return (
      <div className="page narrow empty">
        <h1>Classes</h1>
        <p className="muted">
          <Link href="/login?next=/classes">Sign in</Link> to join a class or see yours.
        </p>
      </div>
    );

  /** Joins or creates, then opens the class. */
  const act = async (event: FormEvent, path: string, body: unknown) => {
    event.preventDefault();
    setWorking(true);
    setError(null);
    try {
      const cls = await api.post<ClassDetail>(path, body);
      router.push(`/classes/${cls.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setWorking(false);
    }
  };

  const teacher = user.role === 'admin' || user.role === 'organiser';
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Classes</h1>
          <p className="muted">Assignments with deadlines, and everyone&apos;s progress.</p>
        </div>
      </div>
      <div className="row">
        <form className="row" onSubmit={(event) => void act(event, '/classes/join', { code })}>
          <input
            aria-label="Class code"
            placeholder="Class code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            data-testid="join-code"
          />
          <button type="submit" disabled={working || code.trim() === ''} data-testid="join-class">
            Join
          </button>
        </form>
        {teacher ? (
          <form className="row" onSubmit={(event) => void act(event, '/classes', { title })}>
            <input
              aria-label="New class title"
              placeholder="New class title"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
            <button type="submit" disabled={working || title.trim() === ''} data-testid="create-class">
              New class
            </button>
          </form>
        ) : null}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {classes === null ? (
        <p className="muted">Loading…</p>
      ) : classes.length === 0 ? (
        <p className="empty muted">No classes yet: join one with the code your teacher gave you.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="class-table">
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col">Teacher</th>
                <th scope="col" className="num">
                  Students
                </th>
                <th scope="col" className="num">
                  Assignments
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {classes.map((cls) => (
                <tr key={cls.id} data-testid="class-row">
                  <td>
                    <Link href={`/classes/${cls.id}`} className="problem-link">
                      {cls.title}
                    </Link>
                    {cls.canManage ? <span className="mode-badge subtle">teaching</span> : null}
                  </td>
                  <td>{cls.teacher ?? '—'}</td>
                  <td className="num">{cls.memberCount}</td>
                  <td className="num">{cls.assignmentCount}</td>
                  <td>{formatDate(cls.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
