'use client';
// The playground: pick any language, write code and stdin, run it, watch the output stream in. A run
// that ends normally is "Finished", with its wall time (CPU time and memory beside it). An interactive
// run takes its stdin while it runs, a line at a time from the input under the output.
import { useEffect, useRef, useState } from 'react';
import type { LanguageInfo } from '@arbiter/contracts';
import { api } from '../lib/api';
import { loadDraft, loadLanguage, saveDraft, saveLanguage } from '../lib/drafts';
import { formatMemory, formatMs, formatWall, languageLabel, verdictLabel, verdictTone } from '../lib/format';
import { useNarrow } from '../lib/use-narrow';
import { useJob } from '../lib/use-job';
import { CodeEditor } from './code-editor';
import { EditorSettingsButton } from './editor-settings-dialog';
import { FormatButton } from './format-button';
import { LanguageSelect } from './language-select';
import { SplitPane } from './split-pane';

const SAMPLES: Record<string, string> = {
  python: 'name = input()\nprint(f"Hello, {name}!")\n',
  javascript: "const name = require('fs').readFileSync(0, 'utf8').trim();\nconsole.log(`Hello, ${name}!`);\n",
  typescript:
    "const name: string = require('fs').readFileSync(0, 'utf8').trim();\nconsole.log(`Hello, ${name}!`);\n",
  cpp: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n  string name;\n  getline(cin, name);\n  cout << "Hello, " << name << "!" << endl;\n}\n',
  c: '#include <stdio.h>\n\nint main(void) {\n  char name[100];\n  if (scanf("%99s", name) == 1) printf("Hello, %s!\\n", name);\n  return 0;\n}\n',
  java: 'import java.util.*;\n\npublic class Main {\n  public static void main(String[] args) {\n    Scanner in = new Scanner(System.in);\n    System.out.println("Hello, " + in.nextLine() + "!");\n  }\n}\n',
};
const SCOPE = 'playground';
const INTERACTIVE_KEY = 'arbiter:playground:interactive';

export function Playground() {
  const [languages, setLanguages] = useState<LanguageInfo[]>([]);
  const [language, setLanguage] = useState('python');
  const [code, setCode] = useState(SAMPLES.python ?? '');
  const [stdin, setStdin] = useState('world');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [interactive, setInteractive] = useState(false);
  const [line, setLine] = useState('');
  const lineInput = useRef<HTMLInputElement>(null);
  const { state: job, start, startInteractive, send, endInput, kill, busy } = useJob();
  const narrow = useNarrow();
  const live = busy && job.interactive !== null;

  useEffect(() => {
    api
      .get<LanguageInfo[]>('/languages')
      .then(setLanguages)
      .catch((caught: unknown) => setLoadError(caught instanceof Error ? caught.message : String(caught)));
    const saved = loadLanguage(SCOPE) ?? 'python';
    setLanguage(saved);
    setCode(loadDraft(SCOPE, saved) ?? SAMPLES[saved] ?? '');
    setInteractive(window.localStorage.getItem(INTERACTIVE_KEY) === '1');
  }, []);

  const pickInteractive = (on: boolean) => {
    setInteractive(on);
    window.localStorage.setItem(INTERACTIVE_KEY, on ? '1' : '0');
  };

  const pickLanguage = (id: string) => {
    setLanguage(id);
    saveLanguage(SCOPE, id);
    setCode(loadDraft(SCOPE, id) ?? SAMPLES[id] ?? '');
  };

  const run = () => {
    if (busy) return;
    if (interactive) {
      setLine('');
      startInteractive({ language, code });
    } else void start({ language, code, stdin });
  };

  // The input line takes the focus when an interactive run starts.
  useEffect(() => {
    if (live) lineInput.current?.focus();
  }, [live]);

  const sendLine = () => {
    void send(`${line}\n`);
    setLine('');
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        event.stopPropagation();
        document.querySelector<HTMLButtonElement>('[data-testid="playground-run"]')?.click();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const result = job.result;
  const options = languages.length > 0 ? languages : [{ id: 'python', name: 'Python 3', version: '' }];
  return (
    <div className="workspace playground" data-testid="playground">
      <h1 className="sr-only">Playground</h1>
      <SplitPane
        direction={narrow ? 'column' : 'row'}
        initial={58}
        min={30}
        max={75}
        storageKey="arbiter:split:playground"
        label="Resize editor and output"
        first={
          <section className="pane editor-pane" aria-label="Code">
            <div className="editor-toolbar">
              <LanguageSelect
                value={language}
                options={options.map((info) => ({
                  id: info.id,
                  label: languageLabel(info.name, info.version),
                }))}
                onChange={pickLanguage}
              />
              <FormatButton
                code={code}
                language={language}
                onFormatted={(next) => {
                  setCode(next);
                  saveDraft(SCOPE, language, next);
                }}
              />
              <EditorSettingsButton />
              <span className="toolbar-spacer" />
              <label className="toggle" title="Type the program's input while it runs">
                <input
                  type="checkbox"
                  checked={interactive}
                  disabled={busy}
                  onChange={(event) => pickInteractive(event.target.checked)}
                  data-testid="interactive"
                />
                Interactive
              </label>
              <button
                type="button"
                className="success"
                onClick={run}
                disabled={busy}
                data-testid="playground-run"
                title="Run (Ctrl/⌘+Enter)"
              >
                ▶ Run
              </button>
            </div>
            <CodeEditor
              value={code}
              language={language}
              onChange={(next) => {
                setCode(next);
                saveDraft(SCOPE, language, next);
              }}
            />
          </section>
        }
        second={
          <section className="pane console-pane" aria-label="Input and output">
            {interactive ? (
              <p className="muted interactive-note">
                Interactive: type the program&apos;s input under the output while it runs.
              </p>
            ) : (
              <label className="field stacked">
                <span className="block-label">Input (stdin)</span>
                <textarea
                  className="stdin"
                  value={stdin}
                  spellCheck={false}
                  onChange={(event) => setStdin(event.target.value)}
                  data-testid="stdin"
                />
              </label>
            )}
            <div className="status-line" data-testid="status" aria-live="polite">
              {job.phase === 'idle' ? (
                <span className="muted">Ready</span>
              ) : job.phase === 'done' && result ? (
                <>
                  <strong
                    className={`tone-${verdictTone(result.verdict)}`}
                    data-testid="verdict"
                    data-verdict={result.verdict ?? ''}
                  >
                    {result.verdict === 'ACCEPTED' ? 'Finished' : verdictLabel(result.verdict)}
                  </strong>
                  <span className="muted" data-testid="run-stats">
                    <span data-testid="wall-time">{formatWall(result.wallTimeMs)}</span> · CPU{' '}
                    {formatMs(result.timeMs)} · {formatMemory(result.memoryKb)}
                  </span>
                </>
              ) : (
                <>
                  <span className="spinner" aria-hidden="true" />
                  {job.phase === 'queued'
                    ? job.position
                      ? `In queue — position ${job.position}`
                      : 'In queue…'
                    : 'Running…'}
                </>
              )}
            </div>
            {loadError ? <p className="error">{loadError}</p> : null}
            {job.error ? <p className="error">{job.error}</p> : null}
            <span className="block-label">Output</span>
            <pre className="block-pre output" data-testid="output">
              {job.logs.map((chunk, i) => (
                <span key={i} className={`log-${chunk.stream}`}>
                  {chunk.text}
                </span>
              ))}
              {job.phase === 'done' && job.logs.length === 0 && result
                ? result.compileOutput || result.stdout || result.stderr
                : null}
            </pre>
            {live && job.interactive ? (
              <form
                className="stdin-line"
                onSubmit={(event) => {
                  event.preventDefault();
                  sendLine();
                }}
              >
                <input
                  ref={lineInput}
                  value={line}
                  onChange={(event) => setLine(event.target.value)}
                  onKeyDown={(event) => {
                    // Ctrl+D ends the input, as in a terminal.
                    if (event.ctrlKey && event.key === 'd') {
                      event.preventDefault();
                      void endInput();
                    }
                  }}
                  disabled={job.interactive.closed}
                  placeholder={
                    job.interactive.closed
                      ? 'Input ended'
                      : job.interactive.started
                        ? 'Type a line; Enter sends it'
                        : 'Type a line; it waits until the program starts'
                  }
                  aria-label="Program input"
                  spellCheck={false}
                  autoComplete="off"
                  data-testid="stdin-line"
                />
                <button
                  type="submit"
                  className="small"
                  disabled={job.interactive.closed}
                  data-testid="stdin-send"
                >
                  Send
                </button>
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => void endInput()}
                  disabled={job.interactive.closed}
                  title="End of input (Ctrl+D)"
                  data-testid="stdin-eof"
                >
                  EOF
                </button>
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => void kill()}
                  data-testid="stop"
                >
                  Stop
                </button>
              </form>
            ) : null}
          </section>
        }
      />
    </div>
  );
}
