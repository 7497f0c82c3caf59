'use client';
// Who is signed in: asks GET /auth/me once, and lets the sign-in/up forms and sign-out update it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuthResponse, AuthUser } from '@arbiter/contracts';
import { api } from '../lib/api';

interface AuthState {
  /** undefined while the first check runs; null when signed out. */
  user: AuthUser | null | undefined;
  setUser(user: AuthUser | null): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState>({
  user: undefined,
  setUser: () => undefined,
  signOut: async () => undefined,
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<AuthUser | null | undefined>(undefined);

  useEffect(() => {
    api
      .get<AuthResponse>('/auth/me')
      .then((answer) => setUser(answer.user))
      .catch(() => setUser(null));
  }, []);

  const signOut = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, setUser, signOut }), [user, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}
