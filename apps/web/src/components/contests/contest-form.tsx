'use client';
// /contests/new and /contests/:id/edit: an organiser, teacher or admin creates a contest, or one who
// manages it changes it: title, description, ICPC or IOI, start and end (local time), an optional
// duration per participant, the freeze and penalty minutes, public or by invite code, and the problems
// with their letters (A, B, … unless typed) and points (IOI). The API checks the whole
// (createContestRequestSchema; PATCH /contests/:id checks the changed contest the same way); its first
// complaint is shown.
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
  /** As typed; empty: the row's place in the list (A, B, …). */
  letter: string;
  problem: string;
  points: number;
}

/** A, B, …, Z: the letter of the n-th problem. */
const letterOf = (index: number) => String.fromCharCode(65 + index);

/** The contest's own time when its input still shows it (inputs keep minutes only: seconds are not lost). */
function unchanged(
  contest: ContestDetail | null | false,
  field: 'startsAt' | 'endsAt',
  input: string,
): string | null {
  if (!contest) return null;
  return toLocalInput(new Date(contest[field])) === input ? contest[field] : null;
}

/** `contestId` given: edit that contest (PATCH); else create one (POST). */
export function ContestForm({ contestId }: { contestId?: string } = {}) {
  const editing = contestId !== undefined;
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
  const [problems, setProblems] = useState<ProblemRow[]>([{ key: 0, letter: '', problem: '', points: 100 }]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** Editing: the contest as read (null until then); false when it may not be edited by this user. */
  const [loaded, setLoaded] = useState<ContestDetail | null | false>(null);

  useEffect(() => {
    api
      .get<ProblemSummary[]>('/problems')
      .then(setCatalog)
      .catch(() => setCatalog([]));
    if (contestId !== undefined) return;
    // Start now (to the minute), end in two hours: a contest that runs at once unless changed.
    const start = new Date();
    start.setSeconds(0, 0);
    setStartsAt(toLocalInput(start));
    setEndsAt(toLocalInput(new Date(start.getTime() + 2 * 3_600_000)));
  }, [contestId]);

  const signedIn = Boolean(user);
  useEffect(() => {
    if (contestId === undefined || !signedIn) return;
    api
      .get<ContestDetail>(`/contests/${contestId}`)
      .then((contest) => {
        if (!contest.canManage) {
          setLoaded(false);
          return;
        }
        setTitle(contest.title);
        setDescription(contest.description);
        setScoring(contest.scoring);
        setStartsAt(toLocalInput(new Date(contest.startsAt)));
        setEndsAt(toLocalInput(new Date(contest.endsAt)));
        setDuration(contest.durationMinutes === null ? '' : String(contest.durationMinutes));
        setFreeze(String(contest.freezeMinutes));
        setPenalty(String(contest.penaltyMinutes));
        setInviteCode(contest.visibility === 'invite' ? (contest.inviteCode ?? '') : '');
        setProblems(
          (contest.problems ?? []).map((problem, index) => ({
            key: index,
            letter: problem.letter,
            problem: problem.problem,
            points: problem.points,
          })),
        );
        setLoaded(contest);
      })
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [contestId, signedIn]);

  if (user === undefined) return <div className="page muted">Loading…</div>;
  if (user === null || (user.role !== 'admin' && user.role !== 'organiser'))
    return (
      <StaffOnly
        signedIn={user !== null}
        who="Organisers"
        next={editing ? `/contests/${contestId}/edit` : '/contests/new'}
      />
    );
  if (editing && loaded === false)
    return (
      <div className="page narrow empty">
        <p className="muted" data-testid="contest-form-refused">
          Only the contest&apos;s organiser and admins may edit it.{' '}
          <Link href={`/contests/${contestId}`}>Back</Link>
        </p>
      </div>
    );
  if (editing && loaded === null) return <div className="page muted">{error ?? 'Loading…'}</div>;

  const setRow = (index: number, change: Partial<ProblemRow>) =>
    setProblems((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const save = async (event: FormEvent) => {
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
      const body = {
        title,
        description,
        scoring,
        startsAt: unchanged(loaded, 'startsAt', startsAt) ?? start.toISOString(),
        endsAt: unchanged(loaded, 'endsAt', endsAt) ?? end.toISOString(),
        durationMinutes: duration.trim() === '' ? null : Number(duration),
        freezeMinutes: Number(freeze || '0'),
        penaltyMinutes: Number(penalty || '0'),
        visibility: inviteCode.trim() === '' ? 'public' : 'invite',
        inviteCode: inviteCode.trim() === '' ? null : inviteCode.trim(),
        problems: problems
          .filter((row) => row.problem !== '')
          .map((row, index) => ({
            letter: row.letter.trim().toUpperCase() || letterOf(index),
            problem: row.problem,
            points: row.points,
          })),
      };
      const saved =
        contestId === undefined
          ? await api.post<ContestDetail>('/contests', body)
          : await api.patch<ContestDetail>(`/contests/${contestId}`, body);
      router.push(`/contests/${saved.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setSaving(false);
    }
  };

  return (
    <div className="page medium">
      <Link href={editing ? `/contests/${contestId}` : '/contests'} className="back-link small-text">
        {editing ? '← The contest' : '← Contests'}
      </Link>
      <h1>{editing ? 'Edit contest' : 'New contest'}</h1>
      <form className="card contest-form" onSubmit={(event) => void save(event)} data-testid="contest-form">
        <label className="field stacked">
          <span>Title</span>
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={200}
            data-testid="contest-title-input"
          />
        </label>
        <label className="field stacked">
          <span>Description (Markdown)</span>
          <textarea
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            rows={3}
            data-testid="contest-description-input"
          />
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
              <input
                className="letter"
                value={row.letter}
                placeholder={letterOf(index)}
                onChange={(e) => setRow(index, { letter: e.target.value })}
                maxLength={2}
                size={2}
                aria-label={`Letter of problem ${index + 1}`}
                data-testid={`letter-${index + 1}`}
              />
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
              onClick={() =>
                setProblems((rows) => [...rows, { key: Date.now(), letter: '', problem: '', points: 100 }])
              }
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
        <button type="submit" disabled={saving} data-testid={editing ? 'save-contest' : 'create-contest'}>
          {editing ? (saving ? 'Saving…' : 'Save changes') : saving ? 'Creating…' : 'Create contest'}
        </button>
      </form>
    </div>
  );
}
