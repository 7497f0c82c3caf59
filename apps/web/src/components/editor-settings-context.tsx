'use client';
// The editor settings every editor on the page follows: a signed-in user's from GET /settings/editor
// (saved with PUT), an anonymous visitor's from localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EditorSettingsResponse } from '@arbiter/contracts';
import {
  DEFAULT_EDITOR_SETTINGS,
  editorSettingsOrDefaults,
  type EditorSettings,
} from '@arbiter/contracts/editor-defaults';
import { api } from '../lib/api';
import { loadLocalEditorSettings, saveLocalEditorSettings } from '../lib/local-editor-settings';
import { useAuth } from './auth-context';

interface EditorSettingsState {
  settings: EditorSettings;
  /** Whose settings these are yet: false until the first read finished. */
  loaded: boolean;
  /** Applies the settings at once and saves them; rejects (an ApiError) when the API refuses them. */
  update(next: EditorSettings): Promise<void>;
}

const EditorSettingsContext = createContext<EditorSettingsState>({
  settings: DEFAULT_EDITOR_SETTINGS,
  loaded: false,
  update: async () => undefined,
});

export function EditorSettingsProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const userId = user === undefined ? undefined : (user?.id ?? null);
  const [settings, setSettings] = useState<EditorSettings>(DEFAULT_EDITOR_SETTINGS);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (userId === undefined) return;
    if (userId === null) {
      setSettings(loadLocalEditorSettings());
      setLoaded(true);
      return;
    }
    let live = true;
    api
      .get<EditorSettingsResponse>('/settings/editor')
      .then((answer) => live && setSettings(editorSettingsOrDefaults(answer.settings)))
      .catch(() => undefined)
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [userId]);

  const update = useCallback(
    async (next: EditorSettings) => {
      setSettings(next);
      if (userId) await api.put<EditorSettingsResponse>('/settings/editor', next);
      else saveLocalEditorSettings(next);
    },
    [userId],
  );

  const value = useMemo(() => ({ settings, loaded, update }), [settings, loaded, update]);
  return <EditorSettingsContext.Provider value={value}>{children}</EditorSettingsContext.Provider>;
}

export function useEditorSettings(): EditorSettingsState {
  return useContext(EditorSettingsContext);
}
