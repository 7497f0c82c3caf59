/**
 * Judges code against an imported problem package as the specification says: the program is compiled
 * once and run once per test case, samples first, then secret data, each group searched recursively in
 * file-name order (the order `readTestData` gives); each output goes to the package's output validator
 * (the default one with the case's flags, or the package's own, run in the sandbox). A `submit` of a
 * pass-fail problem stops at the first failing case, which decides the verdict; a scoring problem's submit
 * is judged group by group (`scoring-grader.ts`) and carries its score; a `run` judges the samples only.
 */
import type { EffectiveLimits, LanguageId, SubmissionMode } from '@arbiter/contracts';
import {
  defaultValidate,
  flagWords,
  fullFeedbackOf,
  parseValidatorFlags,
  type DefaultValidatorFlags,
  type ProblemPackage,
  type TestCase,
} from '@arbiter/problem-package';
import { clip } from '@arbiter/problems';
import type { Sandbox } from '@arbiter/sandbox';
import { compileProgram, type CompileContext } from './compile-step.js';
import { compileErrorOutcome, firstFailure, tail } from './judge-problem-outcome.js';
import type { ProblemHooks, ProblemOutcome, ProblemTest } from './judge-problem-types.js';
import { runProgram, type RunOutcome } from './run-step.js';
import { InfrastructureError } from './verdict.js';
import { caseWorkFiles } from './case-work-files.js';
import { runInteractiveCase } from './interactive-case.js';
import { packageGrader } from './custom-grader.js';
import { compileOutputValidator, runOutputValidator, type CompiledValidator } from './output-validator.js';
import { withIncludedCode } from './package-included-code.js';
import { caseScore, gradeTestData, type GradedTestData } from './scoring-grader.js';
import { aggregateTestData, caseRules, scoreCase } from './result-aggregation.js';
import { runPasses, type MultiPassResult, type PassResult } from './multi-pass.js';

/** A case of a problem that is not multi-pass: its one run, as the passes' shape. */
function singlePass(result: PassResult): MultiPassResult {
  const { report } = result.run;
  return {
    ...result,
    passes: 1,
    maxCpuMs: report.cpuMs,
    cpuMs: report.cpuMs,
    wallMs: report.wallMs,
    memoryKb: report.memoryKb,
  };
}

export interface PackageJob {
  pkg: ProblemPackage;
  language: LanguageId;
  code: string;
  /** `run`: the samples; `submit`: every case, stopping at the first failure. */
  mode: SubmissionMode;
  /** Per test case's process. */
  limits: EffectiveLimits;
  /** A multi-file submission's other files, beside the entry (`code`). */
  files?: Record<string, string | Uint8Array> | undefined;
  /**
   * A pass-fail `submit` judges every case instead of stopping at the first failure (the verdict is still
   * the first failure's): a verification whose `submissions.yaml` rules speak of every case needs them all.
   */
  everyCase?: boolean;
}

const decoder = new TextDecoder();

interface JudgedCase {
  test: ProblemTest;
}

/** The program turned out not to compile when it was run (languages compiled on their first run). */
class CompileErrorAtRun extends Error {
  constructor(readonly compileOutput: string) {
    super('compile error');
  }
}

function fileBytes(pkg: ProblemPackage, path: string): Buffer {
  const file = pkg.files.get(path);
  if (file === undefined) throw new InfrastructureError(`package file ${path} is missing`);
  return file.bytes;
}

/** The default validator's flags for one case: problem.yaml's, then its group's. */
function caseFlags(pkg: ProblemPackage, testCase: TestCase, memo: Map<string, DefaultValidatorFlags>) {
  const key = testCase.config.outputValidatorFlags;
  let flags = memo.get(key);
  if (flags === undefined) {
    flags = parseValidatorFlags([...flagWords(pkg.metadata.validatorFlags), ...flagWords(key)]);
    memo.set(key, flags);
  }
  return flags;
}

export async function judgePackageProblem(
  job: PackageJob,
  sandbox: Sandbox,
  hooks: ProblemHooks = {},
  context: CompileContext = {},
): Promise<ProblemOutcome> {
  const { pkg } = job;
  const submit = job.mode === 'submit';
  const cases = pkg.testData.cases.filter((c) => submit || c.sample);
  const total = cases.length;
  const scoring = submit && pkg.metadata.types.includes('scoring');
  // 2025-09's result aggregation replaces the legacy grading (and its graders) when it applies.
  const rules = scoring && pkg.resultAggregation ? caseRules(pkg.testData) : null;
  // The package's include/ code goes beside the submission's files (over any of the same name).
  const included = withIncludedCode(pkg, job.language, job.files);
  if (!included.ok) {
    hooks.onLog?.('compile', included.message);
    return compileErrorOutcome(included.message, total);
  }
  const compiled = await compileProgram(
    job.language,
    job.code,
    sandbox,
    { onLog: hooks.onLog, signal: hooks.signal, onStep: hooks.onStep },
    context,
    included.files === undefined ? {} : { files: included.files },
  );
  if (!compiled.ok) return compileErrorOutcome(compiled.compileOutput, total);

  // Interactive: the output validator is the interactor, run beside the submission on each case.
  const interactive = pkg.metadata.types.includes('interactive');
  let validator: CompiledValidator | null = null;
  if (pkg.validation === 'custom' || interactive) {
    validator = await compileOutputValidator(pkg, sandbox, { signal: hooks.signal }, context);
  }
  // Scoring: the package's grader, for the groups that say grading: custom (compiled in the sandbox).
  const customGrader =
    scoring && rules === null ? await packageGrader(pkg, sandbox, context, hooks.signal) : undefined;
  const flagMemo = new Map<string, DefaultValidatorFlags>();
  const validatorFlags = (testCase: TestCase): string[] => [
    ...flagWords(pkg.metadata.validatorFlags),
    ...flagWords(testCase.config.outputValidatorFlags),
  ];

  const tests: ProblemTest[] = [];
  let last: Extract<RunOutcome, { compileError: false }> | null = null;
  let cpuMs = 0;
  let wallMs = 0;
  let memoryKb = 0;
  const multiPass = pkg.metadata.types.includes('multi-pass');
  /**
   * One run of the submission on `input`, validated (or played against the interactor). A multi-pass
   * problem's validator gets the feedback folder of the pass before and keeps its own for the next.
   */
  const onePass = async (
    testCase: TestCase,
    input: Uint8Array,
    answer: Buffer,
    feedback: Record<string, Uint8Array>,
  ): Promise<PassResult> => {
    const carry = multiPass ? { feedback, keepFeedback: true } : {};
    // The case's X.files go into the submission's working directory on every run (and pass) of it.
    const workFiles = caseWorkFiles(pkg, testCase);
    const withFiles = workFiles === undefined ? {} : { workFiles };
    if (interactive) {
      const played = await runInteractiveCase(compiled.program, validator as CompiledValidator, sandbox, {
        input,
        answer,
        flags: validatorFlags(testCase),
        args: testCase.config.args ?? [],
        ...withFiles,
        limits: job.limits,
        signal: hooks.signal,
        onStep: hooks.onStep,
        ...carry,
      });
      if (played.compileError) {
        hooks.onLog?.('compile', played.compileOutput);
        throw new CompileErrorAtRun(played.compileOutput);
      }
      return { run: played.run, verdict: played.verdict, validation: played.validation };
    }
    const ran = await runProgram(compiled.program, sandbox, {
      stdin: input,
      args: testCase.config.args ?? [],
      ...withFiles,
      limits: job.limits,
      signal: hooks.signal,
      onStep: hooks.onStep,
      // Secret data may be read back from the output: only a run of the samples streams.
      onLog: submit ? undefined : hooks.onLog,
    });
    if (ran.compileError) {
      hooks.onLog?.('compile', ran.compileOutput);
      throw new CompileErrorAtRun(ran.compileOutput);
    }
    if (ran.verdict !== 'ACCEPTED') return { run: ran, verdict: ran.verdict };
    const output = Buffer.from(ran.report.stdout);
    if (validator === null) {
      const checked = defaultValidate(answer, output, caseFlags(pkg, testCase, flagMemo));
      return checked.accepted
        ? { run: ran, verdict: 'ACCEPTED', validation: { verdict: 'ACCEPTED' } }
        : {
            run: ran,
            verdict: 'WRONG_ANSWER',
            validation: { verdict: 'WRONG_ANSWER', judgeMessage: checked.message },
          };
    }
    const checked = await runOutputValidator(validator, sandbox, {
      input,
      answer,
      output,
      flags: validatorFlags(testCase),
      signal: hooks.signal,
      ...carry,
    });
    return { run: ran, verdict: checked.verdict, validation: checked };
  };

  /** One case judged: its test result (with its score on a scoring problem's submit). */
  const judgeCase = async (testCase: TestCase, index: number): Promise<JudgedCase> => {
    const input = fileBytes(pkg, testCase.input);
    const answer = fileBytes(pkg, testCase.answer);
    const decided: MultiPassResult = multiPass
      ? await runPasses(pkg.metadata.validationPasses, input, (passInput, feedback) =>
          onePass(testCase, passInput, answer, feedback),
        )
      : singlePass(await onePass(testCase, input, answer, {}));
    const { run, validation } = decided;
    let verdict = decided.verdict;
    // The validator's messages go with any verdict it took part in; a crash shows the submission's stderr.
    let message = validation?.teamMessage || undefined;
    let judgeMessage = validation?.judgeMessage || undefined;
    const validatorScore = verdict === 'ACCEPTED' ? validation?.score : undefined;
    let score: number | undefined;
    if (rules !== null) {
      const scored = scoreCase(rules.get(testCase.name), verdict, validatorScore);
      score = scored.score;
      if (scored.judgeError !== undefined) {
        verdict = 'INTERNAL_ERROR';
        judgeMessage = `Judge error: ${scored.judgeError}.${judgeMessage === undefined ? '' : `\n${judgeMessage}`}`;
      }
    } else if (scoring) score = caseScore(testCase.config, verdict, validatorScore);
    if (verdict === 'RUNTIME_ERROR' && message === undefined) message = tail(run.stderr.trim(), 2_000);
    last = run;
    cpuMs += decided.cpuMs;
    wallMs += decided.wallMs;
    memoryKb = Math.max(memoryKb, decided.memoryKb);
    const test: ProblemTest = {
      index,
      source: testCase.sample ? 'sample' : 'hidden',
      verdict,
      // A multi-pass case's time is its slowest pass's: the limit applies to each pass.
      timeMs: decided.maxCpuMs,
      memoryKb: decided.memoryKb,
      name: testCase.name,
    };
    if (score !== undefined) test.score = score;
    if (message !== undefined) test.message = message;
    // Samples are shown; a full_feedback case (samples by default) also when it fails, secret ones only then.
    const shown = testCase.sample
      ? fullFeedbackOf(testCase)
      : fullFeedbackOf(testCase) && verdict !== 'ACCEPTED';
    if (judgeMessage !== undefined) {
      test.judgeMessage = clip(judgeMessage);
      // A shown case's answer is public: the reason the output differs may be too.
      if (shown && message === undefined) test.message = clip(judgeMessage);
    }
    if (shown) {
      test.input = clip(decoder.decode(input));
      test.expected = clip(decoder.decode(answer));
      test.actual = clip(run.stdout);
    }
    tests.push(test);
    hooks.onTest?.(test);
    return { test };
  };

  let graded: GradedTestData | undefined;
  try {
    if (rules !== null) {
      // 2025-09: secret and its test data groups by max_score, score_aggregation and require_pass.
      const position = new Map(cases.map((c, i) => [c, i]));
      graded = await aggregateTestData(pkg.testData, async (testCase) => {
        const { test } = await judgeCase(testCase, position.get(testCase) ?? 0);
        return { verdict: test.verdict, score: test.score ?? 0 };
      });
    } else if (scoring) {
      // Groups as the specification grades them: on_reject, each group's grader, the cases' scores.
      const position = new Map(cases.map((c, i) => [c, i]));
      graded = await gradeTestData(
        pkg.testData,
        async (testCase) => {
          const { test } = await judgeCase(testCase, position.get(testCase) ?? 0);
          return { verdict: test.verdict, score: test.score ?? 0 };
        },
        pkg.validation === 'custom',
        customGrader,
      );
    } else {
      for (const [index, testCase] of cases.entries()) {
        const { test } = await judgeCase(testCase, index);
        if (submit && test.verdict !== 'ACCEPTED' && job.everyCase !== true) break;
      }
    }
  } catch (error) {
    if (error instanceof CompileErrorAtRun) return compileErrorOutcome(error.compileOutput, total);
    throw error;
  }

  // (read through a cast: the closure above assigns it, which the compiler's flow analysis does not see)
  const lastRun = last as Extract<RunOutcome, { compileError: false }> | null;
  const failedTest = firstFailure(tests);
  // A scoring problem's verdict is its root group's, as the graders decide it.
  const verdict = graded?.verdict ?? failedTest?.verdict ?? 'ACCEPTED';
  const secretFailed = failedTest !== null && failedTest.source === 'hidden';
  return {
    verdict,
    passed: tests.filter((t) => t.verdict === 'ACCEPTED').length,
    total,
    failedTest,
    tests,
    // What a program printed on secret data stays with the judge.
    stdout: secretFailed || submit ? '' : (lastRun?.stdout ?? ''),
    stderr: verdict === 'RUNTIME_ERROR' || !submit ? tail(lastRun?.stderr ?? '') : '',
    compileOutput: compiled.program.compileOutput,
    timeMs: cpuMs,
    wallTimeMs: wallMs,
    memoryKb,
    exitCode: lastRun?.report.exitCode ?? null,
    signal: lastRun?.report.signal ?? null,
    ...(graded === undefined
      ? {}
      : { score: { score: graded.score, maxScore: graded.maxScore, groups: graded.groups } }),
  };
}
