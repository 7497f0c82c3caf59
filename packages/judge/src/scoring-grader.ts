/**
 * Scoring problems as the problem package format grades them: the test data is a tree of groups, each
 * case gets a score (the validator's `score.txt`, else its group's `accept_score` / `reject_score`), and
 * each group's result comes from the default grader applied to its children's results in order
 * (`grader_flags`: worst_error / first_error / always_accept, sum / avg / min / max, ignore_sample,
 * accept_if_any_accepted), or the package's own grader for a group with `grading: custom`
 * (`custom-grader.ts`), with `on_reject: break` ending a group at its first rejected child. The walk
 * asks for each case's result only when the group still judges it, so one function both judges (running
 * the cases) and regrades recorded results (the verification's verdict at another time limit).
 */
import type { GroupScore, ScoreResult, Verdict } from '@arbiter/contracts';
import type { GroupConfig, TestCase, TestData, TestGroup } from '@arbiter/problem-package';

/** A case's or a group's result: its verdict and its score. */
export interface SubResult {
  verdict: Verdict;
  score: number;
}

/** The default grader's order of errors, worst first (problemtools: JE, IF, RTE, MLE, TLE, OLE, WA, PE, AC). */
const WORST_FIRST: readonly Verdict[] = [
  'INTERNAL_ERROR',
  'COMPILE_ERROR',
  'RUNTIME_ERROR',
  'MEMORY_LIMIT_EXCEEDED',
  'TIME_LIMIT_EXCEEDED',
  'OUTPUT_LIMIT_EXCEEDED',
  'WRONG_ANSWER',
  'ACCEPTED',
];

export interface GraderFlags {
  verdict: 'worst_error' | 'first_error' | 'always_accept';
  score: 'sum' | 'avg' | 'min' | 'max';
  ignoreSample: boolean;
  acceptIfAnyAccepted: boolean;
}

/** `grader_flags` read as the default grader reads them: the last mode of each kind wins; other words are ignored. */
export function parseGraderFlags(flags: string): GraderFlags {
  const parsed: GraderFlags = {
    verdict: 'worst_error',
    score: 'sum',
    ignoreSample: false,
    acceptIfAnyAccepted: false,
  };
  for (const word of flags.split(/\s+/).filter(Boolean)) {
    if (word === 'worst_error' || word === 'no_errors') parsed.verdict = 'worst_error';
    else if (word === 'first_error' || word === 'always_accept') parsed.verdict = word;
    else if (word === 'sum' || word === 'avg' || word === 'min' || word === 'max') parsed.score = word;
    else if (word === 'ignore_sample') parsed.ignoreSample = true;
    else if (word === 'accept_if_any_accepted') parsed.acceptIfAnyAccepted = true;
  }
  return parsed;
}

function aggregate(scores: readonly number[], mode: GraderFlags['score']): number {
  if (scores.length === 0) return 0;
  if (mode === 'min') return Math.min(...scores);
  if (mode === 'max') return Math.max(...scores);
  const sum = scores.reduce((a, b) => a + b, 0);
  return mode === 'avg' ? sum / scores.length : sum;
}

/** The default grader on a group's sub-results (in judging order). */
export function defaultGrader(results: readonly SubResult[], flags: GraderFlags): SubResult {
  if (results.length === 0) return { verdict: 'ACCEPTED', score: 0 };
  // ignore_sample (root only): the second sub-result, secret, alone decides verdict and score.
  const used = flags.ignoreSample ? results.slice(-1) : results;
  const verdicts = used.map((r) => r.verdict);
  let verdict: Verdict;
  if (flags.acceptIfAnyAccepted && verdicts.includes('ACCEPTED')) verdict = 'ACCEPTED';
  else if (flags.verdict === 'always_accept') verdict = 'ACCEPTED';
  else if (flags.verdict === 'first_error') verdict = verdicts.find((v) => v !== 'ACCEPTED') ?? 'ACCEPTED';
  else {
    const rank = (v: Verdict) => {
      const at = WORST_FIRST.indexOf(v);
      return at < 0 ? 0 : at;
    };
    verdict = verdicts.reduce<Verdict>((worst, v) => (rank(v) < rank(worst) ? v : worst), 'ACCEPTED');
  }
  return {
    verdict,
    score: aggregate(
      used.map((r) => r.score),
      flags.score,
    ),
  };
}

/** A group's `range` as two numbers (`inf`, `-inf`, `+inf` allowed); null: not two numbers. */
export function parseRange(range: string | undefined): [number, number] | null {
  if (range === undefined) return [-Infinity, Infinity];
  const words = range.trim().split(/\s+/);
  if (words.length !== 2) return null;
  const numbers = words.map((word) => {
    const w = word.toLowerCase();
    if (w === 'inf' || w === '+inf') return Infinity;
    if (w === '-inf') return -Infinity;
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(word) ? Number(word) : Number.NaN;
  }) as [number, number];
  if (numbers.some(Number.isNaN) || numbers[0] > numbers[1]) return null;
  return numbers;
}

/** The score of one judged case: the validator's, else the group's accept or reject score. */
export function caseScore(config: GroupConfig, verdict: Verdict, validatorScore?: number): number {
  if (verdict !== 'ACCEPTED') return config.rejectScore ?? 0;
  return validatorScore ?? config.acceptScore ?? 1;
}

/**
 * The most a group can score: its range's upper bound when finite, else the grader applied to its
 * children's most (a case: its accept score; unknown, null, when a validator or a custom grader gives the
 * scores).
 */
export function maxScore(
  item: TestCase | TestGroup | { config: GroupConfig; items: readonly (TestCase | TestGroup)[] },
  validatorScores: boolean,
): number | null {
  const config = item.config;
  if (!('items' in item)) return validatorScores ? null : (config.acceptScore ?? 1);
  const upper = parseRange(config.range)?.[1] ?? Infinity;
  if (Number.isFinite(upper)) return upper;
  if (config.grading === 'custom') return null;
  const flags = parseGraderFlags(config.graderFlags);
  const children = item.items.map((child) => maxScore(child, validatorScores));
  const used = flags.ignoreSample ? children.slice(-1) : children;
  if (used.some((m) => m === null)) return null;
  return aggregate(used as number[], flags.score);
}

export interface GradedTestData extends ScoreResult {
  verdict: Verdict;
}

/** The package's own grader on a group's sub-results with its `grader_flags` (a group with `grading: custom`). */
export type CustomGrader = (results: readonly SubResult[], graderFlags: string) => Promise<SubResult>;

/**
 * Grades the test data from the root (`data/`, whose children are sample and secret), asking `judgeCase`
 * for each case the groups judge, in order. Every graded group is listed (the root is the total). Groups
 * with `grading: custom` go to `customGrader`, the others to the default grader.
 */
export async function gradeTestData(
  testData: TestData,
  judgeCase: (testCase: TestCase) => Promise<SubResult>,
  validatorScores: boolean,
  customGrader?: CustomGrader,
): Promise<GradedTestData> {
  const groups: GroupScore[] = [];
  const root = { name: '', config: testData.config, items: testData.groups };

  const gradeGroup = async (group: {
    name: string;
    config: GroupConfig;
    items: readonly (TestCase | TestGroup)[];
  }): Promise<SubResult> => {
    const entry: GroupScore = { name: group.name, verdict: 'ACCEPTED', score: 0, maxScore: null };
    if (group.name !== '') groups.push(entry);
    const results: SubResult[] = [];
    for (const item of group.items) {
      const result = 'items' in item ? await gradeGroup(item) : await judgeCase(item);
      results.push(result);
      if (group.config.onReject === 'break' && result.verdict !== 'ACCEPTED') break;
    }
    // A judge error anywhere is the group's result (problemtools does not run the grader then).
    const judgeError = results.find((r) => r.verdict === 'INTERNAL_ERROR');
    let graded: SubResult;
    if (judgeError) graded = { verdict: judgeError.verdict, score: 0 };
    else if (group.config.grading === 'custom') {
      if (customGrader === undefined)
        throw new Error(`${group.name || 'data'}: grading custom needs its grader`);
      graded = await customGrader(results, group.config.graderFlags);
    } else graded = defaultGrader(results, parseGraderFlags(group.config.graderFlags));
    entry.verdict = graded.verdict;
    entry.score = graded.score;
    entry.maxScore = maxScore(group, validatorScores);
    return graded;
  };

  const total = await gradeGroup(root);
  return { verdict: total.verdict, score: total.score, maxScore: maxScore(root, validatorScores), groups };
}

/** Each graded group whose score lies outside its `range` (a package error the verification reports). */
export function outOfRange(testData: TestData, groups: readonly GroupScore[]): string[] {
  const configs = new Map<string, GroupConfig>();
  const visit = (group: TestGroup) => {
    configs.set(group.name, group.config);
    for (const item of group.items) if ('items' in item) visit(item);
  };
  testData.groups.forEach(visit);
  return groups.flatMap((g) => {
    const range = parseRange(configs.get(g.name)?.range);
    if (range === null || (g.score >= range[0] && g.score <= range[1])) return [];
    return [`${g.name} scored ${g.score}, outside its range ${range[0]} ${range[1]}`];
  });
}
