/**
 * A package's custom grader (`graders/`), as the legacy specification's "Graders" section and problemtools
 * run it: for a group with `grading: custom`, the grader gets the group's sub-results on stdin, one
 * `<verdict> <score>` line each in judging order (verdicts AC, WA, RTE, TLE), its `grader_flags` as
 * arguments, and must exit 0 having written one `<verdict> <score>` line (AC, WA, RTE, TLE or JE). It is
 * compiled and run in the sandbox like the output validator; anything else it does is a judge error.
 */
import { clipText, type Verdict } from '@arbiter/contracts';
import { flagWords, type ProblemPackage, type TestGroup } from '@arbiter/problem-package';
import type { RunLimits, Sandbox } from '@arbiter/sandbox';
import { toolArgv, usable, type CompileContext } from './compile-step.js';
import {
  compilePackageProgram,
  PackageJudgeError,
  programFolderFiles,
  VALIDATOR_LIMITS,
  type CompiledValidator,
} from './output-validator.js';
import type { CustomGrader, SubResult } from './scoring-grader.js';
import { howRunEnded } from './run-ending.js';

const DIR = 'graders/';

/** A grader runs with the validators' limits; its answer is one short line, so its output is capped small. */
export const GRADER_LIMITS: RunLimits = { ...VALIDATOR_LIMITS, outputBytes: 4 * 1024 };

/** The protocol's verdict codes for a sub-result (a memory or output limit is a run-time error, as in problemtools). */
const CODE_OF: Partial<Record<Verdict, string>> = {
  ACCEPTED: 'AC',
  WRONG_ANSWER: 'WA',
  TIME_LIMIT_EXCEEDED: 'TLE',
  RUNTIME_ERROR: 'RTE',
  MEMORY_LIMIT_EXCEEDED: 'RTE',
  OUTPUT_LIMIT_EXCEEDED: 'RTE',
};

const VERDICT_OF: Readonly<Record<string, Verdict>> = {
  AC: 'ACCEPTED',
  WA: 'WRONG_ANSWER',
  TLE: 'TIME_LIMIT_EXCEEDED',
  RTE: 'RUNTIME_ERROR',
  JE: 'INTERNAL_ERROR',
};

/** The grader's stdin: one `<verdict> <score>` line per sub-result, in order. */
export function graderInput(results: readonly SubResult[]): string {
  return results
    .map((result) => {
      const code = CODE_OF[result.verdict];
      if (code === undefined) throw new Error(`a ${result.verdict} sub-result cannot be given to a grader`);
      return `${code} ${result.score}\n`;
    })
    .join('');
}

/** The grader's answer read strictly: exactly one line `<verdict> <score>` (a finite decimal number). */
export function parseGraderOutput(text: string): SubResult | { error: string } {
  const match = /^(AC|WA|TLE|RTE|JE)[ \t]+([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)[ \t]*\n?$/.exec(text);
  if (match === null)
    return {
      error: `not one line "<AC|WA|TLE|RTE|JE> <score>": ${JSON.stringify(text.slice(0, 120))}`,
    };
  const score = Number(match[2]);
  if (!Number.isFinite(score)) return { error: `a score that is not a finite number: ${match[2] as string}` };
  return { verdict: VERDICT_OF[match[1] as string] as Verdict, score };
}

/** The grader's files relative to its own folder: `graders/` holds one file, or one folder. */
function graderFiles(pkg: ProblemPackage): Map<string, Buffer> {
  return programFolderFiles(pkg, pkg.graders, DIR, (count) => `grading: ${DIR} holds ${count} graders`);
}

/** Compiles the package's grader in the sandbox (the compile cache keeps it per worker and package). */
export async function compileGrader(
  pkg: ProblemPackage,
  sandbox: Sandbox,
  hooks: { signal?: AbortSignal },
  context: CompileContext,
): Promise<CompiledValidator> {
  if (pkg.graders.length === 0) throw new PackageJudgeError('grading: custom, but graders/ holds no grader');
  try {
    return await compilePackageProgram(graderFiles(pkg), 'grader', sandbox, hooks, context);
  } catch (error) {
    // Said as the grading's fault, so the worker names it so.
    if (error instanceof PackageJudgeError && !error.message.startsWith('grading'))
      throw new PackageJudgeError(`grading: ${error.message}`);
    throw error;
  }
}

const decoder = new TextDecoder();

/**
 * Runs the grader on a group's sub-results with its `grader_flags`. A grader that does not exit 0, hits a
 * limit or answers anything but one well-formed line fails the judging (a judge error for admins).
 * No sub-results: accepted with score 0, the grader not run (as problemtools does).
 */
export async function runGrader(
  grader: CompiledValidator,
  sandbox: Sandbox,
  results: readonly SubResult[],
  graderFlags: string,
  signal?: AbortSignal,
): Promise<SubResult> {
  if (results.length === 0) return { verdict: 'ACCEPTED', score: 0 };
  const { program } = grader;
  const report = usable(
    await sandbox.run({
      argv: [...toolArgv(program, GRADER_LIMITS), ...flagWords(graderFlags)],
      files: program.files,
      stdin: new TextEncoder().encode(graderInput(results)),
      limits: GRADER_LIMITS,
      ...(signal === undefined ? {} : { signal }),
    }),
    'grader',
  );
  const stderr = clipText(decoder.decode(report.stderr).trim(), 2_048);
  const fail = (why: string) =>
    new PackageJudgeError(`grading: the custom grader ${why}${stderr ? `\nstderr:\n${stderr}` : ''}`);
  if (report.status !== 'exited' || report.exitCode !== 0) {
    throw fail(report.status === 'exited' ? `${howRunEnded(report)} (0 expected)` : howRunEnded(report));
  }
  const answer = parseGraderOutput(decoder.decode(report.stdout));
  if ('error' in answer) throw fail(`gave an answer that is ${answer.error}`);
  if (answer.verdict === 'INTERNAL_ERROR') throw fail('answered JE (a judge error)');
  return answer;
}

/** Whether any group of the test data asks for the custom grader (`grading: custom`). */
export function usesCustomGrader(pkg: ProblemPackage): boolean {
  const custom = (group: TestGroup): boolean =>
    group.config.grading === 'custom' || group.items.some((item) => 'items' in item && custom(item));
  return pkg.testData.config.grading === 'custom' || pkg.testData.groups.some(custom);
}

/** The package's grader, compiled, as the scoring walk calls it; undefined when no group uses it. */
export async function packageGrader(
  pkg: ProblemPackage,
  sandbox: Sandbox,
  context: CompileContext,
  signal?: AbortSignal,
): Promise<CustomGrader | undefined> {
  if (!usesCustomGrader(pkg)) return undefined;
  const grader = await compileGrader(pkg, sandbox, signal === undefined ? {} : { signal }, context);
  return (results, graderFlags) => runGrader(grader, sandbox, results, graderFlags, signal);
}
