'use client';
// The console under the editor: test-case tabs (samples plus custom inputs) and the result tab with
// live status, queue position, streamed output and the verdict panel.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ProblemDetail } from '@arbiter/contracts';
import type { JobState } from '../../lib/use-job';
import { VerdictPanel, type CaseResultRef, type UseAsCase } from './verdict-panel';

export interface TestCase {
  id: number;
  input: string;
  /** Index of the example it was prefilled from, or null for a custom case. */
  example: number | null;
}

interface ConsolePanelProps {
  problem: ProblemDetail;
  tab: 'cases' | 'result';
  onTab(tab: 'cases' | 'result'): void;
  cases: TestCase[];
  activeCase: number;
  onActiveCase(index: number): void;
  onCaseInput(index: number, input: string): void;
  onAddCase(): void;
  onRemoveCase(index: number): void;
  /** A custom input the API refused, shown beside that input. */
  caseError: { index: number; message: string } | null;
  job: JobState;
  caseResults: CaseResultRef[];
  onJumpToLine(line: number): void;
  /** Adds the failing test's input (as shown) to the test cases. */
  onUseAsCase: UseAsCase;
}

const MAX_CASES = 20;

export function ConsolePanel(props: ConsolePanelProps) {
  const { problem, tab, onTab, job } = props;
  return (
    <section className="console" aria-label="Console">
      <div className="console-tabs" role="tablist" aria-label="Console">
        <button
          type="button"
          role="tab"
          id="tab-cases"
          aria-selected={tab === 'cases'}
          aria-controls="panel-cases"
          className={`console-tab${tab === 'cases' ? ' active' : ''}`}
          onClick={() => onTab('cases')}
        >
          Testcase
        </button>
        <button
          type="button"
          role="tab"
          id="tab-result"
          aria-selected={tab === 'result'}
          aria-controls="panel-result"
          className={`console-tab${tab === 'result' ? ' active' : ''}`}
          onClick={() => onTab('result')}
          data-testid="result-tab"
        >
          Test Result
          {job.phase === 'queued' || job.phase === 'running' || job.phase === 'sending' ? (
            <span className="spinner" aria-hidden="true" />
          ) : null}
        </button>
      </div>
      <div className="console-body">
        {tab === 'cases' ? (
          <div role="tabpanel" id="panel-cases" aria-labelledby="tab-cases">
            <CaseEditor {...props} />
          </div>
        ) : (
          <div role="tabpanel" id="panel-result" aria-labelledby="tab-result" aria-live="polite">
            <ResultView {...props} slug={problem.slug} />
          </div>
        )}
      </div>
    </section>
  );
}

function CaseEditor({
  problem,
  cases,
  activeCase,
  onActiveCase,
  onCaseInput,
  onAddCase,
  onRemoveCase,
  caseError,
}: ConsolePanelProps) {
  const current = cases[activeCase];
  const error = caseError !== null && caseError.index === activeCase ? caseError.message : null;
  const params = problem.signature?.params ?? [];
  return (
    <div className="case-editor">
      <div className="case-tabs">
        {/* A tablist holds tabs only: the remove button of the chosen case follows it. */}
        <div className="case-tab-list" role="tablist" aria-label="Test cases">
          {cases.map((c, i) => (
            <span key={c.id} className={`case-tab-wrap${i === activeCase ? ' active' : ''}`}>
              <button
                type="button"
                role="tab"
                aria-selected={i === activeCase}
                className={`case-tab${i === activeCase ? ' active' : ''}${caseError?.index === i ? ' invalid' : ''}`}
                onClick={() => onActiveCase(i)}
                data-testid={`case-tab-${i}`}
              >
                Case {i + 1}
              </button>
            </span>
          ))}
        </div>
        {current !== undefined && current.example === null ? (
          <button
            type="button"
            className="case-remove"
            aria-label={`Remove case ${activeCase + 1}`}
            title="Remove this case"
            onClick={() => onRemoveCase(activeCase)}
          >
            ×
          </button>
        ) : null}
        {cases.length < MAX_CASES ? (
          <button
            type="button"
            className="case-add"
            onClick={onAddCase}
            aria-label="Add a test case"
            title="Add a test case"
            data-testid="add-case"
          >
            +
          </button>
        ) : null}
      </div>
      {current ? (
        <label className="field stacked">
          <span className="block-label">
            {problem.kind === 'function' && params.length > 0
              ? `Input — one JSON value per line: ${params.map((p) => p.name).join(', ')}`
              : 'Input (stdin)'}
          </span>
          <textarea
            className="case-input"
            spellCheck={false}
            value={current.input}
            rows={Math.max(3, current.input.split('\n').length + 1)}
            onChange={(event) => onCaseInput(activeCase, event.target.value)}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? 'case-error' : undefined}
            data-testid="case-input"
          />
          {error !== null ? (
            <span
              id="case-error"
              className="case-error error small-text"
              role="alert"
              data-testid="case-error"
            >
              {error}
            </span>
          ) : null}
        </label>
      ) : null}
    </div>
  );
}

function ResultView({
  job,
  caseResults,
  onJumpToLine,
  onUseAsCase,
  slug,
}: ConsolePanelProps & { slug: string }) {
  const pathname = usePathname();
  if (job.needsSignIn) {
    return (
      <div className="empty-state" data-testid="sign-in-to-submit">
        <p>Sign in to submit your solution. You can run it against the examples without an account.</p>
        <div className="row">
          <Link className="button" href={`/login?next=${encodeURIComponent(pathname)}`}>
            Sign in
          </Link>
          <Link className="button ghost" href={`/signup?next=${encodeURIComponent(pathname)}`}>
            Create an account
          </Link>
        </div>
      </div>
    );
  }
  if (job.error && !job.result) return <p className="error">{job.error}</p>;
  if (job.phase === 'idle') {
    return <p className="muted empty-state">Run your code to see the results here.</p>;
  }
  if (job.phase !== 'done' || !job.result) {
    const passed = job.tests.filter((t) => t.verdict === 'ACCEPTED').length;
    return (
      <div className="pending" data-testid="job-status">
        <p className="pending-line">
          <span className="spinner" aria-hidden="true" />
          {job.phase === 'sending'
            ? 'Sending…'
            : job.phase === 'queued'
              ? job.position
                ? `In queue — position ${job.position}`
                : 'In queue…'
              : job.tests.length > 0
                ? `Running — ${passed} / ${job.tests.length} tests passed so far`
                : 'Running…'}
        </p>
        <LiveOutput job={job} />
      </div>
    );
  }
  return (
    <VerdictPanel
      result={job.result}
      slug={slug}
      logs={job.logs}
      cases={job.result.mode === 'run' ? caseResults : []}
      onJumpToLine={onJumpToLine}
      onUseAsCase={onUseAsCase}
    />
  );
}

export function LiveOutput({ job }: { job: JobState }) {
  if (job.logs.length === 0) return null;
  return (
    <pre className="block-pre live-output" data-testid="live-output">
      {job.logs.map((chunk, i) => (
        <span key={i} className={`log-${chunk.stream}`}>
          {chunk.text}
        </span>
      ))}
    </pre>
  );
}
