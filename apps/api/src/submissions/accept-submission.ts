/**
 * Accepting a submission: check what the schema cannot (known language, sizes, problem), then
 * record and queue it (queue-job.ts). If the queue cannot take it, the record is removed and
 * the client is told to retry: nothing half-accepted stays behind.
 */
import { randomUUID } from 'node:crypto';
import {
  LISTED_LANGUAGE_IDS,
  MAX_CODE_BYTES,
  MAX_STDIN_BYTES,
  languageIdSchema,
  programFileBytes,
  programFilesOverCap,
  reservedFileIssue,
  resolveLimits,
  type EffectiveLimits,
  type JobData,
  type LanguageId,
  type LimitPolicy,
  type ProgramFile,
  type ProgramOptions,
  type SubmitRequest,
} from '@arbiter/contracts';
import { refusedCompilerFlags } from '@arbiter/judge/compiler-flags';
import { programEntry } from '@arbiter/judge/program-entry';
import { parseCustomInput, problemLimits, type Problem } from '@arbiter/problems';
import type { QueueOwner } from '@arbiter/queue';
import { HttpError, unavailable } from '../http/http-error.js';
import { packageLimits } from '../problems/package-limits.js';
import { resolveProblem, type ResolvedProblem } from '../problems/problem-directory.js';
import { CallbackRefused, checkCallbackUrl } from '../http/outbound/callback-guard.js';
import type { ApiResources } from '../resources.js';
import { acceptJob } from './queue-job.js';
import { checkLanguageAvailable } from './live-languages.js';

export interface Submitter {
  /** The signed-in user; null: anonymous. */
  userId: string | null;
  /** Who the job counts against in the queue's fair share (the user, or the client's address). */
  owner: QueueOwner;
  /** The contest the submit counts in, already checked (contest-submit.ts); absent: none. */
  contestId?: string;
}

/**
 * Free-run options a problem refuses, because each would change how it is judged: extra files
 * could shadow the harness's, flags change the measured program, stderr folded into stdout changes
 * what is compared, repeated runs change the times the percentiles rank. (`callbackUrl` is allowed.)
 */
const FREE_RUN_ONLY = {
  args: '"args" are for free runs: a problem runs its own tests.',
  files:
    '"files" are for free runs when "code" is given: to submit a program of several files, send them as "files" without "code".',
  compilerOptions:
    '"compilerOptions" are for free runs: a problem is compiled with the same flags for everyone.',
  redirectStderrToStdout: '"redirectStderrToStdout" is for free runs: a problem compares stdout alone.',
  numberOfRuns: '"numberOfRuns" is for free runs: a problem runs each test once.',
} as const satisfies Partial<Record<keyof SubmitRequest, string>>;

export interface AcceptOptions {
  /** CALLBACK_ALLOWED_HOSTS, for `callbackUrl`. */
  callbackHosts?: readonly string[];
  /**
   * An interactive free run: its stdin comes while it runs, through its input stream (opened here before
   * the job is queued), and its wall clock is the policy's longest, as it waits on a person.
   */
  interactive?: boolean;
  /** The submitter is an admin: draft problems (`visibility: draft`) are theirs to try; others hear "unknown". */
  seesDrafts?: boolean;
}

export async function acceptSubmission(
  resources: ApiResources,
  request: SubmitRequest,
  submitter: Submitter,
  accept: AcceptOptions = {},
): Promise<string> {
  const { callbackHosts = [], interactive = false, seesDrafts = false } = accept;
  const language = languageIdSchema.safeParse(request.language);
  // Unlisted languages (Judge0's multi-file program) are reached through their own API only.
  if (!language.success || !LISTED_LANGUAGE_IDS.includes(language.data)) {
    throw new HttpError(
      400,
      'UNKNOWN_LANGUAGE',
      `Unknown language "${request.language}". Known languages: ${LISTED_LANGUAGE_IDS.join(', ')}.`,
    );
  }
  const program = programSource(request, language.data);
  checkSize('code', program.code, MAX_CODE_BYTES);
  checkSize('stdin', request.stdin ?? '', MAX_STDIN_BYTES);
  checkSize('expectedOutput', request.expectedOutput ?? '', MAX_STDIN_BYTES);
  const resolved = request.problem === undefined ? null : await lookUpProblem(resources, request.problem);
  const problem = resolved?.kind === 'builtin' ? resolved.problem : null;
  const imported = resolved?.kind === 'package' ? resolved : null;
  if (imported?.settings.visibility === 'draft' && !seesDrafts)
    throw new HttpError(400, 'UNKNOWN_PROBLEM', `Unknown problem "${imported.ref.slug}". See GET /problems.`);
  if (resolved === null && request.mode === 'submit') {
    throw new HttpError(400, 'INVALID_REQUEST', 'mode "submit" judges a problem: give "problem" as well.');
  }
  if (resolved === null && request.tests !== undefined) {
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      '"tests" are custom inputs for a problem: give "problem" as well.',
    );
  }
  if (resolved !== null) {
    for (const [field, message] of Object.entries(FREE_RUN_ONLY)) {
      // A program sent as files alone is a program, not an extra: a problem judges it like `code`.
      if (field === 'files' && program.entry !== undefined) continue;
      if (request[field as keyof typeof FREE_RUN_ONLY] !== undefined)
        throw new HttpError(400, 'INVALID_REQUEST', message);
    }
  }
  if (problem?.kind === 'function' && program.entry !== undefined)
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      `"${problem.slug}" is solved by one function in one source file: send it as "code".`,
    );
  if (problem !== null) checkProblemRequest(problem, language.data, request);
  if (interactive && (resolved !== null || request.stdin !== undefined || request.numberOfRuns !== undefined))
    throw new HttpError(400, 'INVALID_REQUEST', 'An interactive run is a free run whose stdin comes live.');
  if (imported !== null) checkPackageRequest(imported, request);
  const requested = programOptions(request, language.data, program);
  const options = interactive ? { ...requested, interactive } : requested;
  if (request.callbackUrl !== undefined) checkCallback(request.callbackUrl, callbackHosts);
  // Redis being away is not this check's business: the queue step reports it.
  await checkLanguageAvailable(resources.registry, language.data).catch((error: unknown) => {
    if (error instanceof HttpError) throw error;
  });

  const data: JobData = {
    jobId: randomUUID(),
    language: language.data,
    code: program.code,
    stdin: request.stdin ?? '',
    expectedOutput: request.expectedOutput,
    mode: request.mode,
    problem: problem?.slug ?? imported?.ref.slug ?? null,
    ...(imported === null ? {} : { package: imported.ref }),
    tests: request.tests ?? [],
    userId: submitter.userId,
    rejudgeOf: null,
    ...(submitter.contestId === undefined ? {} : { contestId: submitter.contestId }),
    // A problem's limits are part of the problem; a free run may ask for its own.
    limits: problem
      ? problemLimits(problem, resources.limits)
      : imported
        ? packageLimits(imported.version, resources.limits, imported.settings)
        : interactive
          ? interactiveLimits(resolveLimits(request.limits, resources.limits), resources.limits)
          : resolveLimits(request.limits, resources.limits),
    ...(request.args === undefined || request.args.length === 0 ? {} : { args: request.args }),
    ...(options === undefined ? {} : { options }),
    createdAt: Date.now(),
  };
  if (interactive) await resources.stdin.open(data.jobId);
  await acceptJob(resources, data, submitter.owner);
  // Debug only: each job's info line is the one written when its result is saved (result-persister.ts).
  resources.logger.debug({ jobId: data.jobId, language: data.language, mode: data.mode }, 'job accepted');
  return data.jobId;
}

/** An interactive run's limits: the wall clock of the longest CPU time allowed (3 × max + 1 s). */
function interactiveLimits(limits: EffectiveLimits, policy: LimitPolicy): EffectiveLimits {
  return {
    ...limits,
    wallTimeMs: Math.max(limits.wallTimeMs, resolveLimits({ timeMs: policy.maxTimeMs }, policy).wallTimeMs),
  };
}

/** The problem a request names, built-in or imported; 400 when there is none, 503 when the database is away. */
async function lookUpProblem(resources: ApiResources, slug: string): Promise<ResolvedProblem> {
  let resolved: ResolvedProblem | null;
  try {
    resolved = await resolveProblem(resources, slug);
  } catch (error) {
    resources.logger.error({ err: error, problem: slug }, 'could not look the problem up');
    throw unavailable(
      'The database is not reachable right now; nothing was saved. Try again in a few seconds.',
    );
  }
  if (resolved === null) {
    throw new HttpError(400, 'UNKNOWN_PROBLEM', `Unknown problem "${slug}". See GET /problems.`);
  }
  return resolved;
}

/** What an imported problem allows: its own tests only, and only the kinds judged so far. */
function checkPackageRequest(
  imported: Extract<ResolvedProblem, { kind: 'package' }>,
  request: SubmitRequest,
): void {
  const { metadata } = imported.version;
  const judged = new Set(['pass-fail', 'scoring', 'interactive', 'multi-pass']);
  const unjudged = metadata.types.filter((type) => !judged.has(type));
  if (unjudged.length > 0) {
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      `"${imported.ref.slug}" is ${unjudged.join(' + ')}, which Arbiter does not judge yet.`,
    );
  }
  if (request.tests !== undefined) {
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      'An imported problem has no reference solution to answer custom "tests": a run judges its samples.',
    );
  }
  if (request.stdin !== undefined || request.expectedOutput !== undefined) {
    throw new HttpError(400, 'INVALID_REQUEST', 'A problem brings its own tests: send no stdin.');
  }
}

/** What only a problem can say about a request: the language, and the shape of custom inputs. */
function checkProblemRequest(problem: Problem, language: LanguageId, request: SubmitRequest): void {
  if (!problem.languages.includes(language)) {
    throw new HttpError(
      400,
      'UNKNOWN_LANGUAGE',
      `"${problem.slug}" cannot be solved in ${language}. Its languages: ${problem.languages.join(', ')}.`,
    );
  }
  if (request.mode === 'submit' && request.tests !== undefined) {
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      'Custom "tests" are for mode "run"; a submit runs every test.',
    );
  }
  if (request.stdin !== undefined || request.expectedOutput !== undefined) {
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      'A problem brings its own tests: send "tests" instead of stdin.',
    );
  }
  if (problem.kind !== 'function') return;
  for (const [i, input] of (request.tests ?? []).entries()) {
    const parsed = parseCustomInput(problem.signature, input);
    if (!parsed.ok) {
      const details = parsed.errors.map(
        (error) => `tests.${i}: ${error.field ? `${error.field}: ` : ''}${error.message}`,
      );
      throw new HttpError(400, 'INVALID_REQUEST', details[0] ?? `tests.${i} is not valid`, details);
    }
  }
}

/** The program of a request: its entry's text, the files beside it, and the entry's name when sent as files. */
interface ProgramSource {
  code: string;
  files: ProgramFile[];
  /** The name the entry file was sent under; absent: the program came as `code`. */
  entry?: string;
}

/**
 * `code` with its extra files, or a program sent as files alone: the file with the entry point (else the
 * first) is the program, as the package verification picks a folder submission's entry. The entry is taken
 * out of the list; the others keep their names, which may then not be the entry's or the compiler's.
 */
function programSource(request: SubmitRequest, language: LanguageId): ProgramSource {
  const files = request.files ?? [];
  const overCap = programFilesOverCap(files);
  if (overCap !== null) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', overCap);
  if (request.code !== undefined) return { code: request.code, files };
  const texts = files.map((file) => ({
    file,
    name: file.name,
    text: file.encoding === 'base64' ? Buffer.from(file.content, 'base64').toString('utf8') : file.content,
  }));
  const entry = programEntry(language, texts);
  // The schema asks for `code` or at least one file.
  if (entry === undefined) throw new HttpError(400, 'INVALID_REQUEST', 'code is required.');
  if (programFileBytes(entry.file) === 0)
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      `files: "${entry.name}", the program's entry file, is empty.`,
    );
  const others = texts.filter((text) => text !== entry).map((text) => text.file);
  for (const file of others) {
    const issue = reservedFileIssue(file.name);
    if (issue !== null) {
      throw new HttpError(
        400,
        'INVALID_REQUEST',
        `files: "${file.name}" is not the entry file ("${entry.name}" is): ${issue}`,
      );
    }
  }
  return { code: entry.text, files: others, entry: entry.name };
}

/** The job's program options (none: undefined), after the checks the schema cannot make. */
function programOptions(
  request: SubmitRequest,
  language: LanguageId,
  program: ProgramSource,
): ProgramOptions | undefined {
  const options: ProgramOptions = {};
  if (program.files.length > 0) options.files = program.files;
  if (program.entry !== undefined) options.entry = program.entry;
  if (request.compilerOptions !== undefined && request.compilerOptions.length > 0) {
    const refused = refusedCompilerFlags(language, request.compilerOptions);
    if (refused !== null) throw new HttpError(400, 'INVALID_REQUEST', refused);
    options.compilerOptions = request.compilerOptions;
  }
  if (request.redirectStderrToStdout === true) options.redirectStderrToStdout = true;
  if (request.numberOfRuns !== undefined && request.numberOfRuns > 1)
    options.numberOfRuns = request.numberOfRuns;
  return Object.keys(options).length > 0 ? options : undefined;
}

/** The checks of `callbackUrl` that need no network (its form, an IP literal's range); DNS is checked on delivery. */
function checkCallback(url: string, allowedHosts: readonly string[]): void {
  try {
    checkCallbackUrl(url, allowedHosts);
  } catch (error) {
    if (error instanceof CallbackRefused)
      throw new HttpError(400, 'INVALID_REQUEST', `callbackUrl ${error.message}.`);
    throw error;
  }
}

function checkSize(field: string, value: string, limit: number): void {
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > limit) {
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `${field} is ${bytes} bytes; the limit is ${limit} bytes.`);
  }
}
