/** Checks a judged submission against the rules of `submissions/submissions.yaml` at one CPU limit. */
import type { ExpectationCheck, Verdict } from '@arbiter/contracts';
import { globMatches, type CaseVerdict, type SubmissionExpectation } from '@arbiter/problem-package';

/** A case's verdict as the file names it; a case over the limit is a TLE; null: neither (a judge error). */
export function caseVerdict(test: { verdict: Verdict; timeMs: number }, limitMs: number): CaseVerdict | null {
  if (test.verdict === 'TIME_LIMIT_EXCEEDED' || test.timeMs > limitMs) return 'TLE';
  switch (test.verdict) {
    case 'ACCEPTED':
      return 'AC';
    case 'WRONG_ANSWER':
      return 'WA';
    case 'RUNTIME_ERROR':
    case 'MEMORY_LIMIT_EXCEEDED':
    case 'OUTPUT_LIMIT_EXCEEDED':
      return 'RTE';
    default:
      return null;
  }
}

/**
 * Each rule with whether it holds on the judged cases: every case it covers has a permitted verdict, at
 * least one has a required one, and the score lies in its range. Only the cases judged count (a pass-fail
 * submission stops at its first failure); a compile error has no case, so it meets no `required`.
 */
export function checkExpectations(
  rules: readonly SubmissionExpectation[],
  tests: readonly { name?: string; verdict: Verdict; timeMs: number }[],
  limitMs: number,
  score?: number,
): ExpectationCheck[] {
  return rules.map((rule) => {
    const covered = tests
      .filter((test) => rule.cases === undefined || globMatches(rule.cases, test.name ?? ''))
      .map((test) => caseVerdict(test, limitMs));
    const permitted = rule.permitted;
    const required = rule.required;
    let ok = true;
    if (permitted !== undefined && !covered.every((v) => v !== null && permitted.includes(v))) ok = false;
    if (required !== undefined && !covered.some((v) => v !== null && required.includes(v))) ok = false;
    if (rule.score !== undefined && (score === undefined || score < rule.score[0] || score > rule.score[1]))
      ok = false;
    return {
      pattern: rule.pattern,
      ...(permitted === undefined ? {} : { permitted: [...permitted] }),
      ...(required === undefined ? {} : { required: [...required] }),
      ...(rule.score === undefined ? {} : { score: [rule.score[0], rule.score[1]] as [number, number] }),
      ok,
    };
  });
}

/** The submission verdicts the rules allow (the first failing case decides a verdict): for the report. */
export function expectedVerdicts(rules: readonly SubmissionExpectation[]): Verdict[] {
  const names: Record<CaseVerdict, Verdict[]> = {
    AC: ['ACCEPTED'],
    WA: ['WRONG_ANSWER'],
    TLE: ['TIME_LIMIT_EXCEEDED'],
    RTE: ['RUNTIME_ERROR', 'MEMORY_LIMIT_EXCEEDED', 'OUTPUT_LIMIT_EXCEEDED'],
  };
  let allowed: CaseVerdict[] = ['AC', 'WA', 'TLE', 'RTE'];
  for (const rule of rules) {
    if (rule.cases !== undefined) continue;
    if (rule.permitted !== undefined) allowed = allowed.filter((v) => rule.permitted?.includes(v));
    // A required verdict other than AC means the submission fails some case.
    if (rule.required !== undefined && !rule.required.includes('AC'))
      allowed = allowed.filter((v) => v !== 'AC');
  }
  return allowed.flatMap((v) => names[v]);
}
