'use client';
// The result of a run or submit: verdict, tests passed, a scoring problem's score and group points,
// runtime and memory, compile errors with line links, the failing test (input, expected, actual),
// per-case results of a run, and for an accepted submit "beats N%" with the runtime distribution.
import { useState } from 'react';
import type { JobResult, TestResult } from '@arbiter/contracts';
import { parseDiagnostics } from '../../lib/compile-errors';
import { formatMemory, formatMs, verdictLabel, verdictTone } from '../../lib/format';
import type { LogChunk } from '../../lib/use-job';
import { ScoreSummary } from '../score-summary';
import { DistributionChart } from './distribution-chart';

export interface CaseResultRef {
  label: string;
  test: TestResult | undefined;
}

/** Takes a failing test's input (as shown) as a new test case, when it can be read back. */
export interface UseAsCase {
  accepts(shownInput: string): boolean;
  use(shownInput: string): void;
}

interface VerdictPanelProps {
  result: JobResult;
  slug: string;
  logs: LogChunk[];
  /** Run mode: one entry per test-case tab, with its result. */
  cases: CaseResultRef[];
  onJumpToLine(line: number): void;
  /** Adds a failing test's input to the test cases; absent: no such button. */
  onUseAsCase?: UseAsCase;
}

export function VerdictPanel({ result, slug, logs, cases, onJumpToLine, onUseAsCase }: VerdictPanelProps) {
  const verdict = result.verdict ?? (result.status === 'failed' ? 'INTERNAL_ERROR' : null);
  const tone = verdictTone(verdict);
  const isSubmit = result.mode === 'submit';
  const stdout =
    logs
      .filter((l) => l.stream === 'stdout')
      .map((l) => l.text)
      .join('') || result.stdout;
  const stderr =
    logs
      .filter((l) => l.stream === 'stderr')
      .map((l) => l.text)
      .join('') || result.stderr;

  return (
    <div className="verdict-panel" data-testid="verdict-panel">
      <div className="verdict-head">
        <h2 className={`verdict-title tone-${tone}`} data-testid="verdict" data-verdict={verdict ?? ''}>
          {verdictLabel(verdict)}
        </h2>
        {result.passed !== null && result.total !== null ? (
          <span className="muted" data-testid="tests-passed">
            {result.passed} / {result.total} {isSubmit ? 'tests' : 'test cases'} passed
          </span>
        ) : null}
        <span className="mode-badge">{isSubmit ? 'Submission' : 'Run'}</span>
      </div>

      {verdict === 'COMPILE_ERROR' ? (
        <CompileOutput text={result.compileOutput || stderr} onJumpToLine={onJumpToLine} />
      ) : null}

      {verdict !== 'COMPILE_ERROR' && result.timeMs !== null ? (
        <div className="result-row">
          <div className="stats">
            <Stat label="Runtime" value={formatMs(result.timeMs)} testId="runtime">
              {isSubmit && result.percentile ? (
                <span className="beats" data-testid="beats-runtime">
                  Beats {result.percentile.runtime.toFixed(1)}%
                </span>
              ) : null}
            </Stat>
            <Stat label="Memory" value={formatMemory(result.memoryKb)} testId="memory">
              {isSubmit && result.percentile ? (
                <span className="beats">Beats {result.percentile.memory.toFixed(1)}%</span>
              ) : null}
            </Stat>
          </div>
          {isSubmit && verdict === 'ACCEPTED' ? (
            <DistributionChart slug={slug} language={result.language} timeMs={result.timeMs} />
          ) : null}
        </div>
      ) : null}

      {result.error ? <p className="error">{result.error}</p> : null}

      {result.score ? <ScoreSummary score={result.score} /> : null}

      {isSubmit && result.failedTest && verdict !== 'COMPILE_ERROR' ? (
        <TestDetails test={result.failedTest} title="Failing test" onUseAsCase={onUseAsCase} />
      ) : null}

      {!isSubmit && cases.length > 0 && verdict !== 'COMPILE_ERROR' ? <CaseResults cases={cases} /> : null}

      {stdout ? <OutputBlock title="Stdout" text={stdout} /> : null}
      {stderr && verdict !== 'COMPILE_ERROR' ? <OutputBlock title="Stderr" text={stderr} tone="bad" /> : null}
    </div>
  );
}

function Stat({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: string;
  testId: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={testId}>
        {value}
      </span>
      {children}
    </div>
  );
}

function CaseResults({ cases }: { cases: CaseResultRef[] }) {
  const firstFailing = cases.findIndex((c) => c.test && c.test.verdict !== 'ACCEPTED');
  const [active, setActive] = useState(Math.max(0, firstFailing));
  const current = cases[Math.min(active, cases.length - 1)];
  return (
    <div className="case-results">
      <div className="case-tabs" role="tablist" aria-label="Test case results">
        {cases.map((c, i) => {
          const ok = c.test?.verdict === 'ACCEPTED';
          return (
            <button
              key={i}
              type="button"
              role="tab"
              aria-selected={i === active}
              className={`case-tab${i === active ? ' active' : ''}`}
              onClick={() => setActive(i)}
              data-testid={`case-result-${i}`}
              data-verdict={c.test?.verdict ?? ''}
            >
              <span className={`dot ${c.test ? (ok ? 'ok' : 'bad') : 'muted'}`} aria-hidden="true" />
              {c.label}
              <span className="sr-only">{c.test ? verdictLabel(c.test.verdict) : 'not run'}</span>
            </button>
          );
        })}
      </div>
      {current?.test ? <TestDetails test={current.test} /> : <p className="muted">Not run.</p>}
    </div>
  );
}

export function TestDetails({
  test,
  title,
  onUseAsCase,
}: {
  test: TestResult;
  title?: string;
  onUseAsCase?: UseAsCase;
}) {
  const input = test.input;
  return (
    <div className="test-details" data-testid={title ? 'failing-test' : undefined}>
      {title ? (
        <h3 className="small-heading">
          {title} <span className="muted">#{test.index + 1}</span>
          {test.source === 'hidden' ? <span className="muted"> (hidden)</span> : null}
        </h3>
      ) : null}
      {test.verdict !== 'ACCEPTED' ? (
        <p className={`small-text tone-${verdictTone(test.verdict)}`}>{verdictLabel(test.verdict)}</p>
      ) : null}
      {test.message ? <OutputBlock title="Message" text={test.message} tone="bad" /> : null}
      {input !== undefined ? <OutputBlock title="Input" text={input} testId="failing-input" /> : null}
      {input !== undefined && onUseAsCase && test.source !== 'custom' && onUseAsCase.accepts(input) ? (
        <button
          type="button"
          className="ghost small"
          onClick={() => onUseAsCase.use(input)}
          data-testid="use-as-case"
        >
          ＋ Use this input as a test case
        </button>
      ) : null}
      {test.actual !== undefined ? (
        <OutputBlock
          title="Output"
          text={test.actual}
          tone={test.verdict === 'ACCEPTED' ? undefined : 'bad'}
          testId="actual-output"
        />
      ) : null}
      {test.expected !== undefined ? (
        <OutputBlock title="Expected" text={test.expected} tone="ok" testId="expected-output" />
      ) : null}
    </div>
  );
}

function OutputBlock({
  title,
  text,
  tone,
  testId,
}: {
  title: string;
  text: string;
  tone?: 'ok' | 'bad';
  testId?: string;
}) {
  return (
    <div className="output-block">
      <span className="block-label">{title}</span>
      <pre className={`block-pre${tone ? ` tone-border-${tone}` : ''}`} data-testid={testId}>
        {text}
      </pre>
    </div>
  );
}

function CompileOutput({ text, onJumpToLine }: { text: string; onJumpToLine(line: number): void }) {
  const lines = text.split('\n');
  const byLine = new Map(parseDiagnostics(text).map((d) => [d.line, d]));
  return (
    <div className="output-block">
      <span className="block-label">Compiler output</span>
      <pre className="block-pre compile-output" data-testid="compile-output">
        {lines.map((line, i) => {
          const match = /:(\d+):(?:\d+:)?/.exec(line) ?? /line (\d+)/.exec(line);
          const target = match ? Number(match[1]) : null;
          return (
            <div key={i} className="compile-line">
              {target !== null && byLine.has(target) ? (
                <button type="button" className="line-link" onClick={() => onJumpToLine(target)}>
                  Line {target}
                </button>
              ) : null}
              {line}
            </div>
          );
        })}
      </pre>
    </div>
  );
}
