'use client';
// Monaco, loaded from our own bundle (never a CDN): `loader.config({ monaco })` with the locally
// imported editor before the first <Editor> renders. Themes follow the site theme; compile errors
// become markers; font size, tab size and Vim / Emacs key bindings follow the editor settings.
import Editor, { loader } from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import type { Diagnostic } from '../lib/compile-errors';
import { monacoLanguage } from '../lib/format';
import { attachKeyBindings } from '../lib/key-bindings';
import { useTheme } from '../lib/use-theme';
import { useEditorSettings } from './editor-settings-context';

type MonacoApi = typeof Monaco;
let loading: Promise<MonacoApi> | null = null;

function loadMonaco(): Promise<MonacoApi> {
  loading ??= import('../lib/monaco-setup').then(({ monaco }) => {
    // For bench/workspace-warm.ts: when the editor's code had arrived and run.
    performance.mark('arbiter:monaco-loaded');
    loader.config({ monaco });
    monaco.editor.defineTheme('arbiter-light', {
      base: 'vs',
      inherit: true,
      rules: [],
      colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#9ca3af' },
    });
    monaco.editor.defineTheme('arbiter-dark', {
      base: 'vs-dark',
      inherit: true,
      rules: [],
      colors: { 'editor.background': '#1a1d23', 'editorLineNumber.foreground': '#5c6370' },
    });
    return monaco;
  });
  return loading;
}

/**
 * Starts fetching Monaco before an editor is on the page (a page that will show one calls it as it
 * mounts), so the editor's code arrives while the page still waits for its data instead of after.
 */
export function preloadMonaco(): void {
  loadMonaco().catch(() => undefined); // the editor that mounts reports a failure itself
}

interface CodeEditorProps {
  value: string;
  language: string;
  onChange?(value: string): void;
  readOnly?: boolean;
  diagnostics?: Diagnostic[];
  /** Set to a line number to move the cursor there. */
  revealLine?: { line: number; nonce: number } | null;
  label?: string;
}

export function CodeEditor({
  value,
  language,
  onChange,
  readOnly = false,
  diagnostics = [],
  revealLine,
  label = 'Code editor',
}: CodeEditorProps) {
  const [monaco, setMonaco] = useState<MonacoApi | null>(null);
  const [failed, setFailed] = useState(false);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const statusBar = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const { settings } = useEditorSettings();
  const { fontSize, tabSize, keyBindings } = settings;
  const bindings = readOnly ? 'default' : keyBindings;

  useEffect(() => {
    loadMonaco()
      .then(setMonaco)
      .catch(() => setFailed(true));
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'arbiter',
      diagnostics.map((d) => ({
        startLineNumber: d.line,
        endLineNumber: d.line,
        startColumn: d.column,
        endColumn: model.getLineMaxColumn(Math.min(d.line, model.getLineCount())),
        message: d.message,
        severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      })),
    );
  }, [monaco, diagnostics, value]);

  // The model keeps its own indentation options (set when it was made): tab size goes to it too.
  useEffect(() => {
    editor?.getModel()?.updateOptions({ tabSize, indentSize: tabSize, insertSpaces: true });
  }, [editor, tabSize, value]);

  useEffect(() => {
    const bar = statusBar.current;
    if (!editor || bindings === 'default' || !bar) return;
    let detach: (() => void) | null = null;
    let cancelled = false;
    attachKeyBindings(editor, bindings, bar)
      .then((off) => {
        if (cancelled) off();
        else detach = off;
      })
      .catch(() => {
        bar.textContent = `${bindings === 'vim' ? 'Vim' : 'Emacs'} key bindings could not be loaded.`;
      });
    return () => {
      cancelled = true;
      detach?.();
    };
  }, [editor, bindings]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !revealLine) return;
    editor.revealLineInCenter(revealLine.line);
    editor.setPosition({ lineNumber: revealLine.line, column: 1 });
    editor.focus();
  }, [revealLine]);

  if (failed) {
    return (
      <textarea
        className="code-fallback"
        aria-label={label}
        spellCheck={false}
        value={value}
        readOnly={readOnly}
        onChange={(event) => onChange?.(event.target.value)}
      />
    );
  }
  if (!monaco) return <div className="editor-loading muted">Loading editor…</div>;
  return (
    <>
      <div
        className="code-editor"
        data-testid="code-editor"
        data-key-bindings={bindings}
        data-font-size={fontSize}
      >
        <Editor
          value={value}
          language={monacoLanguage(language)}
          theme={theme === 'dark' ? 'arbiter-dark' : 'arbiter-light'}
          onChange={(next) => onChange?.(next ?? '')}
          onMount={(mounted) => {
            editorRef.current = mounted;
            setEditor(mounted);
          }}
          loading={<div className="editor-loading muted">Loading editor…</div>}
          options={{
            readOnly,
            ariaLabel: label,
            fontSize,
            fontFamily: "ui-monospace, 'SFMono-Regular', 'JetBrains Mono', Menlo, Consolas, monospace",
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            automaticLayout: true,
            tabSize,
            detectIndentation: false,
            padding: { top: 10, bottom: 10 },
            renderLineHighlight: readOnly ? 'none' : 'line',
            smoothScrolling: true,
            fixedOverflowWidgets: true,
            overviewRulerLanes: 0,
            hideCursorInOverviewRuler: true,
            overviewRulerBorder: false,
            scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
          }}
        />
      </div>
      {bindings === 'default' ? null : (
        <div
          ref={statusBar}
          className="key-bindings-status"
          data-testid="key-bindings-status"
          aria-live="polite"
        />
      )}
    </>
  );
}
