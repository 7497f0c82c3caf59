'use client';
// The code editor: a plain text area with the code at first paint, replaced by Monaco (from our own
// bundle, never a CDN) on the first intent to edit, with the text, selection and focus carried over
// (Monaco's React wrapper loads with it, not with the page).
// Themes follow the site theme; compile errors become markers; font size, tab size and Vim / Emacs
// key bindings follow the editor settings.
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type MonacoEditorComponent from '@monaco-editor/react';
import type * as Monaco from 'monaco-editor/editor';
import type { Diagnostic } from '../lib/compile-errors';
import { monacoLanguage } from '../lib/format';
import { attachKeyBindings } from '../lib/key-bindings';
import { useTheme } from '../lib/use-theme';
import { useEditorSettings } from './editor-settings-context';

type MonacoApi = typeof Monaco;
let loading: Promise<MonacoApi> | null = null;
/** Monaco's React component, once loaded (with Monaco, by `loadMonaco`). */
let Editor: typeof MonacoEditorComponent | null = null;

function loadMonaco(): Promise<MonacoApi> {
  loading ??= Promise.all([import('../lib/monaco-setup'), import('@monaco-editor/react')]).then(
    ([{ monaco }, { default: component, loader }]) => {
      Editor = component;
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
    },
  );
  return loading;
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

/** Monaco's font stack, which the plain view shares so the code does not move when Monaco takes over. */
const FONT_FAMILY = "ui-monospace, 'SFMono-Regular', 'JetBrains Mono', Menlo, Consolas, monospace";

/**
 * Hands the plain view's state to Monaco's freshly mounted editor in one task: its text (keystrokes
 * typed while Monaco's code ran are in it), its selection, scroll position and, if it had it, the focus;
 * keystrokes after this task go to Monaco.
 */
function takeOver(editor: Monaco.editor.IStandaloneCodeEditor, plain: HTMLTextAreaElement | null): void {
  const model = editor.getModel();
  if (!plain || !model) return;
  if (model.getValue() !== plain.value) model.setValue(plain.value);
  if (document.activeElement !== plain) return;
  const start = model.getPositionAt(plain.selectionStart);
  const end = model.getPositionAt(plain.selectionEnd);
  editor.setSelection({
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  });
  // The view stays where the plain view was scrolled, and the caret is on screen (a selection alone does
  // not scroll: typed at the end of a long file, it would be out of sight).
  editor.setScrollTop(plain.scrollTop);
  editor.revealPosition(end);
  editor.focus();
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
  const MonacoEditor = monaco ? Editor : null;
  const [failed, setFailed] = useState(false);
  const plain = useRef<HTMLTextAreaElement>(null);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const statusBar = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const { settings, loaded } = useEditorSettings();
  const { fontSize, tabSize, keyBindings } = settings;
  const bindings = readOnly ? 'default' : keyBindings;
  // Monaco's code runs for about a second of long tasks, so an editable editor loads it only when it is
  // wanted: the first focus, pointer press or key in the plain view, markers or a line to reveal, key
  // bindings switched while the page is open. A read-only one (submitted code) loads it at once for
  // its colouring: no one types there, and its page has little else to run.
  const [wanted, setWanted] = useState(readOnly);
  const want = () => setWanted(true);
  const settledBindings = useRef<string | null>(null);

  useEffect(() => {
    if (diagnostics.length > 0 || revealLine) setWanted(true);
  }, [diagnostics, revealLine]);

  // The saved settings arriving are no switch; a change after them is.
  useEffect(() => {
    if (!loaded) return;
    if (settledBindings.current !== null && settledBindings.current !== bindings && bindings !== 'default') {
      setWanted(true);
    }
    settledBindings.current = bindings;
  }, [loaded, bindings]);

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadMonaco()
      .then((loadedMonaco) => live && setMonaco(loadedMonaco))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [wanted]);

  // Markers can be what loads Monaco: they are set once its editor is mounted.
  useEffect(() => {
    const model = editor?.getModel();
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
  }, [monaco, editor, diagnostics, value]);

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
    if (!editor || !revealLine) return;
    editor.revealLineInCenter(revealLine.line);
    editor.setPosition({ lineNumber: revealLine.line, column: 1 });
    editor.focus();
  }, [editor, revealLine]);

  // Until Monaco's editor is mounted, the code is in a plain text area over its place: editable with
  // the default bindings (what is typed there is handed over), read-only with Vim or Emacs ones,
  // which only Monaco can honour (focusing it loads Monaco). If Monaco fails to load, the text area
  // stays, editable.
  const plainStyle: CSSProperties = { fontSize, tabSize, fontFamily: FONT_FAMILY };
  return (
    <>
      {/* Its test id and settings attributes appear with Monaco's editor (what tests and scripts drive). */}
      <div
        className="code-editor"
        data-testid={editor ? 'code-editor' : undefined}
        data-key-bindings={editor ? bindings : undefined}
        data-font-size={editor ? fontSize : undefined}
      >
        {editor ? null : (
          <textarea
            ref={plain}
            className="code-plain"
            data-testid="code-plain"
            aria-label={label}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            value={value}
            readOnly={readOnly || (bindings !== 'default' && !failed)}
            onChange={(event) => onChange?.(event.target.value)}
            onFocus={want}
            onPointerDown={want}
            onKeyDown={want}
            style={plainStyle}
          />
        )}
        {monaco && !failed && MonacoEditor ? (
          <MonacoEditor
            value={value}
            language={monacoLanguage(language)}
            theme={theme === 'dark' ? 'arbiter-dark' : 'arbiter-light'}
            onChange={(next) => onChange?.(next ?? '')}
            onMount={(mounted) => {
              takeOver(mounted, plain.current);
              setEditor(mounted);
            }}
            loading={null}
            options={{
              readOnly,
              // Keyboard input through Monaco's classic hidden text area, not the browser's EditContext:
              // with EditContext a key pressed just as the editor took the focus from the plain view was
              // dropped (typed "// zq9", kept "// q9").
              editContext: false,
              ariaLabel: label,
              fontSize,
              fontFamily: FONT_FAMILY,
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
        ) : null}
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
