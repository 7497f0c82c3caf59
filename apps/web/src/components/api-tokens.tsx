'use client';
// Personal access tokens (GET/POST /auth/tokens, DELETE /auth/tokens/:id): create one with a name and
// an optional lifetime (the token is shown this once), see when each was last used, revoke it.
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { ApiToken, ApiTokenList, CreatedApiToken } from '@arbiter/contracts';
import { API_TOKEN_NAME_MAX } from '@arbiter/contracts/api-token-limits';
import { api } from '../lib/api';
import { apiUrl } from '../lib/api-url';
import { formatDate } from '../lib/format';
import { useAuth } from './auth-context';

const LIFETIMES = [
  { days: 0, label: 'Until revoked' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: 'One year' },
];

const messageOf = (caught: unknown) => (caught instanceof Error ? caught.message : String(caught));

function NewToken({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="reset-panel" data-testid="new-token">
      <p>
        Token <strong>{created.apiToken.name}</strong>, shown this once (the server keeps only its hash):
      </p>
      <code className="secret" data-testid="new-token-value">
        {created.token}
      </code>
      <div className="row">
        <button
          type="button"
          className="small"
          onClick={() =>
            void navigator.clipboard?.writeText(created.token).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="ghost small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

export function ApiTokens() {
  const { user } = useAuth();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [name, setName] = useState('');
  const [days, setDays] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const load = useCallback(async () => {
    try {
      setTokens((await api.get<ApiTokenList>('/auth/tokens')).tokens);
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, []);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<CreatedApiToken>('/auth/tokens', {
        name,
        ...(days > 0 ? { expiresInDays: days } : {}),
      });
      setCreated(answer);
      setName('');
      await load();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: ApiToken) {
    if (!window.confirm(`Revoke "${token.name}"? Clients using it stop working at once.`)) return;
    try {
      await api.delete(`/auth/tokens/${encodeURIComponent(token.id)}`);
      await load();
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  if (user === undefined) return <div className="page muted">Loading…</div>;
  if (user === null)
    return (
      <div className="page">
        <h1>API tokens</h1>
        <p>
          <Link href="/login?next=/settings/tokens">Sign in</Link> to manage your access tokens.
        </p>
      </div>
    );

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>API tokens</h1>
          <p className="muted">
            A token acts as your account for scripts and API clients: send it as{' '}
            <code>Authorization: Bearer &lt;token&gt;</code> (Judge0 clients may put it in{' '}
            <code>X-Auth-Token</code>). What it submits is in your history. See the{' '}
            <a href={`${apiUrl()}/docs`} target="_blank" rel="noopener noreferrer">
              API docs
            </a>
            .
          </p>
        </div>
      </div>
      {created ? <NewToken created={created} onDone={() => setCreated(null)} /> : null}
      <form
        className="filters"
        aria-label="New access token"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label>
          Name
          <input
            type="text"
            required
            maxLength={API_TOKEN_NAME_MAX}
            placeholder="e.g. grading bot"
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="token-name"
          />
        </label>
        <label>
          Expires
          <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {LIFETIMES.map((option) => (
              <option key={option.days} value={option.days}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="small"
          disabled={busy || name.trim() === ''}
          data-testid="token-create"
        >
          Create token
        </button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {tokens === null ? (
        <p className="muted">Loading…</p>
      ) : tokens.length === 0 ? (
        <p className="muted" data-testid="no-tokens">
          No tokens yet.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="token-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} data-testid="token-row">
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{formatDate(token.createdAt)}</td>
                  <td>{token.expiresAt ? formatDate(token.expiresAt) : 'Never'}</td>
                  <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never'}</td>
                  <td>
                    <button
                      type="button"
                      className="ghost small"
                      onClick={() => void revoke(token)}
                      aria-label={`Revoke ${token.name}`}
                      data-testid="token-revoke"
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
