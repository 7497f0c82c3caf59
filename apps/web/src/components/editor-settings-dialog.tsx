'use client';
// The editor toolbar's settings button and its dialog: font size, tab size and key bindings, applied
// as they change and saved (to the account when signed in, else to this browser).
import { useId, useRef, useState } from 'react';
import {
  EDITOR_FONT_SIZE_MAX,
  EDITOR_FONT_SIZE_MIN,
  EDITOR_TAB_SIZE_MAX,
  EDITOR_TAB_SIZE_MIN,
  KEY_BINDINGS,
  type EditorSettings,
  type KeyBindings,
} from '@arbiter/contracts/editor-defaults';
import { useAuth } from './auth-context';
import { useEditorSettings } from './editor-settings-context';

const KEY_BINDING_LABELS: Record<KeyBindings, string> = { default: 'Default', vim: 'Vim', emacs: 'Emacs' };

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function EditorSettingsButton() {
  const { settings, update } = useEditorSettings();
  const { user } = useAuth();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  function change(next: Partial<EditorSettings>) {
    setError(null);
    update({ ...settings, ...next }).catch((caught: unknown) =>
      setError(caught instanceof Error ? caught.message : 'The settings could not be saved.'),
    );
  }

  return (
    <>
      <button
        type="button"
        className="icon-button small"
        aria-label="Editor settings"
        aria-haspopup="dialog"
        title="Editor settings"
        data-testid="editor-settings"
        onClick={() => dialog.current?.showModal()}
      >
        ⚙
      </button>
      <dialog
        ref={dialog}
        className="settings-dialog"
        aria-labelledby={`${id}-title`}
        data-testid="editor-settings-dialog"
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself, outside its form) closes it.
          if (event.target === dialog.current) dialog.current.close();
        }}
      >
        <form method="dialog" className="settings-form">
          <h2 id={`${id}-title`} className="small-heading">
            Editor settings
          </h2>
          <label className="field stacked" htmlFor={`${id}-font`}>
            <span>Font size</span>
            <select
              id={`${id}-font`}
              value={settings.fontSize}
              onChange={(event) => change({ fontSize: Number(event.target.value) })}
            >
              {range(EDITOR_FONT_SIZE_MIN, EDITOR_FONT_SIZE_MAX).map((size) => (
                <option key={size} value={size}>
                  {size} px
                </option>
              ))}
            </select>
          </label>
          <label className="field stacked" htmlFor={`${id}-tab`}>
            <span>Tab size</span>
            <select
              id={`${id}-tab`}
              value={settings.tabSize}
              onChange={(event) => change({ tabSize: Number(event.target.value) })}
            >
              {range(EDITOR_TAB_SIZE_MIN, EDITOR_TAB_SIZE_MAX).map((size) => (
                <option key={size} value={size}>
                  {size} {size === 1 ? 'space' : 'spaces'}
                </option>
              ))}
            </select>
          </label>
          <label className="field stacked" htmlFor={`${id}-keys`}>
            <span>Key bindings</span>
            <select
              id={`${id}-keys`}
              value={settings.keyBindings}
              onChange={(event) => change({ keyBindings: event.target.value as KeyBindings })}
            >
              {KEY_BINDINGS.map((bindings) => (
                <option key={bindings} value={bindings}>
                  {KEY_BINDING_LABELS[bindings]}
                </option>
              ))}
            </select>
          </label>
          <p className="small-text muted">
            {user
              ? 'Saved to your account.'
              : 'Saved in this browser; sign in to keep them with your account.'}
          </p>
          {error === null ? null : (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="settings-actions">
            <button type="submit" className="small">
              Done
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
