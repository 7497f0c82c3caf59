/**
 * Scoring problems as 2025-09 scores them ("Result aggregation"): `secret` and each of its test data groups
 * have a `max_score` (secret 100, groups unbounded by default) and a `score_aggregation` (secret `sum`,
 * groups `pass-fail` by default); a case in a `sum` group may score max_score / N, in a `min` group
 * max_score, and scores its validator's `score.txt` when it writes one, else that most; a `pass-fail`
 * group scores its max_score when every case is accepted, else 0; `require_pass` skips a group (score 0,
 * not accepted) unless the groups it names had every case accepted. Samples are judged but score nothing.
 * As in `scoring-grader.ts`, the walk asks for each case's result, so it both judges and regrades.
 */
import type { GroupScore, Verdict } from '@arbiter/contracts';
import {
  aggregationOf,
  flatten,
  isTestDataGroup,
  maxScoreOf,
  type ScoreAggregation,
  type TestCase,
  type TestData,
  type TestGroup,
} from '@arbiter/problem-package';
import type { GradedTestData, SubResult } from './scoring-grader.js';

/** Scores are sums of fractions (max_score / N): kept to 9 decimals so that N shares add up to the whole. */
const rounded = (score: number): number => Math.round(score * 1e9) / 1e9;
const EPSILON = 1e-9;

/** How one case is scored: the aggregation of its group and the most it may score. */
export interface CaseRule {
  readonly sample: boolean;
  readonly aggregation: ScoreAggregation;
  readonly maxScore: number | 'unbounded';
}

/** The rule of every case, by case name. */
export function caseRules(testData: TestData): Map<string, CaseRule> {
  const rules = new Map<string, CaseRule>();
  const scoredBy = (group: TestGroup, cases: readonly TestCase[]) => {
    const aggregation = aggregationOf(group);
    const max = maxScoreOf(group);
    const caseMax = max === 'unbounded' ? max : aggregation === 'sum' ? max / Math.max(cases.length, 1) : max;
    for (const testCase of cases) rules.set(testCase.name, { sample: false, aggregation, maxScore: caseMax });
  };
  for (const top of testData.groups) {
    if (top.name !== 'secret') {
      for (const testCase of flatten(top.items))
        rules.set(testCase.name, { sample: true, aggregation: 'pass-fail', maxScore: 0 });
      continue;
    }
    const groups = top.items.filter((item): item is TestGroup => 'items' in item && isTestDataGroup(item));
    if (groups.length === 0) scoredBy(top, flatten(top.items));
    else for (const group of groups) scoredBy(group, flatten(group.items));
  }
  return rules;
}

/** A case's score from its verdict and its validator's score.txt; `judgeError` when the specification calls it one. */
export function scoreCase(
  rule: CaseRule | undefined,
  verdict: Verdict,
  validatorScore: number | undefined,
): { score: number; judgeError?: string } {
  // A sample's score.txt "is not an error, but simply ignored".
  if (rule === undefined || rule.sample || verdict !== 'ACCEPTED') return { score: 0 };
  if (rule.aggregation === 'pass-fail') {
    return validatorScore === undefined
      ? { score: 0 }
      : {
          score: 0,
          judgeError: 'the validator wrote score.txt for a case of a group with pass-fail aggregation',
        };
  }
  if (validatorScore !== undefined && validatorScore < 0)
    return { score: 0, judgeError: `the validator's score.txt is negative (${validatorScore})` };
  if (rule.maxScore === 'unbounded') {
    return validatorScore === undefined
      ? {
          score: 0,
          judgeError: 'the validator accepted a case of an unbounded group without writing score.txt',
        }
      : { score: validatorScore };
  }
  if (validatorScore === undefined) return { score: rule.maxScore };
  if (validatorScore > rule.maxScore + EPSILON)
    return {
      score: 0,
      judgeError: `the validator's score.txt (${validatorScore}) exceeds the case's maximum score ${rounded(rule.maxScore)}`,
    };
  return { score: validatorScore };
}

export interface AggregatedTestData extends GradedTestData {
  /** A group or secret scoring over its max_score, which the specification calls a judge error. */
  judgeErrors: string[];
}

/**
 * Judges (or regrades) the test data by 2025-09's rules, asking `judgeCase` for each case it runs, in
 * order; `judgeCase` gives the case's verdict and its score (`scoreCase`). The verdict is the first
 * case's that was not accepted (a judge error anywhere wins), the score `secret`'s.
 */
export async function aggregateTestData(
  testData: TestData,
  judgeCase: (testCase: TestCase) => Promise<SubResult>,
): Promise<AggregatedTestData> {
  const groups: GroupScore[] = [];
  const judgeErrors: string[] = [];
  /** Each group (or sample) that had a case not accepted, with the first such verdict. */
  const failed = new Map<string, Verdict>();
  let verdict: Verdict = 'ACCEPTED';
  const note = (v: Verdict) => {
    if (v === 'INTERNAL_ERROR') verdict = v;
    else if (verdict === 'ACCEPTED' && v !== 'ACCEPTED') verdict = v;
  };

  /** Runs a group's cases (a pass-fail group stops at its first rejection): their scores, or null when one failed. */
  const run = async (name: string, cases: readonly TestCase[], stopAtFirst: boolean) => {
    const scores: number[] = [];
    for (const testCase of cases) {
      const result = await judgeCase(testCase);
      note(result.verdict);
      if (result.verdict !== 'ACCEPTED') {
        if (!failed.has(name)) failed.set(name, result.verdict);
        if (stopAtFirst) break;
      }
      scores.push(result.score);
    }
    return scores;
  };
  /** The verdict of the first group named in require_pass that failed, when one did. */
  const blockedBy = (group: TestGroup): Verdict | undefined =>
    (group.config.requirePass ?? []).map((name) => failed.get(name)).find((v) => v !== undefined);

  /** One group (or secret without groups) scored from its cases; its entry is already listed. */
  const scoreGroup = async (group: TestGroup, entry: GroupScore): Promise<void> => {
    const aggregation = aggregationOf(group);
    const max = maxScoreOf(group);
    entry.maxScore = max === 'unbounded' ? null : max;
    const blocked = blockedBy(group);
    if (blocked !== undefined) {
      // Not run: score 0, and every case counts as not accepted.
      failed.set(group.name, blocked);
      entry.verdict = blocked;
      entry.score = 0;
      return;
    }
    const cases = flatten(group.items);
    const scores = await run(group.name, cases, aggregation === 'pass-fail');
    entry.verdict = failed.get(group.name) ?? 'ACCEPTED';
    entry.score = aggregated(aggregation, scores, failed.has(group.name), max);
  };

  const aggregated = (
    aggregation: ScoreAggregation,
    scores: readonly number[],
    anyFailed: boolean,
    max: number | 'unbounded',
  ): number => {
    if (aggregation === 'pass-fail') return anyFailed || max === 'unbounded' ? 0 : max;
    if (aggregation === 'min') return anyFailed || scores.length === 0 ? 0 : rounded(Math.min(...scores));
    return rounded(scores.reduce((a, b) => a + b, 0));
  };

  let total = 0;
  let most: number | null = null;
  for (const top of testData.groups) {
    const entry: GroupScore = { name: top.name, verdict: 'ACCEPTED', score: 0, maxScore: null };
    groups.push(entry);
    if (top.name !== 'secret') {
      // Samples: judged as pass-fail (the first rejection ends them), scoring nothing.
      await run(top.name, flatten(top.items), true);
      entry.verdict = failed.get(top.name) ?? 'ACCEPTED';
      entry.maxScore = 0;
      continue;
    }
    const subgroups = top.items.filter((item): item is TestGroup => 'items' in item && isTestDataGroup(item));
    if (subgroups.length === 0) {
      await scoreGroup(top, entry);
    } else {
      const max = maxScoreOf(top);
      entry.maxScore = max === 'unbounded' ? null : max;
      const blocked = blockedBy(top);
      const entries: GroupScore[] = [];
      for (const group of subgroups) {
        const child: GroupScore = { name: group.name, verdict: 'ACCEPTED', score: 0, maxScore: null };
        groups.push(child);
        entries.push(child);
        if (blocked !== undefined) {
          const max = maxScoreOf(group);
          Object.assign(child, { verdict: blocked, maxScore: max === 'unbounded' ? null : max });
          failed.set(group.name, blocked);
        } else await scoreGroup(group, child);
      }
      const anyFailed = entries.some((e) => e.verdict !== 'ACCEPTED');
      entry.verdict = entries.find((e) => e.verdict !== 'ACCEPTED')?.verdict ?? 'ACCEPTED';
      entry.score = aggregated(
        aggregationOf(top),
        entries.map((e) => e.score),
        anyFailed && aggregationOf(top) !== 'sum',
        max,
      );
    }
    total = entry.score;
    most = entry.maxScore;
  }
  for (const entry of groups)
    if (entry.maxScore !== null && entry.score > entry.maxScore + EPSILON)
      judgeErrors.push(`${entry.name} scored ${entry.score}, over its max_score ${entry.maxScore}`);
  if (judgeErrors.length > 0) verdict = 'INTERNAL_ERROR';
  return { verdict, score: total, maxScore: most, groups, judgeErrors };
}
