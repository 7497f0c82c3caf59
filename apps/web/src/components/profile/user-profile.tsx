'use client';
// A user's public profile (GET /users/:username/profile): solved counts, the activity heatmap,
// streaks and recent solves. An unknown user gets the API's message and a way back.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { UserProfile } from '@arbiter/contracts';
import { api, ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { ActivityHeatmap } from './activity-heatmap';
import { SolvedSummary } from './solved-summary';

type State =
  | { kind: 'loading' }
  | { kind: 'ok'; profile: UserProfile }
  | { kind: 'error'; status: number; message: string };

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function UserProfileView({ username }: { username: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    api
      .get<UserProfile>(`/users/${encodeURIComponent(username)}/profile`)
      .then((profile) => live && setState({ kind: 'ok', profile }))
      .catch((caught: unknown) => {
        if (!live) return;
        const status = caught instanceof ApiError ? caught.status : 0;
        setState({
          kind: 'error',
          status,
          message: caught instanceof Error ? caught.message : String(caught),
        });
      });
    return () => {
      live = false;
    };
  }, [username]);

  if (state.kind === 'loading') return <div className="page muted">Loading…</div>;
  if (state.kind === 'error') {
    return (
      <div className="page narrow empty" data-testid="profile-error">
        <h1>{state.status === 404 ? 'User not found' : 'Profile unavailable'}</h1>
        <p className="muted">{state.message}</p>
        <Link href="/problems" className="button">
          Problems
        </Link>
      </div>
    );
  }
  const { profile } = state;
  return (
    <div className="page profile" data-testid="profile">
      <div className="page-head">
        <div className="profile-who">
          <span className="avatar large" aria-hidden="true">
            {profile.username.charAt(0).toUpperCase()}
          </span>
          <div>
            <h1 data-testid="profile-username">{profile.username}</h1>
            <p className="muted">Member since {formatDate(profile.memberSince)}</p>
          </div>
        </div>
        <dl className="profile-streaks">
          <div className="card stat" data-testid="streak-current">
            <dt>Current streak</dt>
            <dd>{days(profile.streak.current)}</dd>
          </div>
          <div className="card stat" data-testid="streak-longest">
            <dt>Longest streak</dt>
            <dd>{days(profile.streak.longest)}</dd>
          </div>
        </dl>
      </div>
      <div className="profile-grid">
        <SolvedSummary solved={profile.solved} />
        <section className="card profile-recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recently solved</h2>
          {profile.recentAccepted.length === 0 ? (
            <p className="muted">Nothing solved yet.</p>
          ) : (
            <ol className="recent-list" data-testid="recent-accepted">
              {profile.recentAccepted.map((item) => (
                <li key={item.slug} data-slug={item.slug}>
                  <Link href={`/problems/${item.slug}`} className="problem-link">
                    {item.title}
                  </Link>
                  <span className={`difficulty ${item.difficulty}`}>{item.difficulty}</span>
                  <time className="muted" dateTime={item.acceptedAt}>
                    {formatDate(item.acceptedAt)}
                  </time>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      <ActivityHeatmap activity={profile.activity} />
    </div>
  );
}
