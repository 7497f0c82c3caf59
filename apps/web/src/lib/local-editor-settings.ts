// Editor settings of an anonymous visitor, kept in this browser's localStorage.
import { editorSettingsOrDefaults, type EditorSettings } from '@arbiter/contracts/editor-defaults';

const KEY = 'arbiter:editor-settings';

export function loadLocalEditorSettings(): EditorSettings {
  try {
    const text = window.localStorage.getItem(KEY);
    return editorSettingsOrDefaults(text === null ? null : (JSON.parse(text) as unknown));
  } catch {
    return editorSettingsOrDefaults(null);
  }
}

export function saveLocalEditorSettings(settings: EditorSettings): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage full or disabled: the settings last until the page is left.
  }
}
