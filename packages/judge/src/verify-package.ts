/**
 * Verifies an imported package as problemtools' verifyproblem and the 2023-07 specification do: the
 * accepted submissions run first (at the stated limit, else at the most the platform allows) and, when the
 * package states no time limit, the slowest one's slowest case sets it (legacy: `time_multiplier` times it
 * rounded to whole seconds, at least 1, with `time_safety_margin` giving the extra time; 2023-07:
 * `ac_to_time_limit` times it rounded up to whole seconds, `time_limit_to_tle` times that for TLE
 * submissions). Then every other labelled submission runs once with the extra time, and its verdict at the
 * limit and with the extra time are read from its cases' CPU times: the first case that fails decides (a
 * scoring problem's cases are graded again at each limit: its groups' graders, the package's own grader
 * included, decide, and accepted submissions must get the best score, the most or with `objective: min`
 * the least, partially accepted ones another). Before any of that, the package's
 * input validators check every test case's input.
 */
import type {
  EffectiveLimits,
  LanguageId,
  PackageTimeLimit,
  PackageVerification,
  Verdict,
  VerifiedSubmission,
} from '@arbiter/contracts';
import type { PackageSubmission, ProblemPackage, SubmissionLabel } from '@arbiter/problem-package';
import type { Sandbox } from '@arbiter/sandbox';
import type { CompileContext } from './compile-step.js';
import { judgePackageProblem } from './judge-package-problem.js';
import type { ProblemOutcome } from './judge-problem-types.js';
import { validateInputs } from './input-validators.js';
import { submissionSource } from './package-submission-source.js';
import { checkExpectations, expectedVerdicts } from './expectation-check.js';
import { packageGrader } from './custom-grader.js';
import { gradeTestData, outOfRange, parseRange, type CustomGrader } from './scoring-grader.js';
import { aggregateTestData } from './result-aggregation.js';

/** The verdicts each folder's submissions may get (`null`: not checked). */
const LABEL_VERDICTS: Record<SubmissionLabel, Verdict[] | null> = {
  accepted: ['ACCEPTED'],
  wrong_answer: ['WRONG_ANSWER'],
  time_limit_exceeded: ['TIME_LIMIT_EXCEEDED'],
  // A crash, which includes running out of memory or past the output limit.
  run_time_error: ['RUNTIME_ERROR', 'MEMORY_LIMIT_EXCEEDED', 'OUTPUT_LIMIT_EXCEEDED'],
  rejected: [
    'WRONG_ANSWER',
    'TIME_LIMIT_EXCEEDED',
    'RUNTIME_ERROR',
    'MEMORY_LIMIT_EXCEEDED',
    'OUTPUT_LIMIT_EXCEEDED',
  ],
  brute_force: ['ACCEPTED', 'TIME_LIMIT_EXCEEDED'],
  // Scoring problems only: accepted, with less than the most score (checked below).
  partially_accepted: ['ACCEPTED'],
};

export interface VerifyOptions {
  /** Languages this worker judges. */
  offered: ReadonlySet<LanguageId>;
  /** The package's memory and output limits; `timeMs` is the most the platform allows per case. */
  limits: EffectiveLimits;
  /** The platform's default time limit (ms), for a package with neither a stated limit nor an accepted run. */
  defaultTimeMs: number;
  signal?: AbortSignal;
}

/** The verdict the cases give at a CPU limit: the first that fails decides; a case over the limit is a TLE. */
export function verdictAtLimit(
  outcome: ProblemOutcome,
  limitMs: number,
): { verdict: Verdict; name?: string } {
  if (outcome.verdict === 'COMPILE_ERROR') return { verdict: 'COMPILE_ERROR' };
  for (const test of outcome.tests) {
    const name = test.name === undefined ? {} : { name: test.name };
    if (test.verdict === 'TIME_LIMIT_EXCEEDED' || test.timeMs > limitMs)
      return { verdict: 'TIME_LIMIT_EXCEEDED', ...name };
    if (test.verdict !== 'ACCEPTED') return { verdict: test.verdict, ...name };
  }
  return { verdict: 'ACCEPTED' };
}

/**
 * A scoring problem's verdict and score at a CPU limit: the recorded cases graded again, a case over the
 * limit counting as a time limit exceeded with its group's reject score.
 */
export async function gradeAtLimit(
  pkg: ProblemPackage,
  outcome: ProblemOutcome,
  limitMs: number,
  customGrader?: CustomGrader,
): Promise<{ verdict: Verdict; score: number; name?: string; outOfRange: string[] }> {
  const first = verdictAtLimit(outcome, limitMs);
  if (outcome.verdict === 'COMPILE_ERROR') return { verdict: 'COMPILE_ERROR', score: 0, outOfRange: [] };
  const byName = new Map(outcome.tests.map((test) => [test.name, test]));
  if (pkg.resultAggregation) {
    // 2025-09: a case over the limit is a time limit exceeded, which scores 0.
    const aggregated = await aggregateTestData(pkg.testData, async (testCase) => {
      const test = byName.get(testCase.name);
      if (test === undefined || (test.verdict === 'ACCEPTED' && test.timeMs > limitMs))
        return { verdict: 'TIME_LIMIT_EXCEEDED', score: 0 };
      return { verdict: test.verdict, score: test.score ?? 0 };
    });
    return {
      verdict: aggregated.verdict,
      score: aggregated.score,
      ...(first.name === undefined ? {} : { name: first.name }),
      outOfRange: aggregated.judgeErrors,
    };
  }
  const graded = await gradeTestData(
    pkg.testData,
    async (testCase) => {
      const test = byName.get(testCase.name);
      // Verdicts only get worse at a lower limit, so every case the groups judge now was judged then.
      if (test === undefined)
        return { verdict: 'TIME_LIMIT_EXCEEDED', score: testCase.config.rejectScore ?? 0 };
      if (test.verdict === 'ACCEPTED' && test.timeMs > limitMs)
        return { verdict: 'TIME_LIMIT_EXCEEDED', score: testCase.config.rejectScore ?? 0 };
      return { verdict: test.verdict, score: test.score ?? 0 };
    },
    pkg.validation === 'custom',
    customGrader,
  );
  const problems = outOfRange(pkg.testData, graded.groups);
  const rootRange = parseRange(pkg.testData.config.range);
  if (rootRange !== null && (graded.score < rootRange[0] || graded.score > rootRange[1]))
    problems.push(`the total ${graded.score} lies outside data/'s range ${rootRange[0]} ${rootRange[1]}`);
  return {
    verdict: graded.verdict,
    score: graded.score,
    ...(first.name === undefined ? {} : { name: first.name }),
    outOfRange: problems,
  };
}

/**
 * The best score a scoring problem's submission can get (problemtools' "fully accepted"): with the
 * default `objective: max` the most (`data/`'s range's upper bound, else what every case accepted gives),
 * with `objective: min` the least, `data/`'s range's lower bound (null, unknown, when it is not finite).
 */
export function bestScore(pkg: ProblemPackage, outcome: ProblemOutcome): number | null {
  if (pkg.metadata.objective === 'max') return outcome.score?.maxScore ?? null;
  const low = parseRange(pkg.testData.config.range)?.[0] ?? -Infinity;
  return Number.isFinite(low) ? low : null;
}

const maxTime = (outcome: ProblemOutcome): number =>
  outcome.tests.reduce((max, test) => Math.max(max, test.timeMs), 0);

/** The time limit the package gets: stated, derived from the slowest accepted case, or the default. */
export function packageTimeLimit(
  pkg: ProblemPackage,
  slowestAcceptedMs: number | undefined,
  defaultTimeMs: number,
): PackageTimeLimit {
  const legacy = pkg.metadata.formatVersion === 'legacy';
  const { timeMultiplier, timeSafetyMargin } = pkg.metadata.limits;
  const slowest = slowestAcceptedMs === undefined ? {} : { slowestAcceptedMs };
  if (pkg.timeLimit !== undefined) {
    const seconds = pkg.timeLimit;
    const margin = legacy ? Math.round(seconds * timeSafetyMargin) : seconds * timeSafetyMargin;
    return { seconds, source: 'stated', marginSeconds: Math.max(margin, seconds), ...slowest };
  }
  if (slowestAcceptedMs === undefined) {
    const seconds = defaultTimeMs / 1000;
    return { seconds, source: 'default', marginSeconds: seconds * timeSafetyMargin };
  }
  const exact = (slowestAcceptedMs / 1000) * timeMultiplier;
  if (legacy) {
    // problemtools: round to whole seconds, at least 1; the margin at least one second more.
    const seconds = Math.max(1, Math.floor(0.5 + exact));
    const marginSeconds = Math.max(seconds + 1, Math.floor(0.5 + exact * timeSafetyMargin));
    return { seconds, source: 'derived', marginSeconds, ...slowest };
  }
  // 2023-07: rounded up to the time resolution (1 s).
  const seconds = Math.max(1, Math.ceil(exact - 1e-9));
  return { seconds, source: 'derived', marginSeconds: seconds * timeSafetyMargin, ...slowest };
}

interface Judged {
  submission: PackageSubmission;
  /** Its folder's verdicts (or its header's) are checked; false: only submissions.yaml's rules. */
  checkLabel: boolean;
  report: VerifiedSubmission;
  outcome?: ProblemOutcome;
}

export async function verifyPackage(
  pkg: ProblemPackage,
  sandbox: Sandbox,
  options: VerifyOptions,
  context: CompileContext = {},
): Promise<PackageVerification> {
  const maxMs = options.limits.timeMs;
  const scoring = pkg.metadata.types.includes('scoring');
  const limitsAt = (ms: number): EffectiveLimits => ({
    ...options.limits,
    timeMs: Math.min(maxMs, Math.ceil(ms)),
    wallTimeMs: Math.min(maxMs, Math.ceil(ms)) * 3 + 1_000,
  });

  const judge = async (submission: PackageSubmission, limitMs: number): Promise<Judged> => {
    const source = submissionSource(pkg, submission, options.offered);
    const rules = submission.expectations;
    // partially_accepted is for scoring problems only (the specification's rule): elsewhere it is not judged.
    // A key of submissions.yaml that is exactly the folder's name replaces the folder's own check.
    const byLabel =
      submission.label === null || submission.replacesFolder === true
        ? null
        : submission.label === 'partially_accepted' && !scoring
          ? null
          : submission.label === 'partially_accepted' && pkg.resultAggregation
            ? (['ACCEPTED', ...(LABEL_VERDICTS.rejected ?? [])] as Verdict[])
            : LABEL_VERDICTS[submission.label];
    const header = source.ok ? source.expectedResults : undefined;
    // The folder's verdicts, which a DOMjudge header replaces; then submissions.yaml's rules on top.
    const expected = header ?? byLabel;
    const base = { path: submission.path, label: submission.folder, gotWithMargin: null, maxTimeMs: null };
    if (!source.ok || (expected === null && rules === undefined)) {
      const note = source.ok
        ? submission.label === null
          ? 'in a folder the format does not name, with no @EXPECTED_RESULTS@ header or submissions.yaml key (not judged)'
          : 'partially_accepted is for scoring problems; this one is pass-fail (not judged)'
        : source.note;
      return {
        submission,
        checkLabel: false,
        report: {
          ...base,
          language: source.ok ? source.language : null,
          expected: expected ?? [],
          got: null,
          // Not checked: a folder the format does not name without expectations, or a file that is no
          // program (problemtools skips both), is only listed.
          ok: source.ok || source.notProgram === true || (submission.label === null && rules === undefined),
          note,
        },
      };
    }
    const outcome = await judgePackageProblem(
      {
        pkg,
        language: source.language,
        code: source.code,
        files: source.files,
        mode: 'submit',
        limits: limitsAt(limitMs),
        // submissions.yaml's rules hold over every case (`required` on a later group), so all are judged.
        everyCase: rules !== undefined,
      },
      sandbox,
      options.signal === undefined ? {} : { signal: options.signal },
      context,
    );
    return {
      submission,
      outcome,
      checkLabel: expected !== null,
      report: {
        ...base,
        language: source.language,
        expected: expected ?? expectedVerdicts(rules ?? []),
        got: null,
        ok: false,
        maxTimeMs: maxTime(outcome),
        ...(source.note === undefined ? {} : { note: source.note }),
      },
    };
  };

  // Bad test data first: the input validators on every case's input.
  const inputValidation =
    pkg.inputValidators.length === 0
      ? undefined
      : await validateInputs(pkg, sandbox, context, options.signal);

  const accepted = pkg.submissions.filter((s) => s.label === 'accepted');
  const others = pkg.submissions.filter((s) => s.label !== 'accepted');
  // Accepted submissions: at the stated limit, else at the most the platform allows.
  const firstLimitMs = pkg.timeLimit === undefined ? maxMs : pkg.timeLimit * 1000;
  const acceptedRuns: Judged[] = [];
  for (const submission of accepted) acceptedRuns.push(await judge(submission, firstLimitMs));
  const acceptedTimes = acceptedRuns
    .filter((run) => run.outcome?.verdict === 'ACCEPTED')
    .map((run) => run.report.maxTimeMs as number);
  const timeLimit = packageTimeLimit(
    pkg,
    acceptedTimes.length === 0 ? undefined : Math.max(...acceptedTimes),
    options.defaultTimeMs,
  );
  const limitMs = timeLimit.seconds * 1000;
  const marginMs = Math.min(maxMs, timeLimit.marginSeconds * 1000);
  const legacy = pkg.metadata.formatVersion === 'legacy';

  // Scoring: the package's grader regrades the recorded cases at each limit (compiled once, cached).
  const customGrader =
    scoring && !pkg.resultAggregation
      ? await packageGrader(pkg, sandbox, context, options.signal)
      : undefined;
  const runs = [...acceptedRuns];
  for (const submission of others) runs.push(await judge(submission, marginMs));
  const reports: VerifiedSubmission[] = [];
  for (const { report, outcome, checkLabel, submission } of runs) {
    if (outcome === undefined) {
      reports.push(report);
      continue;
    }
    // Accepted submissions ran at the stated (or the platform's) limit: problemtools checks them there.
    const atLimitMs = submission.label === 'accepted' ? firstLimitMs : limitMs;
    const atMarginMs = submission.label === 'accepted' ? firstLimitMs : marginMs;
    // submissions.yaml's rules: each must hold at the limit, or each with the extra time; a rule requiring
    // TLE alone only with it (time_limit_to_tle).
    const rules = submission.expectations ?? [];
    const rulesAt = (ms: number, score?: number) => checkExpectations(rules, outcome.tests, ms, score);
    const tleRule = rules.some((rule) => rule.required?.length === 1 && rule.required[0] === 'TLE');
    const ruleChecks = (scoreAtLimit?: number, scoreAtMargin?: number) => {
      const atLimit = rulesAt(atLimitMs, scoreAtLimit);
      const atMargin = rulesAt(atMarginMs, scoreAtMargin);
      const held = (checks: typeof atLimit) => checks.every((check) => check.ok);
      const checks = !tleRule && held(atLimit) ? atLimit : atMargin;
      return rules.length === 0 ? {} : { expectations: checks, rulesOk: held(checks) };
    };
    const allowed = (verdict: Verdict) => report.expected.includes(verdict);
    // Legacy: the verdict at the limit, or with the safety margin's extra time ("OK with extra time").
    // 2023-07: a time_limit_exceeded submission must run past time_limit_to_tle times the limit.
    const tleOnly = !legacy && report.expected.length === 1 && report.expected[0] === 'TIME_LIMIT_EXCEEDED';
    if (!scoring) {
      const atLimit = verdictAtLimit(outcome, atLimitMs);
      const atMargin = verdictAtLimit(outcome, atMarginMs);
      const { rulesOk, expectations } = ruleChecks();
      const labelOk =
        !checkLabel ||
        (tleOnly ? allowed(atMargin.verdict) : allowed(atLimit.verdict) || allowed(atMargin.verdict));
      const deciding = atLimit.name ?? atMargin.name;
      reports.push({
        ...report,
        got: atLimit.verdict,
        gotWithMargin: atMargin.verdict,
        ok: labelOk && (rulesOk ?? true),
        ...(expectations === undefined ? {} : { expectations }),
        ...(deciding === undefined ? {} : { decidingCase: deciding }),
      });
      continue;
    }
    // Scoring (problemtools): the grader's verdict by the label, and accepted submissions must get the
    // best score, partially accepted ones another; no group may score outside its range.
    const atLimit = await gradeAtLimit(pkg, outcome, atLimitMs, customGrader);
    const atMargin = await gradeAtLimit(pkg, outcome, atMarginMs, customGrader);
    const most = outcome.score?.maxScore ?? null;
    const best = bestScore(pkg, outcome);
    const least = pkg.metadata.objective === 'min';
    const notes: string[] = [];
    let ok =
      !checkLabel ||
      (tleOnly ? allowed(atMargin.verdict) : allowed(atLimit.verdict) || allowed(atMargin.verdict));
    const score = allowed(atLimit.verdict) ? atLimit.score : atMargin.score;
    if (ok && checkLabel && best !== null && submission.label === 'accepted' && score !== best) {
      ok = false;
      notes.push(`scored ${score}, not the ${least ? 'least' : 'most'} (${best})`);
    }
    const fullScore = best !== null && (least ? score <= best : score >= best);
    if (checkLabel && pkg.resultAggregation && submission.label === 'partially_accepted') {
      // 2025-09 has no accepted-with-less verdict: a partial score fails some case. Any verdict but a
      // compile or judge error, with a score above 0 and below the most.
      const partial = (v: Verdict, s: number) =>
        v !== 'COMPILE_ERROR' && v !== 'INTERNAL_ERROR' && s > 0 && (most === null || s < most);
      ok = partial(atLimit.verdict, atLimit.score) || partial(atMargin.verdict, atMargin.score);
      if (!ok) notes.push(`scored ${atLimit.score} of ${most ?? 'unbounded'}: not a partial score`);
    } else if (ok && checkLabel && submission.label === 'partially_accepted' && fullScore) {
      ok = false;
      notes.push(`scored ${score}, the ${least ? 'least' : 'most'} there is: not a partial score`);
    }
    const { rulesOk, expectations } = ruleChecks(atLimit.score, atMargin.score);
    if (rulesOk === false) {
      ok = false;
      notes.push('a rule of submissions.yaml does not hold');
    }
    const ranges = [...new Set([...atLimit.outOfRange, ...atMargin.outOfRange])];
    if (ranges.length > 0) {
      ok = false;
      notes.push(...ranges);
    }
    if (report.note !== undefined) notes.unshift(report.note);
    const deciding = atLimit.name ?? atMargin.name;
    const { note: _note, ...rest } = report;
    reports.push({
      ...rest,
      got: atLimit.verdict,
      gotWithMargin: atMargin.verdict,
      score: atLimit.score,
      maxScore: most,
      ok,
      ...(expectations === undefined ? {} : { expectations }),
      ...(deciding === undefined ? {} : { decidingCase: deciding }),
      ...(notes.length === 0 ? {} : { note: notes.join('; ') }),
    });
  }
  return {
    status: 'done',
    timeLimit,
    submissions: reports.sort((a, b) => (a.path < b.path ? -1 : 1)),
    ...(inputValidation === undefined ? {} : { inputValidation }),
    ok: reports.every((r) => r.ok) && (inputValidation?.ok ?? true),
    finishedAt: new Date().toISOString(),
  };
}
