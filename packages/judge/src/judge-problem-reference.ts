/**
 * Expected answers for `run` mode's custom inputs, from the problem's reference solution run
 * through the same harness (Python first: it needs no compile step; then C++, then any other).
 */
import type { EffectiveLimits, LanguageId } from '@arbiter/contracts';
import {
  buildHarness,
  messageOf,
  normalizeValue,
  type FunctionProblem,
  type Problem,
  type ReferenceSolution,
  type StdioProblem,
} from '@arbiter/problems';
import type { Sandbox } from '@arbiter/sandbox';
import { compileProgram, type CompileContext, type CompiledProgram } from './compile-step.js';
import { runHarness } from './harness-run.js';
import { InvalidTestInputError } from './judge-problem-types.js';
import { runProgram } from './run-step.js';
import { InfrastructureError } from './verdict.js';

const PREFERENCE: LanguageId[] = ['python', 'cpp', 'java', 'c', 'javascript', 'typescript'];

export function referenceSolution(problem: Problem): ReferenceSolution | null {
  for (const language of PREFERENCE) {
    const solution = problem.solutions.find((s) => s.language === language);
    if (solution) return solution;
  }
  return null;
}

export interface ReferenceOptions {
  limits: EffectiveLimits;
  signal?: AbortSignal;
  /** With a compile cache, a compiled reference is reused across jobs. */
  context?: CompileContext;
}

async function compileReference(
  problem: Problem,
  sandbox: Sandbox,
  { signal, context }: ReferenceOptions,
): Promise<CompiledProgram> {
  const reference = referenceSolution(problem);
  if (reference === null) {
    throw new InvalidTestInputError(`${problem.slug} has no reference solution to answer custom tests`);
  }
  const code = buildHarness(problem, reference.language, reference.code).code;
  const compiled = await compileProgram(reference.language, code, sandbox, { signal }, context);
  if (!compiled.ok) {
    throw new InfrastructureError(`reference solution ${reference.file} of ${problem.slug} does not compile`);
  }
  return compiled.program;
}

/** The reference's answers to `argsPerTest`, normalized like expected values in test files. */
export async function referenceAnswers(
  problem: FunctionProblem,
  argsPerTest: unknown[][],
  sandbox: Sandbox,
  options: ReferenceOptions,
): Promise<unknown[]> {
  if (argsPerTest.length === 0) return [];
  const program = await compileReference(problem, sandbox, options);
  const { limits, signal } = options;
  const result = await runHarness(program, argsPerTest, sandbox, { limits, signal });
  if (result.compileError !== null) {
    throw new InfrastructureError(`reference solution of ${problem.slug} does not compile`);
  }
  return argsPerTest.map((_args, i) => {
    const record = result.records[i];
    if (record === undefined) {
      const why = result.breach?.message ?? result.run.verdict;
      throw new InvalidTestInputError(`custom test ${i + 1}: the reference solution did not finish (${why})`);
    }
    if (record.status !== 'ok') {
      throw new InvalidTestInputError(
        `custom test ${i + 1}: the reference solution failed: ${messageOf(record.payload)}`,
      );
    }
    return normalizeValue(problem.signature.returns, JSON.parse(record.payload));
  });
}

/** The reference's stdout for each stdin. */
export async function referenceOutputs(
  problem: StdioProblem,
  inputs: string[],
  sandbox: Sandbox,
  options: ReferenceOptions,
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const program = await compileReference(problem, sandbox, options);
  const { limits, signal } = options;
  const outputs: string[] = [];
  for (const [i, stdin] of inputs.entries()) {
    const run = await runProgram(program, sandbox, { stdin, limits, signal });
    if (run.compileError || run.verdict !== 'ACCEPTED') {
      throw new InvalidTestInputError(
        `custom test ${i + 1}: the reference solution failed (${run.compileError ? 'COMPILE_ERROR' : run.verdict})`,
      );
    }
    outputs.push(run.stdout);
  }
  return outputs;
}
