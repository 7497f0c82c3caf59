'use client';
// The editor toolbar's "Format" button: Prettier for JavaScript and TypeScript; for other languages
// it is disabled, and its tooltip says there is no formatter.
import { useState } from 'react';
import { formatCode, formatterFor } from '../lib/format-code';
import { languageName } from '../lib/format';
import { useEditorSettings } from './editor-settings-context';

export function FormatButton(props: { code: string; language: string; onFormatted(code: string): void }) {
  const { settings } = useEditorSettings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const available = formatterFor(props.language) !== null;
  const title = available
    ? 'Format document with Prettier'
    : `No formatter for ${languageName(props.language)}`;

  async function format() {
    setBusy(true);
    setError(null);
    try {
      const formatted = await formatCode(props.code, props.language, settings.tabSize);
      if (formatted !== props.code) props.onFormatted(formatted);
    } catch (caught) {
      const message = caught instanceof Error ? caught.message.split('\n')[0] : String(caught);
      setError(`Could not format: ${message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="format-button" title={error ?? title}>
      <button
        type="button"
        className="ghost small"
        onClick={() => void format()}
        disabled={!available || busy}
        aria-describedby={error === null ? (available ? undefined : 'format-unavailable') : 'format-error'}
        data-testid="format-code"
      >
        {busy ? 'Formatting…' : 'Format'}
      </button>
      {available ? null : (
        <span id="format-unavailable" className="sr-only">
          {title}
        </span>
      )}
      {error === null ? null : (
        <span id="format-error" role="alert" className="sr-only">
          {error}
        </span>
      )}
    </span>
  );
}
