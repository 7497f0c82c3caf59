/**
 * How problems are shown: the list entry and the detail page. Only samples leave the server;
 * hidden tests never appear in any answer.
 */
import { LANGUAGE_IDS, type ProblemDetail, type ProblemSummary } from '@arbiter/contracts';
import { formatArgs, formatType, formatValue, starterCode, type Problem } from '@arbiter/problems';

export interface ProblemStats {
  submissions: number;
  acceptanceRate: number | null;
}

export function problemSummary(
  problem: Problem,
  stats: ProblemStats | undefined,
  status: ProblemSummary['status'],
): ProblemSummary {
  return {
    slug: problem.slug,
    title: problem.title,
    difficulty: problem.difficulty,
    tags: problem.tags,
    submissions: stats?.submissions ?? 0,
    acceptanceRate: stats?.acceptanceRate ?? null,
    status,
  };
}

export function problemDetail(
  problem: Problem,
  stats: ProblemStats | undefined,
  status: ProblemSummary['status'],
): ProblemDetail {
  const starters: ProblemDetail['starterCode'] = {};
  for (const language of LANGUAGE_IDS) {
    if (problem.languages.includes(language)) starters[language] = starterCode(problem, language);
  }
  return {
    ...problemSummary(problem, stats, status),
    kind: problem.kind,
    statement: problem.statement,
    examples:
      problem.kind === 'function'
        ? problem.samples.map((test) => ({
            input: formatArgs(problem.signature.params, test.args),
            output: formatValue(problem.signature.returns, test.expected),
            testInput: test.args.map((value) => JSON.stringify(value)).join('\n'),
          }))
        : problem.samples.map((test) => ({ input: test.input, output: test.output, testInput: test.input })),
    languages: problem.languages,
    starterCode: starters,
    limits: problem.limits,
    signature:
      problem.kind === 'function'
        ? {
            name: problem.signature.name,
            params: problem.signature.params.map((param) => ({
              name: param.name,
              type: formatType(param.type),
            })),
            returns: formatType(problem.signature.returns),
          }
        : null,
    hasSolutions: problem.showSolutions !== false && problem.solutions.length > 0,
  };
}
