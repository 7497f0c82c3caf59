'use client';
// The playground: pick a language, write code and stdin, run it, watch the output stream in.
import { useEffect, useRef, useState } from 'react';
import type { JobResult, LanguageInfo, LogStream } from '@arbiter/contracts';
import { apiUrl } from '../lib/api-url';
import { followJob } from '../lib/job-stream';

const SAMPLES: Record<string, string> = {
  python: 'name = input()\nprint(f"Hello, {name}!")\n',
  javascript: "const name = require('fs').readFileSync(0, 'utf8').trim();\nconsole.log(`Hello, ${name}!`);\n",
  typescript:
    "const name: string = require('fs').readFileSync(0, 'utf8').trim();\nconsole.log(`Hello, ${name}!`);\n",
  cpp: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n  string name;\n  getline(cin, name);\n  cout << "Hello, " << name << "!" << endl;\n}\n',
  c: '#include <stdio.h>\n\nint main(void) {\n  char name[100];\n  if (scanf("%99s", name) == 1) printf("Hello, %s!\\n", name);\n  return 0;\n}\n',
  java: 'import java.util.*;\n\npublic class Main {\n  public static void main(String[] args) {\n    Scanner in = new Scanner(System.in);\n    System.out.println("Hello, " + in.nextLine() + "!");\n  }\n}\n',
};

interface LogLine {
  stream: LogStream;
  text: string;
}

export function Playground() {
  const [languages, setLanguages] = useState<LanguageInfo[]>([]);
  const [language, setLanguage] = useState('python');
  const [code, setCode] = useState(SAMPLES.python ?? '');
  const [stdin, setStdin] = useState('world');
  const [status, setStatus] = useState<string>('idle');
  const [logs, setLogs] = useState<LogLine[]>([]);
  const [result, setResult] = useState<JobResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<(() => void) | null>(null);

  useEffect(() => {
    fetch(`${apiUrl()}/languages`)
      .then((response) => response.json() as Promise<LanguageInfo[]>)
      .then(setLanguages)
      .catch(() => setError('The API is not reachable. Is it running on port 4000?'));
    return () => stop.current?.();
  }, []);

  const pickLanguage = (id: string) => {
    setLanguage(id);
    setCode(SAMPLES[id] ?? '');
  };

  const run = async () => {
    stop.current?.();
    setLogs([]);
    setResult(null);
    setError(null);
    setStatus('submitting');
    const response = await fetch(`${apiUrl()}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language, code, stdin }),
    }).catch(() => null);
    if (response === null) {
      setStatus('idle');
      setError('The API is not reachable.');
      return;
    }
    const body = (await response.json()) as { jobId?: string; error?: { message: string } };
    if (!response.ok || body.jobId === undefined) {
      setStatus('idle');
      setError(body.error?.message ?? `The API answered ${response.status}.`);
      return;
    }
    stop.current = followJob(apiUrl(), body.jobId, {
      onStatus: (event) =>
        setStatus(event.status === 'queued' && event.position ? `queued (#${event.position})` : event.status),
      onLog: (event) => setLogs((lines) => [...lines, { stream: event.stream, text: event.chunk }]),
      onResult: (event) => {
        setResult(event);
        setStatus(event.status);
      },
      onError: setError,
    });
  };

  return (
    <div className="playground">
      <section className="editor-pane">
        <div className="toolbar">
          <label>
            Language{' '}
            <select
              value={language}
              onChange={(event) => pickLanguage(event.target.value)}
              aria-label="Language"
            >
              {(languages.length > 0 ? languages : [{ id: 'python', name: 'Python 3', version: '' }]).map(
                (info) => (
                  <option key={info.id} value={info.id}>
                    {info.name} {info.version}
                  </option>
                ),
              )}
            </select>
          </label>
          <button type="button" onClick={run} disabled={status === 'submitting'}>
            Run
          </button>
        </div>
        <textarea
          className="code"
          aria-label="Code"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={(event) => {
            if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') void run();
          }}
        />
        <label className="stdin-label">
          Input (stdin)
          <textarea
            className="stdin"
            aria-label="Input"
            value={stdin}
            onChange={(event) => setStdin(event.target.value)}
          />
        </label>
      </section>
      <section className="console-pane" aria-live="polite">
        <div className="status" data-testid="status">
          Status: <strong>{status}</strong>
          {result?.verdict ? (
            <span className={`verdict verdict-${result.verdict}`} data-testid="verdict">
              {result.verdict.replaceAll('_', ' ')}
            </span>
          ) : null}
          {result && result.timeMs !== null ? (
            <span className="muted">
              {' '}
              {result.timeMs} ms · {Math.round((result.memoryKb ?? 0) / 1024)} MiB
            </span>
          ) : null}
        </div>
        {error ? <p className="error">{error}</p> : null}
        <pre className="output" data-testid="output">
          {logs.map((line, index) => (
            <span key={index} className={`log-${line.stream}`}>
              {line.text}
            </span>
          ))}
        </pre>
      </section>
    </div>
  );
}
