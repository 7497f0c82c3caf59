/**
 * Judges one job's code: a free-form program (stdin, optional expected output) or a problem
 * (its tests through the harness). Returns the fields of the result that judging decides.
 */
import { UnrecoverableError } from 'bullmq';
import {
  clipResultTexts,
  type JobData,
  type JobResult,
  type PackageRef,
  type PackageVerification,
  type TestResult,
} from '@arbiter/contracts';
import {
  analyzeSimilarity,
  InvalidTestInputError,
  judgePackageProblem,
  PackageJudgeError,
  judgeProblem,
  judgeProgram,
  verifyPackage,
  type ProblemOutcome,
  type ProblemTest,
  type StepHooks,
} from '@arbiter/judge';
import type { StdinReader } from '@arbiter/queue';
import type { RunChannel } from '@arbiter/sandbox';
import type { LogBatcher } from './log-batcher.js';
import type { WorkerResources } from './resources.js';

export type JudgedFields = Pick<
  JobResult,
  | 'verdict'
  | 'stdout'
  | 'stderr'
  | 'compileOutput'
  | 'exitCode'
  | 'signal'
  | 'timeMs'
  | 'wallTimeMs'
  | 'memoryKb'
  | 'tests'
  | 'passed'
  | 'total'
  | 'failedTest'
  | 'verification'
  | 'similarity'
  | 'score'
>;

export async function judgeJob(
  resources: WorkerResources,
  data: JobData,
  batcher: LogBatcher,
  signal: AbortSignal,
  /** When each sandbox step ran (for the result's `timings`). */
  onStep?: StepHooks['onStep'],
): Promise<JudgedFields> {
  if (data.similarity !== undefined) return similarityJob(resources, data, signal);
  if (data.problem === null) {
    const live = data.options?.interactive === true ? liveStdin(resources, data.jobId, batcher) : undefined;
    const outcome = await judgeProgram(
      {
        language: data.language,
        code: data.code,
        stdin: data.stdin,
        expectedOutput: data.expectedOutput,
        limits: data.limits,
        args: data.args,
        files: programFiles(data),
        compilerOptions: data.options?.compilerOptions,
        redirectStderrToStdout: data.options?.redirectStderrToStdout,
        runs: data.options?.numberOfRuns,
        channel: live?.channel,
      },
      resources.sandbox,
      { onLog: batcher.push, signal, onStep },
      resources.compile,
    ).finally(() => live?.stop());
    return clipResultTexts({ ...outcome, tests: [], passed: null, total: null, failedTest: null });
  }

  if (data.package !== undefined && data.verify !== undefined)
    return verifyPackageJob(resources, data, data.package, data.verify.defaultTimeMs, signal);
  if (data.package !== undefined)
    return judgePackageJob(resources, data, data.package, batcher, signal, onStep);
  const problem = resources.catalog.get(data.problem);
  if (problem === undefined) throw new UnrecoverableError(`this worker has no problem "${data.problem}"`);
  try {
    const outcome = await judgeProblem(
      {
        problem,
        language: data.language,
        code: data.code,
        mode: data.mode,
        customInputs: data.tests,
        limits: data.limits,
        files: programFiles(data),
      },
      resources.sandbox,
      problemHooks(batcher, signal, onStep),
      resources.compile,
    );
    return problemFields(outcome);
  } catch (error) {
    // The API checks custom inputs first; one the reference solution cannot answer ends here.
    if (error instanceof InvalidTestInputError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

/** An imported problem's job: judged on exactly the package version it names. */
async function judgePackageJob(
  resources: WorkerResources,
  data: JobData,
  ref: PackageRef,
  batcher: LogBatcher,
  signal: AbortSignal,
  onStep?: StepHooks['onStep'],
): Promise<JudgedFields> {
  // A package that cannot be had is a platform fault: retried (the API puts it back in Redis on a requeue).
  const pkg = await resources.packages.get(ref);
  try {
    const outcome = await judgePackageProblem(
      {
        pkg,
        language: data.language,
        code: data.code,
        files: programFiles(data),
        mode: data.mode,
        limits: data.limits,
      },
      resources.sandbox,
      problemHooks(batcher, signal, onStep),
      resources.compile,
    );
    return problemFields(outcome);
  } catch (error) {
    // The package's own validator is unusable: no retry makes it better; an admin must fix the package.
    if (error instanceof PackageJudgeError) {
      resources.logger.error(
        { err: error, problem: ref.slug, version: ref.version },
        'package cannot be judged',
      );
      throw new UnrecoverableError(
        `Problem "${ref.slug}" (version ${ref.version}) cannot be judged: its ${
          error.message.startsWith('grading') ? 'grading' : 'output validator'
        } is unusable. An admin must fix the package.`,
      );
    }
    throw error;
  }
}

/**
 * Verification on import: the package's labelled submissions, each compiled and judged in the sandbox like
 * any submission; the findings become the result's `verification` (the API stores them with the version).
 */
async function verifyPackageJob(
  resources: WorkerResources,
  data: JobData,
  ref: PackageRef,
  defaultTimeMs: number,
  signal: AbortSignal,
): Promise<JudgedFields> {
  const pkg = await resources.packages.get(ref);
  let verification: PackageVerification;
  try {
    verification = await verifyPackage(
      pkg,
      resources.sandbox,
      {
        offered: new Set(resources.languages.map((language) => language.id)),
        limits: data.limits,
        defaultTimeMs,
        signal,
      },
      resources.compile,
    );
  } catch (error) {
    if (!(error instanceof PackageJudgeError)) throw error;
    // The package's own validator is unusable: that is the finding.
    verification = { status: 'failed', submissions: [], ok: false, error: error.message };
  }
  verification = { ...verification, slug: ref.slug, version: ref.version };
  resources.logger.info(
    { problem: ref.slug, version: ref.version, ok: verification.ok, timeLimit: verification.timeLimit },
    'package verified',
  );
  return {
    verdict: null,
    stdout: '',
    stderr: '',
    compileOutput: '',
    exitCode: null,
    signal: null,
    timeMs: null,
    wallTimeMs: null,
    memoryKb: null,
    tests: [],
    passed: verification.submissions.filter((s) => s.ok).length,
    total: verification.submissions.length,
    failedTest: null,
    verification,
  };
}

/**
 * A similarity report's analysis: the job's sources compared by Dolos in the sandbox (never in the worker
 * itself: parsing attacker-written sources is running code on their input); the API keeps the pairs.
 */
async function similarityJob(
  resources: WorkerResources,
  data: JobData,
  signal: AbortSignal,
): Promise<JudgedFields> {
  const job = data.similarity ?? { groups: [] };
  const similarity = await analyzeSimilarity(job, resources.sandbox, { signal });
  resources.logger.info(
    { pairs: similarity.pairs.length, warnings: similarity.warnings.length },
    'similarity analysed',
  );
  const files = job.groups.reduce((sum, group) => sum + group.files.length, 0);
  return {
    verdict: null,
    stdout: '',
    stderr: '',
    compileOutput: '',
    exitCode: null,
    signal: null,
    timeMs: null,
    wallTimeMs: null,
    memoryKb: null,
    tests: [],
    passed: null,
    total: files,
    failedTest: null,
    similarity,
  };
}

/**
 * An interactive run's stdin: when the program starts, a `stage` event tells the clients, and the job's
 * input stream is read from its start and written to the program's stdin as it comes (end of file
 * half-closes it, a signal kills the run). What the program writes to its own stdin is dropped.
 */
function liveStdin(
  resources: WorkerResources,
  jobId: string,
  batcher: LogBatcher,
): { channel: RunChannel; stop: () => void } {
  let reader: StdinReader | undefined;
  let stopped = false;
  const channel: RunChannel = {
    open: (port) => {
      if (stopped) return;
      batcher.event({ type: 'stage', data: { stage: 'run' } });
      reader = resources.stdin.read(jobId, (record) => {
        if (record.type === 'data') port.write(record.data);
        else if (record.type === 'eof') port.end();
        else port.kill();
      });
      reader.done.catch((err: unknown) => {
        // The program then reads nothing more; it ends by itself or at its wall-clock limit.
        resources.logger.warn({ err, jobId }, 'cannot read the live stdin of an interactive job');
      });
    },
    data: () => undefined,
  };
  return {
    channel,
    stop: () => {
      stopped = true;
      reader?.stop();
    },
  };
}

/** The job's extra files by name, Base64 ones decoded. */
function programFiles(data: JobData): Record<string, string | Uint8Array> | undefined {
  const files = data.options?.files;
  if (files === undefined || files.length === 0) return undefined;
  return Object.fromEntries(
    files.map((file) => [
      file.name,
      file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content,
    ]),
  );
}

/** What a problem's judging reports as it goes: output lines, steps, and each test as it finishes. */
function problemHooks(batcher: LogBatcher, signal: AbortSignal, onStep?: StepHooks['onStep']) {
  return {
    onLog: batcher.push,
    signal,
    onStep,
    onTest: (test: ProblemTest) =>
      batcher.event({
        type: 'test',
        data: { index: test.index, verdict: test.verdict, timeMs: test.timeMs, memoryKb: test.memoryKb },
      }),
  };
}

/** A problem's outcome (built-in or imported) as the result's fields, texts clipped. */
function problemFields(outcome: ProblemOutcome): JudgedFields {
  return clipResultTexts({
    verdict: outcome.verdict,
    stdout: outcome.stdout,
    stderr: outcome.stderr,
    compileOutput: outcome.compileOutput,
    exitCode: outcome.exitCode,
    signal: outcome.signal,
    timeMs: outcome.timeMs,
    wallTimeMs: outcome.wallTimeMs,
    memoryKb: outcome.memoryKb,
    tests: outcome.tests.map(testResult),
    passed: outcome.passed,
    total: outcome.total,
    failedTest: outcome.failedTest === null ? null : testResult(outcome.failedTest),
    ...(outcome.score === undefined ? {} : { score: outcome.score }),
  });
}

function testResult(test: ProblemTest): TestResult {
  const { stdout: _stdout, ...rest } = test;
  return rest;
}
