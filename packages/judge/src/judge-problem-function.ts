/**
 * Judges a function problem: one harness program (the user's code + a generated `main`) runs all
 * tests in one process under the problem's overall limits, handed over one at a time. Each answer is
 * compared here, in the worker (expected answers never enter the sandbox), as it comes; a submission
 * stops at its first failing test.
 */
import type { Verdict } from '@arbiter/contracts';
import {
  buildHarness,
  formatArgs,
  formatValue,
  judgeAnswer,
  messageOf,
  parseCustomInput,
  type FunctionProblem,
  type FunctionTest,
} from '@arbiter/problems';
import type { Sandbox } from '@arbiter/sandbox';
import { compileProgram, type CompileContext } from './compile-step.js';
import type { HarnessRecord, ProtocolBreach } from './harness-conversation.js';
import { runHarness, type FinishedRun } from './harness-run.js';
import { compileErrorOutcome, firstFailure, shown, tail } from './judge-problem-outcome.js';
import { referenceAnswers } from './judge-problem-reference.js';
import {
  InvalidTestInputError,
  type ProblemHooks,
  type ProblemJob,
  type ProblemOutcome,
  type ProblemTest,
  type TestSource,
} from './judge-problem-types.js';

interface Case {
  test: FunctionTest;
  source: TestSource;
}

/** The tests of this mode; custom inputs' expected answers are filled in later (`undefined` until then). */
function casesOf(job: ProblemJob, problem: FunctionProblem): Case[] {
  const samples = problem.samples.map((test): Case => ({ test, source: 'sample' }));
  if (job.mode === 'submit') {
    return [...samples, ...problem.hidden.map((test): Case => ({ test, source: 'hidden' }))];
  }
  const custom = (job.customInputs ?? []).map((text, i): Case => {
    const parsed = parseCustomInput(problem.signature, text);
    if (!parsed.ok) {
      const detail = parsed.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
      throw new InvalidTestInputError(`custom test ${i + 1}: ${detail}`);
    }
    return { test: { args: parsed.value, expected: undefined }, source: 'custom' };
  });
  return [...samples, ...custom];
}

export async function judgeFunctionProblem(
  job: ProblemJob,
  problem: FunctionProblem,
  sandbox: Sandbox,
  hooks: ProblemHooks,
  context: CompileContext,
): Promise<ProblemOutcome> {
  const cases = casesOf(job, problem);
  const harness = buildHarness(problem, job.language, job.code);
  const compiled = await compileProgram(
    job.language,
    harness.code,
    sandbox,
    { onLog: hooks.onLog, signal: hooks.signal, onStep: hooks.onStep },
    context,
  );
  if (!compiled.ok) return compileErrorOutcome(compiled.compileOutput, cases.length);

  const custom = cases.filter((c) => c.source === 'custom');
  const answers = await referenceAnswers(
    problem,
    custom.map((c) => c.test.args),
    sandbox,
    { limits: job.limits, signal: hooks.signal, context },
  );
  custom.forEach((c, i) => (c.test = { ...c.test, expected: answers[i] }));

  const live = job.mode === 'run'; // a submission's prints may reveal hidden inputs: not streamed
  const submit = job.mode === 'submit';
  const tests: ProblemTest[] = [];
  const prints: string[] = [];
  const report = (test: ProblemTest) => {
    const printed = prints[test.index] ?? '';
    if (test.input !== undefined && printed !== '') test.stdout = shown(printed);
    tests.push(test);
    hooks.onTest?.(test);
  };
  const result = await runHarness(
    compiled.program,
    cases.map((c) => c.test.args),
    sandbox,
    {
      limits: job.limits,
      signal: hooks.signal,
      onStep: hooks.onStep,
      onStdout: (text, test) => {
        prints[test] = (prints[test] ?? '') + text;
        if (live) hooks.onLog?.('stdout', text);
      },
      onStderr: (text) => live && hooks.onLog?.('stderr', text),
      onRecord: (record) => {
        const c = cases[record.index];
        if (c === undefined) return 'stop';
        const test = judgeRecord(problem, c, record, submit);
        report(test);
        // After an error record the harness exits by itself (with its exit code).
        return submit && test.verdict === 'WRONG_ANSWER' ? 'stop' : undefined;
      },
    },
  );
  if (result.compileError !== null) {
    hooks.onLog?.('compile', result.compileError);
    return compileErrorOutcome(result.compileError, cases.length);
  }

  const { run, records, stopped, breach } = result;
  const lastWasError = records.at(-1)?.status === 'error';
  // The process ended (or was ended for breaking the protocol) before the next test answered: that test
  // gets the run's verdict.
  const next = cases[records.length];
  if (!stopped && !lastWasError && next !== undefined) {
    report(withData(problem, next, unfinishedTest(records.length, next, run, breach), submit));
  }
  const failedTest = firstFailure(tests);
  // Ran every test but failed afterwards (e.g. crashed at exit): the run's verdict stands.
  const verdict: Verdict = failedTest?.verdict ?? (stopped ? 'ACCEPTED' : run.verdict);
  return {
    verdict,
    passed: tests.filter((t) => t.verdict === 'ACCEPTED').length,
    total: cases.length,
    failedTest,
    tests,
    stdout: live ? prints.join('') : failedTest ? (prints[failedTest.index] ?? '') : '',
    stderr: live || verdict === 'RUNTIME_ERROR' ? tail(run.stderr) : '',
    compileOutput: compiled.program.compileOutput,
    timeMs: run.report.cpuMs,
    wallTimeMs: run.report.wallMs,
    memoryKb: run.report.memoryKb,
    exitCode: run.report.exitCode,
    signal: run.report.signal,
  };
}

/** A test's result from its harness record. Hidden tests show their data only when they fail a submission. */
function judgeRecord(problem: FunctionProblem, c: Case, record: HarnessRecord, submit: boolean): ProblemTest {
  const base = {
    index: record.index,
    source: c.source,
    timeMs: record.timeMs,
    memoryKb: record.memoryKb,
  };
  if (record.status === 'error') {
    return withData(
      problem,
      c,
      { ...base, verdict: 'RUNTIME_ERROR', message: shown(messageOf(record.payload)) },
      submit,
    );
  }
  const answer = judgeAnswer(problem, c.test, record.payload);
  const test: ProblemTest = { ...base, verdict: answer.ok ? 'ACCEPTED' : 'WRONG_ANSWER' };
  if (!answer.ok && answer.reason !== undefined) test.message = answer.reason;
  const actual =
    answer.actual === undefined
      ? shown(record.payload)
      : formatValue(problem.signature.returns, answer.actual);
  return withData(problem, c, test, submit, actual);
}

function unfinishedTest(
  index: number,
  c: Case,
  run: FinishedRun,
  breach: ProtocolBreach | null,
): ProblemTest {
  if (breach !== null) {
    return {
      index,
      source: c.source,
      verdict: breach.kind === 'output' ? 'OUTPUT_LIMIT_EXCEEDED' : 'RUNTIME_ERROR',
      message: breach.message,
      timeMs: run.report.cpuMs,
      memoryKb: run.report.memoryKb,
    };
  }
  const verdict: Verdict = run.verdict === 'ACCEPTED' ? 'RUNTIME_ERROR' : run.verdict;
  const test: ProblemTest = {
    index,
    source: c.source,
    verdict,
    timeMs: run.report.cpuMs,
    memoryKb: run.report.memoryKb,
  };
  if (verdict === 'RUNTIME_ERROR') {
    test.message =
      run.verdict === 'ACCEPTED'
        ? 'the program exited before the method returned'
        : tail(run.stderr.trim(), 2_000) || `exit code ${run.report.exitCode}`;
  }
  return test;
}

function withData(
  problem: FunctionProblem,
  c: Case,
  test: ProblemTest,
  submit: boolean,
  actual?: string,
): ProblemTest {
  const shownTest = c.source !== 'hidden' || (submit && test.verdict !== 'ACCEPTED');
  if (!shownTest) return test;
  test.input = formatArgs(problem.signature.params, c.test.args);
  test.expected = formatValue(problem.signature.returns, c.test.expected);
  if (actual !== undefined) test.actual = actual;
  return test;
}
