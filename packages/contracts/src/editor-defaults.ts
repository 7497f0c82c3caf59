/**
 * Editor settings' choices, limits and defaults, without zod, so the web app reads them at run time
 * (`@arbiter/contracts/editor-defaults`); the API's schemas are in editor-settings.ts.
 */
export const KEY_BINDINGS = ['default', 'vim', 'emacs'] as const;
export type KeyBindings = (typeof KEY_BINDINGS)[number];

export const EDITOR_FONT_SIZE_MIN = 10;
export const EDITOR_FONT_SIZE_MAX = 28;
export const EDITOR_TAB_SIZE_MIN = 1;
export const EDITOR_TAB_SIZE_MAX = 8;

export interface EditorSettings {
  /** CSS pixels. */
  fontSize: number;
  /** Spaces per indentation step. */
  tabSize: number;
  keyBindings: KeyBindings;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { fontSize: 14, tabSize: 4, keyBindings: 'default' };

const wholeIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * Settings read back from storage (a database row or localStorage written by any version): each
 * valid field kept, the others from the defaults.
 */
export function editorSettingsOrDefaults(stored: unknown): EditorSettings {
  const fields = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const { fontSize, tabSize, keyBindings } = fields;
  return {
    fontSize: wholeIn(fontSize, EDITOR_FONT_SIZE_MIN, EDITOR_FONT_SIZE_MAX)
      ? fontSize
      : DEFAULT_EDITOR_SETTINGS.fontSize,
    tabSize: wholeIn(tabSize, EDITOR_TAB_SIZE_MIN, EDITOR_TAB_SIZE_MAX)
      ? tabSize
      : DEFAULT_EDITOR_SETTINGS.tabSize,
    keyBindings: KEY_BINDINGS.find((choice) => choice === keyBindings) ?? DEFAULT_EDITOR_SETTINGS.keyBindings,
  };
}
