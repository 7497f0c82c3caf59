/**
 * Accepting a submission: check what the schema cannot (known language, sizes, problem), then
 * record and queue it (queue-job.ts). If the queue cannot take it, the record is removed and
 * the client is told to retry: nothing half-accepted stays behind.
 */
import { randomUUID } from 'node:crypto';
import {
  LANGUAGE_IDS,
  MAX_CODE_BYTES,
  MAX_STDIN_BYTES,
  languageIdSchema,
  resolveLimits,
  type JobData,
  type LanguageId,
  type SubmitRequest,
} from '@arbiter/contracts';
import { parseCustomInput, problemLimits, type Problem } from '@arbiter/problems';
import { HttpError } from '../http/http-error.js';
import type { ApiResources } from '../resources.js';
import { acceptJob } from './queue-job.js';
import { checkLanguageAvailable } from './live-languages.js';

export interface Submitter {
  /** The signed-in user; null: anonymous. */
  userId: string | null;
}

export async function acceptSubmission(
  resources: ApiResources,
  request: SubmitRequest,
  submitter: Submitter,
): Promise<string> {
  const language = languageIdSchema.safeParse(request.language);
  if (!language.success) {
    throw new HttpError(
      400,
      'UNKNOWN_LANGUAGE',
      `Unknown language "${request.language}". Known languages: ${LANGUAGE_IDS.join(', ')}.`,
    );
  }
  checkSize('code', request.code, MAX_CODE_BYTES);
  checkSize('stdin', request.stdin ?? '', MAX_STDIN_BYTES);
  checkSize('expectedOutput', request.expectedOutput ?? '', MAX_STDIN_BYTES);
  const problem = request.problem === undefined ? null : resources.catalog.get(request.problem);
  if (problem === undefined) {
    throw new HttpError(400, 'UNKNOWN_PROBLEM', `Unknown problem "${request.problem}". See GET /problems.`);
  }
  if (problem === null && request.mode === 'submit') {
    throw new HttpError(400, 'INVALID_REQUEST', 'mode "submit" judges a problem: give "problem" as well.');
  }
  if (problem === null && request.tests !== undefined) {
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      '"tests" are custom inputs for a problem: give "problem" as well.',
    );
  }
  if (problem !== null && request.args !== undefined) {
    throw new HttpError(400, 'INVALID_REQUEST', '"args" are for free runs: a problem runs its own tests.');
  }
  if (problem !== null) checkProblemRequest(problem, language.data, request);
  // Redis being away is not this check's business: the queue step reports it.
  await checkLanguageAvailable(resources.registry, language.data).catch((error: unknown) => {
    if (error instanceof HttpError) throw error;
  });

  const data: JobData = {
    jobId: randomUUID(),
    language: language.data,
    code: request.code,
    stdin: request.stdin ?? '',
    expectedOutput: request.expectedOutput,
    mode: request.mode,
    problem: problem?.slug ?? null,
    tests: request.tests ?? [],
    userId: submitter.userId,
    rejudgeOf: null,
    // A problem's limits are part of the problem; a free run may ask for its own.
    limits: problem
      ? problemLimits(problem, resources.limits)
      : resolveLimits(request.limits, resources.limits),
    ...(request.args === undefined || request.args.length === 0 ? {} : { args: request.args }),
    createdAt: Date.now(),
  };
  await acceptJob(resources, data);
  resources.logger.info({ jobId: data.jobId, language: data.language, mode: data.mode }, 'job accepted');
  return data.jobId;
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

function checkSize(field: string, value: string, limit: number): void {
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > limit) {
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `${field} is ${bytes} bytes; the limit is ${limit} bytes.`);
  }
}
