'use client';
// Accounts for admins (GET /admin/users): search, role and state filters, newest first; per account
// change the role, disable or enable it, and reset its password (typed, or generated and shown once).
// Everything goes through the running API, so it works with the embedded database too.
import { useCallback, useEffect, useState } from 'react';
import type {
  AdminAccountResponse,
  AdminUser,
  AdminUserPage,
  ResetPasswordResponse,
  UserRole,
} from '@arbiter/contracts';
import { api, ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useAuth } from '../auth-context';
import { AdminTabs, StaffOnly } from './admin-tabs';

const ROLES: { value: UserRole; label: string }[] = [
  { value: 'user', label: 'User' },
  { value: 'organiser', label: 'Organiser (teacher)' },
  { value: 'admin', label: 'Admin' },
];

function PasswordReset({ user, onDone }: { user: AdminUser; onDone: (message: string) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function reset() {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<ResetPasswordResponse>(
        `/admin/users/${encodeURIComponent(user.username)}/password`,
        password === '' ? {} : { password },
      );
      if (answer.password) setGenerated(answer.password);
      else
        onDone(
          `New password set for ${user.username}; ${answer.sessionsEnded} session(s) ended, ${answer.tokensRevoked} access token(s) revoked.`,
        );
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  if (generated !== null)
    return (
      <div className="reset-panel" data-testid="generated-password">
        <p>
          New password for <strong>{user.username}</strong>, shown this once:
        </p>
        <code className="secret" data-testid="generated-password-value">
          {generated}
        </code>
        <button type="button" className="small" onClick={() => onDone(`Password of ${user.username} reset.`)}>
          Done
        </button>
      </div>
    );
  return (
    <form
      className="reset-panel"
      onSubmit={(event) => {
        event.preventDefault();
        void reset();
      }}
    >
      <label>
        New password for {user.username}
        <input
          type="text"
          autoComplete="new-password"
          placeholder="Leave empty to generate one"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          data-testid="new-password"
        />
      </label>
      <button type="submit" className="small" disabled={busy} data-testid="reset-submit">
        {password === '' ? 'Generate' : 'Set password'}
      </button>
      {error ? <p className="error">{error}</p> : null}
    </form>
  );
}

function UserRow({
  item,
  self,
  onChanged,
  onError,
}: {
  item: AdminUser;
  self: boolean;
  onChanged: (item: AdminUser, message: string) => void;
  onError: (message: string) => void;
}) {
  const [resetting, setResetting] = useState(false);
  const path = `/admin/users/${encodeURIComponent(item.username)}`;
  const fail = (caught: unknown) => onError(caught instanceof Error ? caught.message : String(caught));

  async function setRole(role: UserRole) {
    try {
      await api.put(`${path}/role`, { role });
      onChanged(
        { ...item, role },
        `${item.username} is now ${role === 'organiser' ? 'an organiser' : `a ${role}`}.`,
      );
    } catch (caught) {
      fail(caught);
    }
  }

  async function setDisabled(disabled: boolean) {
    try {
      const answer = await api.put<AdminAccountResponse>(`${path}/disabled`, { disabled });
      onChanged(
        { ...item, disabledAt: answer.user.disabledAt },
        disabled ? `${item.username} is disabled and signed out.` : `${item.username} may sign in again.`,
      );
    } catch (caught) {
      fail(caught);
    }
  }

  return (
    <>
      <tr data-testid="user-row" data-username={item.username}>
        <td>
          <strong>{item.username}</strong>
          {self ? <span className="muted small-text"> (you)</span> : null}
        </td>
        <td>
          <select
            value={item.role}
            aria-label={`Role of ${item.username}`}
            onChange={(event) => void setRole(event.target.value as UserRole)}
          >
            {ROLES.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
        </td>
        <td>
          {item.disabledAt ? (
            <span className="tone-bad" data-testid="user-state">
              Disabled
            </span>
          ) : (
            <span className="tone-ok" data-testid="user-state">
              Active
            </span>
          )}
        </td>
        <td>{formatDate(item.createdAt)}</td>
        <td className="num">{item.submissions}</td>
        <td>
          <div className="row nowrap">
            <button
              type="button"
              className="ghost small"
              disabled={self && item.disabledAt === null}
              onClick={() => void setDisabled(item.disabledAt === null)}
              data-testid="toggle-disabled"
            >
              {item.disabledAt === null ? 'Disable' : 'Enable'}
            </button>
            <button
              type="button"
              className="ghost small"
              aria-expanded={resetting}
              onClick={() => setResetting((open) => !open)}
              data-testid="reset-password"
            >
              Reset password
            </button>
          </div>
        </td>
      </tr>
      {resetting ? (
        <tr>
          <td colSpan={6}>
            <PasswordReset
              user={item}
              onDone={(message) => {
                setResetting(false);
                onChanged(item, message);
              }}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function AdminUsers() {
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  const [items, setItems] = useState<AdminUser[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [role, setRole] = useState('');
  const [state, setState] = useState('');

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      const query = new URLSearchParams({ limit: '50' });
      if (applied.trim()) query.set('search', applied.trim());
      if (role) query.set('role', role);
      if (state) query.set('disabled', state === 'disabled' ? 'true' : 'false');
      if (after) query.set('cursor', after);
      try {
        const page = await api.get<AdminUserPage>(`/admin/users?${query}`);
        setItems((current) => (after ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (caught) {
        if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403)) setRefused(true);
        else setError(caught instanceof Error ? caught.message : String(caught));
      } finally {
        setLoading(false);
      }
    },
    [applied, role, state],
  );

  useEffect(() => {
    if (isAdmin) void load(null);
  }, [isAdmin, load]);

  if (user === undefined) return <div className="page muted">Loading…</div>;
  if (!isAdmin || refused) return <StaffOnly signedIn={user !== null} who="Admins" next="/admin/users" />;

  return (
    <div className="page">
      <AdminTabs />
      <div className="page-head">
        <div>
          <h1>Users</h1>
          <p className="muted">Accounts, newest first. Disabling one signs it out at once.</p>
        </div>
        <form
          className="filters"
          role="search"
          aria-label="Filter users"
          onSubmit={(event) => {
            event.preventDefault();
            setApplied(search);
          }}
        >
          <input
            type="search"
            placeholder="Search usernames"
            aria-label="Search usernames"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onBlur={() => setApplied(search)}
            data-testid="user-search"
          />
          <select value={role} onChange={(event) => setRole(event.target.value)} aria-label="Role">
            <option value="">All roles</option>
            {ROLES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <select value={state} onChange={(event) => setState(event.target.value)} aria-label="State">
            <option value="">Active and disabled</option>
            <option value="active">Active</option>
            <option value="disabled">Disabled</option>
          </select>
        </form>
      </div>
      {notice ? (
        <p className="notice" role="status" data-testid="admin-notice">
          {notice}
        </p>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
      <div className="table-wrap">
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col" className="num">
                Submissions
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <UserRow
                key={item.id}
                item={item}
                self={item.id === user.id}
                onChanged={(changed, message) => {
                  setItems((current) => current.map((row) => (row.id === changed.id ? changed : row)));
                  setNotice(message);
                  setError(null);
                }}
                onError={setError}
              />
            ))}
          </tbody>
        </table>
        {!loading && items.length === 0 ? <p className="empty muted">No account matches.</p> : null}
        {cursor ? (
          <div className="load-more">
            <button type="button" className="secondary" onClick={() => void load(cursor)} disabled={loading}>
              {loading ? 'Loading…' : 'Load more'}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
