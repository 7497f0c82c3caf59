'use client';
// An imported problem's settings for admins: title, statement (Markdown), time and memory limits,
// difficulty and visibility (PATCH /admin/problems/:slug); an empty statement or limit means the package's
// own. Below it, deleting the problem (DELETE /admin/problems/:slug) after a confirmation.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type {
  ImportedProblemSettings,
  UpdateProblemRequest,
  UpdateProblemResponse,
} from '@arbiter/contracts';
import { api, ApiError } from '../../lib/api';

/** A number field's value: null when empty (the package's own), else the whole number typed. */
function limitOf(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

export function ProblemSettingsForm({
  slug,
  settings,
  onSaved,
}: {
  slug: string;
  settings: ImportedProblemSettings;
  onSaved: () => void;
}) {
  const router = useRouter();
  const [title, setTitle] = useState(settings.title);
  const [statement, setStatement] = useState(settings.statement ?? '');
  const [timeLimit, setTimeLimit] = useState(settings.timeLimitMs?.toString() ?? '');
  const [memory, setMemory] = useState(settings.memoryMb?.toString() ?? '');
  const [difficulty, setDifficulty] = useState(settings.difficulty);
  const [visibility, setVisibility] = useState(settings.visibility);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function save() {
    setBusy(true);
    setNotice(null);
    setFailure(null);
    const change: UpdateProblemRequest = {
      title,
      statement: statement.trim() === '' ? null : statement,
      timeLimitMs: limitOf(timeLimit),
      memoryMb: limitOf(memory),
      difficulty,
      visibility,
    };
    try {
      const answer = await api.patch<UpdateProblemResponse>(
        `/admin/problems/${encodeURIComponent(slug)}`,
        change,
      );
      setNotice(
        `Saved. The problem is ${answer.settings.visibility === 'draft' ? 'a draft: only admins see it' : 'published'}.`,
      );
      onSaved();
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught : new ApiError(0, 'ERROR', String(caught)));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (
      !window.confirm(`Delete "${settings.title}" (${slug}) and every version? Submissions made to it stay.`)
    )
      return;
    setBusy(true);
    setFailure(null);
    try {
      await api.delete(`/admin/problems/${encodeURIComponent(slug)}`);
      router.push('/admin/problems');
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught : new ApiError(0, 'ERROR', String(caught)));
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        data-testid="problem-settings"
      >
        <div className="field stacked">
          <label htmlFor="problem-title">Title</label>
          <input
            id="problem-title"
            type="text"
            required
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div className="field stacked">
          <label htmlFor="problem-statement">Statement (Markdown)</label>
          <textarea
            id="problem-statement"
            rows={10}
            value={statement}
            placeholder="Empty: the package's own statement"
            onChange={(event) => setStatement(event.target.value)}
          />
        </div>
        <div className="row">
          <div className="field stacked">
            <label htmlFor="problem-time">Time limit (ms)</label>
            <input
              id="problem-time"
              type="number"
              min={1}
              max={60000}
              step={1}
              value={timeLimit}
              placeholder="the package's"
              onChange={(event) => setTimeLimit(event.target.value)}
            />
          </div>
          <div className="field stacked">
            <label htmlFor="problem-memory">Memory limit (MiB)</label>
            <input
              id="problem-memory"
              type="number"
              min={16}
              max={8192}
              step={1}
              value={memory}
              placeholder="the package's"
              onChange={(event) => setMemory(event.target.value)}
            />
          </div>
          <div className="field stacked">
            <label htmlFor="problem-difficulty">Difficulty</label>
            <select
              id="problem-difficulty"
              value={difficulty}
              onChange={(event) => setDifficulty(event.target.value as ImportedProblemSettings['difficulty'])}
            >
              <option value="easy">Easy</option>
              <option value="medium">Medium</option>
              <option value="hard">Hard</option>
            </select>
          </div>
          <div className="field stacked">
            <label htmlFor="problem-visibility">Visibility</label>
            <select
              id="problem-visibility"
              value={visibility}
              onChange={(event) => setVisibility(event.target.value as ImportedProblemSettings['visibility'])}
            >
              <option value="published">Published</option>
              <option value="draft">Draft (admins only)</option>
            </select>
          </div>
        </div>
        <div className="row">
          <button type="submit" disabled={busy} data-testid="save-settings">
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void remove()}
            data-testid="delete-problem"
          >
            Delete problem
          </button>
        </div>
      </form>
      {notice ? (
        <p className="notice" role="status" data-testid="settings-notice">
          {notice}
        </p>
      ) : null}
      {failure ? (
        <div className="error" role="alert" data-testid="settings-error">
          <p>{failure.message}</p>
          {failure.details.length > 0 ? (
            <ul className="report-list">
              {failure.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
