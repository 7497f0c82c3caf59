'use client';
// The problem workspace: statement | editor over console, in resizable panes (on a narrow screen, tabs
// Description / Code / Result under a bar with Run and Submit). The draft is kept per problem and
// language, the test cases per problem; Ctrl/Cmd+Enter runs, Ctrl/Cmd+' submits. Inside a contest
// (`contest`), submits count for it and the statement pane leads back to the contest, with the time left.
import Link from 'next/link';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LanguageInfo, ProblemDetail } from '@arbiter/contracts';
import { api, ApiError } from '../../lib/api';
import { parseDiagnostics } from '../../lib/compile-errors';
import { loadCases, saveCases } from '../../lib/custom-cases';
import { clearDraft, loadDraft, loadLanguage, saveDraft, saveLanguage } from '../../lib/drafts';
import { languageName } from '../../lib/format';
import { LanguageSelect } from '../language-select';
import { useJob } from '../../lib/use-job';
import { useNarrow } from '../../lib/use-narrow';
import { useAuth } from '../auth-context';
import { CodeEditor } from '../code-editor';
import { EditorSettingsButton } from '../editor-settings-dialog';
import { FormatButton } from '../format-button';
import { SplitPane } from '../split-pane';
import { failingInputAsCase } from '../../lib/failing-case';
import { ContestBar, type WorkspaceContest } from './contest-bar';
import { ConsolePanel, type TestCase } from './console-panel';
import { ProblemNav } from './problem-nav';
import { ProblemSolutions } from './problem-solutions';
import { ProblemSubmissions } from './problem-submissions';
import { Statement } from './statement';
import type { RenderedStatement } from '../../lib/statement-body';
import type { CaseResultRef } from './verdict-panel';

/** How each test-case tab maps to a test of the last run: the n-th sample or the n-th custom input. */
type CaseSource = { source: 'sample' | 'custom'; n: number };

/** The panes of the narrow layout, one at a time. */
type Pane = 'description' | 'code' | 'result';
const PANES: { id: Pane; label: string }[] = [
  { id: 'description', label: 'Description' },
  { id: 'code', label: 'Code' },
  { id: 'result', label: 'Result' },
];

/** The API names a custom input it refused as `tests.<n>: <why>` (n: its place among the custom inputs sent). */
function customInputError(message: string): { n: number; why: string } | null {
  const match = /^tests\.(\d+): ([\s\S]*)$/.exec(message);
  return match ? { n: Number(match[1]), why: match[2] ?? '' } : null;
}

/** The tabs of the statement pane. */
type SideTab = 'description' | 'submissions' | 'solutions';
const SIDE_TABS: { id: SideTab; label: string }[] = [
  { id: 'description', label: 'Description' },
  { id: 'submissions', label: 'Submissions' },
  { id: 'solutions', label: 'Solutions' },
];

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Workspace({
  slug,
  contest,
  statement,
}: {
  slug: string;
  contest?: WorkspaceContest;
  /** The statement as the server rendered it, if it did (else it is rendered here). */
  statement?: RenderedStatement;
}) {
  const { user } = useAuth();
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [language, setLanguage] = useState<string>('python');
  const [code, setCode] = useState('');
  const [cases, setCases] = useState<TestCase[]>([]);
  const [activeCase, setActiveCase] = useState(0);
  const [tab, setTab] = useState<'cases' | 'result'>('cases');
  const [revealLine, setRevealLine] = useState<{ line: number; nonce: number } | null>(null);
  const [mapping, setMapping] = useState<CaseSource[]>([]);
  const [pane, setPane] = useState<Pane>('description');
  const [sideTab, setSideTab] = useState<SideTab>('description');
  /** The last submit finished on this page, so the Submissions tab fetches again. */
  const [lastSubmit, setLastSubmit] = useState<string | null>(null);
  /** A custom input the API refused: which tab, and why. */
  const [caseError, setCaseError] = useState<{ index: number; message: string } | null>(null);
  const nextCaseId = useRef(1000);
  const { state: job, start, reset: resetJob, busy } = useJob();
  const narrow = useNarrow();
  // What the live workers offer (their self-tests passed); null: not known, or no worker up (all are listed).
  const [offered, setOffered] = useState<ReadonlySet<string> | null>(null);

  useEffect(() => {
    api
      .get<LanguageInfo[]>('/languages')
      .then((list) => setOffered(list.length > 0 ? new Set(list.map((info) => info.id)) : null))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    let cancelled = false;
    api
      .get<ProblemDetail>(`/problems/${slug}`)
      .then((detail) => {
        if (cancelled) return;
        // The whole workspace renders now: as a transition, which React renders in slices that leave the
        // main thread free in between (one long task otherwise, on a slow phone).
        startTransition(() => {
          setProblem(detail);
          const saved = loadLanguage(slug);
          const lang =
            saved && detail.languages.includes(saved as never)
              ? saved
              : detail.languages.includes('python')
                ? 'python'
                : (detail.languages[0] ?? 'python');
          setLanguage(lang);
          setCode(loadDraft(slug, lang) ?? detail.starterCode[lang as keyof typeof detail.starterCode] ?? '');
          const stored = loadCases(detail.slug);
          setCases(
            stored
              ? stored
                  .filter((c) => c.example === null || c.example < detail.examples.length)
                  .map((c, i) => ({ id: i, input: c.input, example: c.example }))
              : detail.examples.map((example, i) => ({ id: i, input: example.testInput, example: i })),
          );
        });
      })
      .catch((caught: unknown) =>
        setLoadError(
          caught instanceof ApiError && caught.status === 404
            ? `There is no problem called "${slug}".`
            : caught instanceof Error
              ? caught.message
              : String(caught),
        ),
      );
    return () => {
      cancelled = true;
    };
  }, [slug]);

  // The cases are kept as edited, so a reload shows them again.
  useEffect(() => {
    if (problem && cases.length > 0) saveCases(problem.slug, cases);
  }, [problem, cases]);

  // An accepted submit marks the problem solved at once (a failed one: attempted), as a reload would show.
  const finished = job.result;
  useEffect(() => {
    if (!finished || finished.mode !== 'submit' || finished.status !== 'completed') return;
    setLastSubmit(finished.jobId);
    setProblem((current) =>
      current === null || current.slug !== finished.problem
        ? current
        : {
            ...current,
            status: finished.verdict === 'ACCEPTED' || current.status === 'solved' ? 'solved' : 'attempted',
          },
    );
  }, [finished]);

  // A refused custom input is shown beside that input, under its own tab's name.
  const refused = job.error;
  useEffect(() => {
    if (refused === null) return;
    const found = customInputError(refused);
    if (found === null) return;
    const index = mapping.findIndex((m) => m.source === 'custom' && m.n === found.n);
    if (index < 0) return;
    setCaseError({ index, message: `Case ${index + 1}: ${found.why}` });
    setActiveCase(index);
    setTab('cases');
    setPane('result');
    resetJob();
  }, [refused, mapping, resetJob]);

  const template = problem?.starterCode[language as keyof ProblemDetail['starterCode']] ?? '';

  const changeCode = (next: string) => {
    setCode(next);
    saveDraft(slug, language, next);
  };

  const pickLanguage = (next: string) => {
    // The last result was for the other language's code: it goes with it.
    resetJob();
    setLanguage(next);
    saveLanguage(slug, next);
    setCode(loadDraft(slug, next) ?? problem?.starterCode[next as keyof ProblemDetail['starterCode']] ?? '');
  };

  const resetCode = () => {
    if (code !== template && !window.confirm('Replace your code with the starting template?')) return;
    clearDraft(slug, language);
    setCode(template);
  };

  // Refs so the keyboard shortcuts always act on the latest code.
  const contestId = contest?.id;
  const latest = useRef({ code, language, cases, problem, busy, contestId });
  latest.current = { code, language, cases, problem, busy, contestId };

  const run = useCallback(() => {
    const { code: source, language: lang, cases: all, problem: detail, busy: working } = latest.current;
    if (!detail || working) return;
    const custom: string[] = [];
    const map: CaseSource[] = all.map((c) => {
      const example = c.example === null ? undefined : detail.examples[c.example];
      if (example && example.testInput === c.input && c.example !== null)
        return { source: 'sample', n: c.example };
      custom.push(c.input);
      return { source: 'custom', n: custom.length - 1 };
    });
    setMapping(map);
    setCaseError(null);
    setTab('result');
    setPane('result');
    void start({
      language: lang,
      code: source,
      problem: detail.slug,
      mode: 'run',
      ...(custom.length > 0 ? { tests: custom } : {}),
    });
  }, [start]);

  const submit = useCallback(() => {
    const {
      code: source,
      language: lang,
      problem: detail,
      busy: working,
      contestId: inContest,
    } = latest.current;
    if (!detail || working) return;
    setTab('result');
    setPane('result');
    void start({
      language: lang,
      code: source,
      problem: detail.slug,
      mode: 'submit',
      ...(inContest === undefined ? {} : { contestId: inContest }),
    });
  }, [start]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key === 'Enter') run();
      else if (event.key === "'") submit();
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [run, submit]);

  const result = job.result;
  const diagnostics = useMemo(
    () =>
      result?.verdict === 'COMPILE_ERROR' ? parseDiagnostics(result.compileOutput || result.stderr) : [],
    [result],
  );

  const caseResults: CaseResultRef[] = useMemo(() => {
    if (!result || result.mode !== 'run') return [];
    const samples = result.tests.filter((t) => t.source !== 'custom');
    const customs = result.tests.filter((t) => t.source === 'custom');
    return mapping.map((m, i) => ({
      label: `Case ${i + 1}`,
      test: m.source === 'sample' ? samples[m.n] : customs[m.n],
    }));
  }, [result, mapping]);

  if (loadError) {
    return (
      <div className="page narrow empty">
        <h1>Problem not found</h1>
        <p className="muted">{loadError}</p>
        <Link href="/problems" className="button">
          Browse problems
        </Link>
      </div>
    );
  }
  if (!problem) return <div className="page muted">Loading problem…</div>;

  const mod = isMac() ? '⌘' : 'Ctrl';
  const actions = (
    <>
      <button
        type="button"
        className="secondary"
        onClick={run}
        disabled={busy}
        title={`Run on the test cases (${mod}+Enter)`}
        data-testid="run"
      >
        ▶ Run
      </button>
      <button
        type="button"
        className="success"
        onClick={submit}
        disabled={busy}
        title={`Submit against every test (${mod}+')`}
        data-testid="submit"
      >
        Submit
      </button>
    </>
  );
  const statementPane = (
    <section className="pane statement-pane" aria-label="Problem">
      {contest ? (
        <ContestBar contest={contest} />
      ) : (
        <div className="statement-bar">
          <Link href="/problems" className="back-link small-text">
            ← All problems
          </Link>
          <ProblemNav slug={problem.slug} />
        </div>
      )}
      <div className="side-tabs" role="tablist" aria-label="Problem">
        {SIDE_TABS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`side-tab-${item.id}`}
            aria-selected={sideTab === item.id}
            aria-controls={`side-${item.id}`}
            className={`console-tab${sideTab === item.id ? ' active' : ''}`}
            onClick={() => setSideTab(item.id)}
            data-testid={`side-tab-${item.id}`}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`side-${sideTab}`} aria-labelledby={`side-tab-${sideTab}`}>
        {sideTab === 'description' ? (
          <Statement problem={problem} {...(statement ? { rendered: statement } : {})} />
        ) : sideTab === 'submissions' ? (
          <ProblemSubmissions slug={problem.slug} latest={lastSubmit} />
        ) : (
          <ProblemSolutions problem={problem} preferred={language} />
        )}
      </div>
    </section>
  );
  const editorPane = (
    <section className="pane editor-pane" aria-label="Code">
      <div className="editor-toolbar">
        <LanguageSelect
          value={language}
          options={problem.languages
            .filter((id) => offered === null || offered.has(id) || id === language)
            .map((id) => ({ id, label: languageName(id) }))}
          onChange={pickLanguage}
        />
        <button
          type="button"
          className="ghost small"
          onClick={resetCode}
          title="Replace the code with the starting template"
        >
          ↺ Reset
        </button>
        <FormatButton code={code} language={language} onFormatted={changeCode} />
        <EditorSettingsButton />
        {narrow ? null : (
          <>
            <span className="toolbar-spacer" />
            {actions}
          </>
        )}
      </div>
      <CodeEditor
        value={code}
        language={language}
        onChange={changeCode}
        diagnostics={diagnostics}
        revealLine={revealLine}
        label={`Code editor, ${languageName(language)}`}
      />
      {user === null ? (
        <p className="editor-note small-text muted">
          You can run without an account; <Link href={`/login?next=/problems/${slug}`}>sign in</Link> to
          submit.
        </p>
      ) : null}
    </section>
  );
  const consolePanel = (
    <ConsolePanel
      problem={problem}
      tab={tab}
      onTab={setTab}
      cases={cases}
      activeCase={activeCase}
      onActiveCase={setActiveCase}
      onCaseInput={(index, input) => {
        setCases((all) => all.map((c, i) => (i === index ? { ...c, input } : c)));
        if (caseError?.index === index) setCaseError(null);
      }}
      onAddCase={() => {
        const base = cases[activeCase]?.input ?? cases[0]?.input ?? '';
        setCases((all) => [...all, { id: nextCaseId.current++, input: base, example: null }]);
        setActiveCase(cases.length);
        setTab('cases');
      }}
      onRemoveCase={(index) => {
        setCases((all) => all.filter((_, i) => i !== index));
        setActiveCase((current) => Math.max(0, current >= index ? current - 1 : current));
        setCaseError(null);
      }}
      caseError={caseError}
      job={job}
      caseResults={caseResults}
      onJumpToLine={(line) => {
        setRevealLine({ line, nonce: Date.now() });
        setPane('code');
      }}
      onUseAsCase={{
        accepts: (shown) => failingInputAsCase(problem, shown) !== null,
        use: (shown) => {
          const input = failingInputAsCase(problem, shown);
          if (input === null) return;
          const existing = cases.findIndex((c) => c.input === input);
          if (existing < 0) {
            setCases((all) => [...all, { id: nextCaseId.current++, input, example: null }]);
            setActiveCase(cases.length);
          } else {
            setActiveCase(existing);
          }
          setTab('cases');
        },
      }}
    />
  );

  // The statement's title is the page's heading; while another tab hides it, a hidden copy stands in.
  const titleShown = sideTab === 'description' && (!narrow || pane === 'description');
  const hiddenTitle = titleShown ? null : <h1 className="sr-only">{problem.title}</h1>;

  if (narrow) {
    return (
      <div className="workspace workspace-tabs" data-testid="workspace" data-layout="tabs">
        {hiddenTitle}
        <div className="pane-bar">
          <div className="pane-tabs" role="tablist" aria-label="Workspace">
            {PANES.map((item) => (
              <button
                key={item.id}
                type="button"
                role="tab"
                id={`pane-tab-${item.id}`}
                aria-selected={pane === item.id}
                aria-controls={`pane-${item.id}`}
                className={`pane-tab${pane === item.id ? ' active' : ''}`}
                onClick={() => setPane(item.id)}
                data-testid={`pane-tab-${item.id}`}
              >
                {item.label}
              </button>
            ))}
          </div>
          <div className="pane-actions">{actions}</div>
        </div>
        {/* Every pane stays mounted (the editor keeps its state); only the chosen one is shown. */}
        {(
          [
            ['description', statementPane],
            ['code', editorPane],
            ['result', consolePanel],
          ] as const
        ).map(([id, content]) => (
          <div
            key={id}
            role="tabpanel"
            id={`pane-${id}`}
            aria-labelledby={`pane-tab-${id}`}
            className="pane-slot"
            hidden={pane !== id}
          >
            {content}
          </div>
        ))}
      </div>
    );
  }

  return (
    <div className="workspace" data-testid="workspace" data-layout="split">
      {hiddenTitle}
      <SplitPane
        direction="row"
        initial={42}
        min={22}
        max={70}
        storageKey="arbiter:split:main"
        label="Resize statement and editor"
        first={statementPane}
        second={
          <SplitPane
            direction="column"
            initial={62}
            min={25}
            max={85}
            storageKey="arbiter:split:editor"
            label="Resize editor and console"
            first={editorPane}
            second={consolePanel}
          />
        }
      />
    </div>
  );
}
