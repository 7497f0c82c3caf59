'use client';
// A teacher sets an assignment: a title, a deadline (the browser's local time, sent as UTC) and
// problems from the catalog (in its order). The API checks the whole; its complaint is shown.
import { useEffect, useState, type FormEvent } from 'react';
import type { Assignment, ProblemSummary } from '@arbiter/contracts';
import { api } from '../../lib/api';
import { toLocalInput } from '../../lib/contest-time';

export function AssignmentForm({ classId, onCreated }: { classId: string; onCreated: () => void }) {
  const [catalog, setCatalog] = useState<ProblemSummary[]>([]);
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    // A week from now, to the minute, unless changed.
    const due = new Date(Date.now() + 7 * 86_400_000);
    due.setSeconds(0, 0);
    setDeadline(toLocalInput(due));
    api
      .get<ProblemSummary[]>('/problems')
      .then(setCatalog)
      .catch(() => setCatalog([]));
  }, []);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const due = new Date(deadline);
    if (Number.isNaN(due.getTime())) {
      setError('Give a deadline.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api.post<Assignment>(`/classes/${classId}/assignments`, {
        title,
        deadline: due.toISOString(),
        problems,
      });
      setTitle('');
      setProblems([]);
      onCreated();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card form-grid" onSubmit={(event) => void create(event)} data-testid="assignment-form">
      <label className="field stacked">
        <span>Assignment title</span>
        <input value={title} onChange={(event) => setTitle(event.target.value)} required />
      </label>
      <label className="field stacked">
        <span>Deadline</span>
        <input type="datetime-local" value={deadline} onChange={(event) => setDeadline(event.target.value)} />
      </label>
      <label className="field stacked">
        <span>Problems</span>
        <select
          multiple
          size={8}
          value={problems}
          onChange={(event) => setProblems([...event.target.selectedOptions].map((option) => option.value))}
          data-testid="assignment-problems"
        >
          {catalog.map((problem) => (
            <option key={problem.slug} value={problem.slug}>
              {problem.title}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={saving} data-testid="create-assignment">
        Set assignment
      </button>
    </form>
  );
}
