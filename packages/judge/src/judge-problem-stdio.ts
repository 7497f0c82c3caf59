/**
 * Judges a stdio problem: the program is compiled once and run once per test (stdio programs
 * read all of stdin), each run under the problem's limits; the output must match token by token.
 * A submission stops at its first failing test.
 */
import type { Verdict } from '@arbiter/contracts';
import { clip, type StdioProblem, type StdioTest } from '@arbiter/problems';
import type { Sandbox } from '@arbiter/sandbox';
import { sameTokens } from './compare-output.js';
import { compileProgram, type CompileContext } from './compile-step.js';
import { compileErrorOutcome, firstFailure, tail } from './judge-problem-outcome.js';
import { referenceOutputs } from './judge-problem-reference.js';
import type {
  ProblemHooks,
  ProblemJob,
  ProblemOutcome,
  ProblemTest,
  TestSource,
} from './judge-problem-types.js';
import { runProgram, type RunOutcome } from './run-step.js';

interface Case {
  test: StdioTest;
  source: TestSource;
}

export async function judgeStdioProblem(
  job: ProblemJob,
  problem: StdioProblem,
  sandbox: Sandbox,
  hooks: ProblemHooks,
  context: CompileContext,
): Promise<ProblemOutcome> {
  const submit = job.mode === 'submit';
  const custom = submit ? [] : (job.customInputs ?? []);
  const total = problem.samples.length + (submit ? problem.hidden.length : custom.length);
  const compiled = await compileProgram(
    job.language,
    job.code,
    sandbox,
    { onLog: hooks.onLog, signal: hooks.signal, onStep: hooks.onStep },
    context,
    job.files === undefined ? {} : { files: job.files },
  );
  if (!compiled.ok) return compileErrorOutcome(compiled.compileOutput, total);

  const outputs = await referenceOutputs(problem, custom, sandbox, {
    limits: job.limits,
    signal: hooks.signal,
    context,
  });
  const cases: Case[] = [
    ...problem.samples.map((test): Case => ({ test, source: 'sample' })),
    ...(submit
      ? problem.hidden.map((test): Case => ({ test, source: 'hidden' }))
      : custom.map((input, i): Case => ({ test: { input, output: outputs[i] ?? '' }, source: 'custom' }))),
  ];

  const tests: ProblemTest[] = [];
  let last: Extract<RunOutcome, { compileError: false }> | null = null;
  let cpuMs = 0;
  let wallMs = 0;
  let memoryKb = 0;
  for (const [index, c] of cases.entries()) {
    const run = await runProgram(compiled.program, sandbox, {
      stdin: c.test.input,
      limits: job.limits,
      signal: hooks.signal,
      onStep: hooks.onStep,
      // A submission's output may reveal hidden inputs: not streamed.
      onLog: submit ? undefined : hooks.onLog,
    });
    if (run.compileError) {
      hooks.onLog?.('compile', run.compileOutput);
      return compileErrorOutcome(run.compileOutput, total);
    }
    last = run;
    cpuMs += run.report.cpuMs;
    wallMs += run.report.wallMs;
    memoryKb = Math.max(memoryKb, run.report.memoryKb);
    let verdict: Verdict = run.verdict;
    if (verdict === 'ACCEPTED' && !sameTokens(run.stdout, c.test.output)) verdict = 'WRONG_ANSWER';
    const test: ProblemTest = {
      index,
      source: c.source,
      verdict,
      timeMs: run.report.cpuMs,
      memoryKb: run.report.memoryKb,
    };
    if (verdict === 'RUNTIME_ERROR') test.message = tail(run.stderr.trim(), 2_000);
    if (c.source !== 'hidden' || verdict !== 'ACCEPTED') {
      test.input = clip(c.test.input);
      test.expected = clip(c.test.output);
      test.actual = clip(run.stdout);
    }
    tests.push(test);
    hooks.onTest?.(test);
    if (submit && verdict !== 'ACCEPTED') break;
  }

  const failedTest = firstFailure(tests);
  const verdict = failedTest?.verdict ?? 'ACCEPTED';
  return {
    verdict,
    passed: tests.filter((t) => t.verdict === 'ACCEPTED').length,
    total,
    failedTest,
    tests,
    stdout: last?.stdout ?? '',
    stderr: !submit || verdict === 'RUNTIME_ERROR' ? tail(last?.stderr ?? '') : '',
    compileOutput: compiled.program.compileOutput,
    timeMs: cpuMs,
    wallTimeMs: wallMs,
    memoryKb,
    exitCode: last?.report.exitCode ?? null,
    signal: last?.report.signal ?? null,
  };
}
