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
  parseValidatorFlags,
  type DefaultValidatorFlags,
  type ProblemPackage,
  type TestCase,
  type TestGroup,
} from '@arbiter/problem-package';
import { clip } from '@arbiter/problems';
import type { Sandbox } from '@arbiter/sandbox';
import { compileProgram, type CompileContext } from './compile-step.js';
import { compileErrorOutcome, firstFailure, tail } from './judge-problem-outcome.js';
import type { ProblemHooks, ProblemOutcome, ProblemTest } from './judge-problem-types.js';
import { runProgram, type RunOutcome } from './run-step.js';
import { InfrastructureError } from './verdict.js';
import { runInteractiveCase } from './interactive-case.js';
import {
  compileOutputValidator,
  PackageJudgeError,
  runOutputValidator,
  type CompiledValidator,
} from './output-validator.js';
import { withIncludedCode } from './package-included-code.js';
import { caseScore, gradeTestData, type GradedTestData } from './scoring-grader.js';
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

/** Whether any group of the test data asks for a custom grader (`grading: custom`). */
function usesCustomGrader(pkg: ProblemPackage): boolean {
  const custom = (group: TestGroup): boolean =>
    group.config.grading === 'custom' || group.items.some((item) => 'items' in item && custom(item));
  return pkg.testData.config.grading === 'custom' || pkg.testData.groups.some(custom);
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
  if (scoring && usesCustomGrader(pkg)) {
    throw new PackageJudgeError("grading: custom needs the package's own grader, which Arbiter does not run");
  }
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
    if (interactive) {
      const played = await runInteractiveCase(compiled.program, validator as CompiledValidator, sandbox, {
        input,
        answer,
        flags: validatorFlags(testCase),
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
    const { run, verdict, validation } = decided;
    // The validator's messages go with any verdict it took part in; a crash shows the submission's stderr.
    let message = validation?.teamMessage || undefined;
    const judgeMessage = validation?.judgeMessage || undefined;
    const validatorScore = verdict === 'ACCEPTED' ? validation?.score : undefined;
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
    if (scoring) test.score = caseScore(testCase.config, verdict, validatorScore);
    if (message !== undefined) test.message = message;
    if (judgeMessage !== undefined) {
      test.judgeMessage = clip(judgeMessage);
      // A sample's answer is public: the reason it differs may be too.
      if (testCase.sample && message === undefined) test.message = clip(judgeMessage);
    }
    if (testCase.sample) {
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
    if (scoring) {
      // Groups as the specification grades them: on_reject, each group's grader, the cases' scores.
      const position = new Map(cases.map((c, i) => [c, i]));
      graded = await gradeTestData(
        pkg.testData,
        async (testCase) => {
          const { test } = await judgeCase(testCase, position.get(testCase) ?? 0);
          return { verdict: test.verdict, score: test.score ?? 0 };
        },
        pkg.validation === 'custom',
      );
    } else {
      for (const [index, testCase] of cases.entries()) {
        const { test } = await judgeCase(testCase, index);
        if (submit && test.verdict !== 'ACCEPTED') break;
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
