'use client';
// Sign-in and sign-up forms: the API's length and character rules checked before sending (the
// contracts package is imported for types only: its ESM .js specifiers do not resolve in Turbopack),
// the API's own message on failure (e.g. a too common password); then on to `next`, a page of this site only.
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { AuthResponse } from '@arbiter/contracts';
import { api, ApiError } from '../lib/api';
import { safeNextPath } from '../lib/safe-next';
import { useAuth } from './auth-context';

export function AuthForm({ mode }: { mode: 'login' | 'signup' }) {
  const router = useRouter();
  const params = useSearchParams();
  const { setUser } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  // Server rendering has no window: any origin resolves a same-site path to the same path.
  const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
  const next = safeNextPath(params.get('next'), origin);
  const signup = mode === 'signup';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (signup) {
      const found = checkSignup(username, password);
      if (found.username || found.password) {
        setErrors(found);
        return;
      }
    }
    setErrors({});
    setBusy(true);
    try {
      const answer = await api.post<AuthResponse>(signup ? '/auth/signup' : '/auth/login', {
        username,
        password,
      });
      setUser(answer.user);
      router.push(next);
    } catch (caught) {
      setErrors({ form: caught instanceof ApiError ? caught.message : String(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page narrow">
      <form className="card auth-card" onSubmit={(event) => void submit(event)} noValidate>
        <h1>{signup ? 'Create your account' : 'Sign in'}</h1>
        <p className="muted">{signup ? 'Submit solutions, track what you solved.' : 'Welcome back.'}</p>
        <label className="field stacked">
          <span>Username</span>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={errors.username ? 'username-error' : undefined}
            required
            autoFocus
          />
          {errors.username ? (
            <span id="username-error" className="field-error">
              {errors.username}
            </span>
          ) : null}
        </label>
        <label className="field stacked">
          <span>Password</span>
          <input
            name="password"
            type="password"
            autoComplete={signup ? 'new-password' : 'current-password'}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? 'password-error' : undefined}
            required
          />
          {errors.password ? (
            <span id="password-error" className="field-error">
              {errors.password}
            </span>
          ) : signup ? (
            <span className="hint">At least 8 characters, not a common password.</span>
          ) : null}
        </label>
        {errors.form ? (
          <p className="error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button type="submit" className="wide" disabled={busy}>
          {busy ? 'Please wait…' : signup ? 'Sign up' : 'Sign in'}
        </button>
        <p className="muted small-text">
          {signup ? 'Have an account? ' : 'New here? '}
          <Link href={`${signup ? '/login' : '/signup'}?next=${encodeURIComponent(next)}`}>
            {signup ? 'Sign in' : 'Create an account'}
          </Link>
        </p>
      </form>
    </div>
  );
}

/** The sign-up rules of docs/API.md that need no server: lengths and characters. */
function checkSignup(username: string, password: string): { username?: string; password?: string } {
  const found: { username?: string; password?: string } = {};
  if (username.length < 3) found.username = 'Use at least 3 characters.';
  else if (username.length > 32) found.username = 'Use at most 32 characters.';
  else if (!/^[A-Za-z0-9_-]+$/.test(username)) found.username = 'Use only letters, digits, _ and -.';
  const length = [...password].length;
  if (length < 8) found.password = 'Use at least 8 characters.';
  else if (length > 128) found.password = 'It is too long: use at most 128 characters.';
  else if (password.toLowerCase() === username.toLowerCase())
    found.password = 'It is the same as your username; choose something different.';
  return found;
}
