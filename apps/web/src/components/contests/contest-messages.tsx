'use client';
// A contest's announcements (everyone reads, its managers post) and clarifications (participants ask and
// see their own questions and the public answers; managers see all, with who asked, and answer, to the
// asker or to everyone). New ones arrive live: the API nudges watchers over Socket.IO and they are read again.
import { useCallback, useEffect, useState } from 'react';
import type { Announcement, Clarification } from '@arbiter/contracts';
import { api } from '../../lib/api';
import { apiUrl } from '../../lib/api-url';
import { watchContest } from '../../lib/contest-stream';
import { formatDate } from '../../lib/format';

interface Props {
  id: string;
  letters: string[];
  canManage: boolean;
  participant: boolean;
  signedIn: boolean;
}

export function ContestMessages({ id, letters, canManage, participant, signedIn }: Props) {
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);
  const [clarifications, setClarifications] = useState<Clarification[]>([]);
  const [draft, setDraft] = useState('');
  const [question, setQuestion] = useState('');
  const [letter, setLetter] = useState('');
  const [answers, setAnswers] = useState<Record<string, { text: string; public: boolean }>>({});
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [posted, asked] = await Promise.all([
      api.get<{ announcements: Announcement[] }>(`/contests/${id}/announcements`).catch(() => null),
      signedIn
        ? api.get<{ clarifications: Clarification[] }>(`/contests/${id}/clarifications`).catch(() => null)
        : Promise.resolve(null),
    ]);
    if (posted) setAnnouncements(posted.announcements);
    if (asked) setClarifications(asked.clarifications);
  }, [id, signedIn]);

  useEffect(() => {
    void load();
    return watchContest(apiUrl(), id, {
      onBoard: () => undefined,
      onMessages: () => void load(),
      // After a reconnect, what was missed meanwhile.
      onConnection: (up) => {
        if (up) void load();
      },
      onError: () => undefined,
    });
  }, [id, load]);

  const send = async (path: string, body: unknown, done: () => void) => {
    setError(null);
    try {
      await api.post(path, body);
      done();
      await load();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <div className="contest-messages">
      <section aria-labelledby="announcements-title">
        <h2 id="announcements-title">Announcements</h2>
        {announcements.length === 0 ? <p className="muted">None yet.</p> : null}
        <ul className="message-list" data-testid="announcements">
          {[...announcements].reverse().map((item) => (
            <li key={item.id} className="card message" data-testid="announcement">
              <p>{item.body}</p>
              <span className="muted small-text">{formatDate(item.createdAt)}</span>
            </li>
          ))}
        </ul>
        {canManage ? (
          <form
            className="message-form"
            onSubmit={(event) => {
              event.preventDefault();
              void send(`/contests/${id}/announcements`, { body: draft }, () => setDraft(''));
            }}
          >
            <textarea
              aria-label="New announcement"
              placeholder="An announcement to everyone"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              rows={2}
              required
            />
            <button type="submit" className="small" data-testid="post-announcement">
              Announce
            </button>
          </form>
        ) : null}
      </section>
      {signedIn && (participant || canManage) ? (
        <section aria-labelledby="clarifications-title">
          <h2 id="clarifications-title">Clarifications</h2>
          {clarifications.length === 0 ? <p className="muted">No questions yet.</p> : null}
          <ul className="message-list" data-testid="clarifications">
            {clarifications.map((item) => (
              <li key={item.id} className="card message" data-testid="clarification">
                <p>
                  <b>{item.letter ?? 'General'}</b>
                  {item.askedBy ? <span className="muted"> · {item.askedBy}</span> : null}: {item.question}
                </p>
                {item.answer !== null ? (
                  <p className="answer" data-testid="clarification-answer">
                    {item.answer}
                    {item.public ? <span className="mode-badge subtle">to everyone</span> : null}
                  </p>
                ) : canManage ? (
                  <form
                    className="message-form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      const answer = answers[item.id] ?? { text: '', public: false };
                      void send(
                        `/contests/${id}/clarifications/${item.id}/answer`,
                        { answer: answer.text, public: answer.public },
                        () => setAnswers((all) => ({ ...all, [item.id]: { text: '', public: false } })),
                      );
                    }}
                  >
                    <input
                      aria-label="Answer"
                      placeholder="Answer"
                      value={answers[item.id]?.text ?? ''}
                      onChange={(e) =>
                        setAnswers((all) => ({
                          ...all,
                          [item.id]: { text: e.target.value, public: all[item.id]?.public ?? false },
                        }))
                      }
                      required
                    />
                    <label className="small-text">
                      <input
                        type="checkbox"
                        checked={answers[item.id]?.public ?? false}
                        onChange={(e) =>
                          setAnswers((all) => ({
                            ...all,
                            [item.id]: { text: all[item.id]?.text ?? '', public: e.target.checked },
                          }))
                        }
                      />{' '}
                      to everyone
                    </label>
                    <button type="submit" className="small">
                      Answer
                    </button>
                  </form>
                ) : (
                  <p className="muted small-text">Not answered yet.</p>
                )}
              </li>
            ))}
          </ul>
          {participant ? (
            <form
              className="message-form"
              onSubmit={(event) => {
                event.preventDefault();
                void send(
                  `/contests/${id}/clarifications`,
                  { question, letter: letter === '' ? null : letter },
                  () => setQuestion(''),
                );
              }}
            >
              <select aria-label="About" value={letter} onChange={(e) => setLetter(e.target.value)}>
                <option value="">General</option>
                {letters.map((l) => (
                  <option key={l} value={l}>
                    Problem {l}
                  </option>
                ))}
              </select>
              <input
                aria-label="Question"
                placeholder="Ask the organisers"
                value={question}
                onChange={(e) => setQuestion(e.target.value)}
                required
              />
              <button type="submit" className="small" data-testid="ask">
                Ask
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
    </div>
  );
}
