'use client';
// /contests/new: an organiser, teacher or admin creates a contest: title, description, ICPC or IOI,
// start and end (local time), an optional duration per participant, the freeze and penalty minutes,
// public or by invite code, and the problems with their letters (and points, for IOI). The API checks
// the whole (createContestRequestSchema); its first complaint is shown.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import type { ContestDetail, ProblemSummary, ScoringRule } from '@arbiter/contracts';
import { api } from '../../lib/api';
import { toLocalInput } from '../../lib/contest-time';
import { StaffOnly } from '../admin/admin-tabs';
import { useAuth } from '../auth-context';

interface ProblemRow {
  key: number;
  problem: string;
  points: number;
}

/** A, B, …, Z: the letter of the n-th problem. */
const letterOf = (index: number) => String.fromCharCode(65 + index);

export function ContestForm() {
  const { user } = useAuth();
  const router = useRouter();
  const [catalog, setCatalog] = useState<ProblemSummary[]>([]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [scoring, setScoring] = useState<ScoringRule>('icpc');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [duration, setDuration] = useState('');
  const [freeze, setFreeze] = useState('0');
  const [penalty, setPenalty] = useState('20');
  const [inviteCode, setInviteCode] = useState('');
  const [problems, setProblems] = useState<ProblemRow[]>([{ key: 0, problem: '', points: 100 }]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    // Start now (to the minute), end in two hours: a contest that runs at once unless changed.
    const start = new Date();
    start.setSeconds(0, 0);
    setStartsAt(toLocalInput(start));
    setEndsAt(toLocalInput(new Date(start.getTime() + 2 * 3_600_000)));
    api
      .get<ProblemSummary[]>('/problems')
      .then(setCatalog)
      .catch(() => setCatalog([]));
  }, []);

  if (user === undefined) return <div className="page muted">Loading…</div>;
  if (user === null || (user.role !== 'admin' && user.role !== 'organiser'))
    return <StaffOnly signedIn={user !== null} who="Organisers" next="/contests/new" />;

  const setRow = (index: number, change: Partial<ProblemRow>) =>
    setProblems((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const start = new Date(startsAt);
    const end = new Date(endsAt);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
      setError('Give a start and an end.');
      return;
    }
    setSaving(true);
    try {
      const created = await api.post<ContestDetail>('/contests', {
        title,
        description,
        scoring,
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        durationMinutes: duration.trim() === '' ? null : Number(duration),
        freezeMinutes: Number(freeze || '0'),
        penaltyMinutes: Number(penalty || '0'),
        visibility: inviteCode.trim() === '' ? 'public' : 'invite',
        inviteCode: inviteCode.trim() === '' ? null : inviteCode.trim(),
        problems: problems
          .filter((row) => row.problem !== '')
          .map((row, index) => ({ letter: letterOf(index), problem: row.problem, points: row.points })),
      });
      router.push(`/contests/${created.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setSaving(false);
    }
  };

  return (
    <div className="page medium">
      <Link href="/contests" className="back-link small-text">
        ← Contests
      </Link>
      <h1>New contest</h1>
      <form className="card contest-form" onSubmit={(event) => void create(event)} data-testid="contest-form">
        <label className="field stacked">
          <span>Title</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </label>
        <label className="field stacked">
          <span>Description (Markdown)</span>
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
        </label>
        <fieldset className="choice">
          <legend>Scoring</legend>
          <label>
            <input
              type="radio"
              name="scoring"
              value="icpc"
              checked={scoring === 'icpc'}
              onChange={() => setScoring('icpc')}
            />{' '}
            ICPC: problems solved, then penalty minutes
          </label>
          <label>
            <input
              type="radio"
              name="scoring"
              value="ioi"
              checked={scoring === 'ioi'}
              onChange={() => setScoring('ioi')}
            />{' '}
            IOI: the best score on each problem, no penalty
          </label>
        </fieldset>
        <div className="form-grid">
          <label className="field stacked">
            <span>Starts</span>
            <input
              type="datetime-local"
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
              required
            />
          </label>
          <label className="field stacked">
            <span>Ends</span>
            <input
              type="datetime-local"
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
              required
            />
          </label>
          <label className="field stacked">
            <span>Freeze (minutes before the end)</span>
            <input type="number" min={0} value={freeze} onChange={(e) => setFreeze(e.target.value)} />
          </label>
          {scoring === 'icpc' ? (
            <label className="field stacked">
              <span>Penalty per rejected try (minutes)</span>
              <input type="number" min={0} value={penalty} onChange={(e) => setPenalty(e.target.value)} />
            </label>
          ) : null}
          <label className="field stacked">
            <span>Duration per participant (minutes, optional)</span>
            <input type="number" min={1} value={duration} onChange={(e) => setDuration(e.target.value)} />
          </label>
          <label className="field stacked">
            <span>Invite code (empty: public)</span>
            <input value={inviteCode} onChange={(e) => setInviteCode(e.target.value)} maxLength={64} />
          </label>
        </div>
        <fieldset className="choice">
          <legend>Problems</legend>
          {problems.map((row, index) => (
            <div className="problem-pick" key={row.key}>
              <span className="letter" aria-hidden="true">
                {letterOf(index)}
              </span>
              <select
                aria-label={`Problem ${letterOf(index)}`}
                value={row.problem}
                onChange={(e) => setRow(index, { problem: e.target.value })}
                data-testid={`problem-${letterOf(index)}`}
              >
                <option value="">Choose a problem</option>
                {catalog.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {p.title}
                  </option>
                ))}
              </select>
              {scoring === 'ioi' ? (
                <label className="points">
                  <input
                    type="number"
                    min={1}
                    max={10_000}
                    value={row.points}
                    onChange={(e) => setRow(index, { points: Number(e.target.value) })}
                    aria-label={`Points for ${letterOf(index)}`}
                  />{' '}
                  pts
                </label>
              ) : null}
              {problems.length > 1 ? (
                <button
                  type="button"
                  className="ghost small"
                  aria-label={`Remove problem ${letterOf(index)}`}
                  onClick={() => setProblems((rows) => rows.filter((_, i) => i !== index))}
                >
                  ✕
                </button>
              ) : null}
            </div>
          ))}
          {problems.length < 26 ? (
            <button
              type="button"
              className="secondary small"
              onClick={() => setProblems((rows) => [...rows, { key: Date.now(), problem: '', points: 100 }])}
              data-testid="add-problem"
            >
              + Add a problem
            </button>
          ) : null}
        </fieldset>
        {error ? (
          <p className="error" role="alert" data-testid="contest-form-error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={saving} data-testid="create-contest">
          {saving ? 'Creating…' : 'Create contest'}
        </button>
      </form>
    </div>
  );
}
