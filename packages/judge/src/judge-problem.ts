/**
 * Judges code against a problem of the catalog, in `run` mode (samples and custom tests) or
 * `submit` mode (every test, stopping at the first failure). Function problems run through a
 * generated harness, one process for all tests; stdio problems run once per test. Verdicts are
 * values; only platform faults throw (`InfrastructureError`, `AbortError` when aborted), plus
 * `InvalidTestInputError` for a custom input that does not fit the problem.
 */
import type { Sandbox } from '@arbiter/sandbox';
import type { CompileContext } from './compile-step.js';
import { judgeFunctionProblem } from './judge-problem-function.js';
import { judgeStdioProblem } from './judge-problem-stdio.js';
import type { ProblemHooks, ProblemJob, ProblemOutcome } from './judge-problem-types.js';

export async function judgeProblem(
  job: ProblemJob,
  sandbox: Sandbox,
  hooks: ProblemHooks = {},
  /** The worker's compile cache and precompiled header, for the user's program and the reference. */
  context: CompileContext = {},
): Promise<ProblemOutcome> {
  const { problem } = job;
  if (!problem.languages.includes(job.language)) {
    throw new Error(`${problem.slug} cannot be solved in ${job.language}`);
  }
  return problem.kind === 'function'
    ? judgeFunctionProblem(job, problem, sandbox, hooks, context)
    : judgeStdioProblem(job, problem, sandbox, hooks, context);
}

export {
  InvalidTestInputError,
  type ProblemHooks,
  type ProblemJob,
  type ProblemOutcome,
  type ProblemTest,
  type TestSource,
} from './judge-problem-types.js';
