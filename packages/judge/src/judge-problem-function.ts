/**
 * Judges a function problem: one harness program (the user's code + a generated `main`) runs all
 * tests in one process under the problem's overall limits, handed over one at a time. Each answer is
 * compared here, in the worker (expected answers never enter the sandbox), as it comes; a submission
 * stops at its first failing test. A run (samples and custom inputs) goes on past a failure, as on
 * LeetCode: after a wrong answer in the same process, after a crash (the process is gone) in a fresh
 * one for the tests left; a time or memory limit still ends it (each further process could take as
 * long again).
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
  const finished: FinishedRun[] = [];
  let stopped = false;
  // `from`: the first test of this process; a run after a crash starts a fresh one at the next test.
  for (let from = 0; from < cases.length; from = tests.length) {
    const batch = cases.slice(from);
    const first = from;
    const result = await runHarness(
      compiled.program,
      batch.map((c) => c.test.args),
      sandbox,
      {
        limits: job.limits,
        signal: hooks.signal,
        onStep: hooks.onStep,
        onStdout: (text, test) => {
          prints[first + test] = (prints[first + test] ?? '') + text;
          if (live) hooks.onLog?.('stdout', text);
        },
        onStderr: (text) => live && hooks.onLog?.('stderr', text),
        onRecord: (record) => {
          const c = batch[record.index];
          if (c === undefined) return 'stop';
          const test = judgeRecord(problem, c, { ...record, index: first + record.index }, submit);
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
    const { run, records, breach } = result;
    stopped = result.stopped;
    finished.push(run);
    const lastWasError = records.at(-1)?.status === 'error';
    // The process ended (or was ended for breaking the protocol) before the next test answered: that
    // test gets the run's verdict.
    const next = batch[records.length];
    if (!stopped && !lastWasError && next !== undefined) {
      report(withData(problem, next, unfinishedTest(first + records.length, next, run, breach), submit));
    }
    const last = tests.at(-1);
    if (submit || stopped || last === undefined || last.verdict !== 'RUNTIME_ERROR') break;
    if (tests.length === from) break; // nothing answered: the same would happen again
  }
  const run = finished.at(-1);
  if (run === undefined) throw new Error('a function problem ran no harness process');
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
    stderr: live || verdict === 'RUNTIME_ERROR' ? tail(finished.map((each) => each.stderr).join('')) : '',
    compileOutput: compiled.program.compileOutput,
    // At least what the readings taken with the tests' answers saw: a final reading can come back lower (the
    // development runner samples /proc on a timer, so a run shorter than its first sample reads 0), and a
    // peak cannot fall.
    timeMs: Math.max(
      finished.reduce((sum, each) => sum + each.report.cpuMs, 0),
      tests.reduce((sum, each) => sum + each.timeMs, 0),
    ),
    wallTimeMs: finished.reduce((sum, each) => sum + each.report.wallMs, 0),
    memoryKb: Math.max(
      ...finished.map((each) => each.report.memoryKb),
      ...tests.map((each) => each.memoryKb),
    ),
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
