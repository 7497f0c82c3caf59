/**
 * Rejudging: each finished original submit chosen by an admin becomes a new job with the same
 * code, language, owner and problem, under the problem's current tests and limits. The rejudge
 * has its own row (`rejudgeOf` names the original, which is never rewritten), does not count in
 * the problem's statistics again, and waits behind the runs and submits of its round: all rejudges
 * share one turn of the queue's fair share (fair-share.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  MAX_REJUDGE_BATCH,
  type JobData,
  type RejudgeRequest,
  type RejudgeResponse,
} from '@arbiter/contracts';
import type { Submission } from '@arbiter/db';
import { REJUDGE_OWNER } from '@arbiter/queue';
import { problemLimits } from '@arbiter/problems';
import { HttpError, notFound } from '../http/http-error.js';
import type { ApiResources } from '../resources.js';
import { acceptJob } from './queue-job.js';
import { packageLimits } from '../problems/package-limits.js';
import { resolveProblem } from '../problems/problem-directory.js';

export async function rejudge(resources: ApiResources, request: RejudgeRequest): Promise<RejudgeResponse> {
  const target =
    'submissionId' in request
      ? { id: request.submissionId }
      : { problem: request.problem, ...(request.language ? { language: request.language } : {}) };
  if ('problem' in target && (await resolveProblem(resources, target.problem)) === null) {
    throw new HttpError(400, 'UNKNOWN_PROBLEM', `Unknown problem "${target.problem}". See GET /problems.`);
  }
  const originals = await resources.db.submissions.listRejudgeable(target, MAX_REJUDGE_BATCH);
  if ('id' in target && originals.length === 0) {
    throw notFound(`No finished submit "${target.id}" to rejudge (runs and rejudges are not rejudged).`);
  }
  const jobs: RejudgeResponse['jobs'] = [];
  for (const original of originals) {
    const data = await rejudgeJob(resources, original);
    if (data === null) continue;
    await acceptJob(resources, data, REJUDGE_OWNER);
    jobs.push({ jobId: data.jobId, rejudgeOf: original.id });
  }
  resources.logger.info({ target, jobs: jobs.length }, 'rejudge queued');
  return { jobs };
}

/** The new job for an original submit (an imported problem's latest version); null when its problem is gone. */
async function rejudgeJob(resources: ApiResources, original: Submission): Promise<JobData | null> {
  const resolved =
    original.problemSlug === null ? null : await resolveProblem(resources, original.problemSlug);
  if (resolved === null) return null;
  if (resolved.kind === 'package') {
    return {
      jobId: randomUUID(),
      language: original.language,
      code: original.code,
      stdin: '',
      mode: 'submit',
      problem: resolved.ref.slug,
      package: resolved.ref,
      tests: [],
      userId: original.userId,
      rejudgeOf: original.id,
      ...contestOf(original),
      limits: packageLimits(resolved.version, resources.limits, resolved.settings),
      ...programOf(original),
      createdAt: Date.now(),
    };
  }
  const { problem } = resolved;
  return {
    jobId: randomUUID(),
    language: original.language,
    code: original.code,
    stdin: '',
    mode: 'submit',
    problem: problem.slug,
    tests: [],
    userId: original.userId,
    rejudgeOf: original.id,
    ...contestOf(original),
    limits: problemLimits(problem, resources.limits),
    ...programOf(original),
    createdAt: Date.now(),
  };
}

/** A contest's submit stays in its contest on a rejudge, so the board counts the new verdict. */
function contestOf(original: Submission): Pick<JobData, 'contestId'> {
  return original.contestId === null ? {} : { contestId: original.contestId };
}

/** A program sent as files keeps them on a rejudge: the files beside the entry and the entry's name. */
function programOf(original: Submission): Pick<JobData, 'options'> {
  const options = original.request?.options;
  if (options?.entry === undefined) return {};
  return {
    options: { entry: options.entry, ...(options.files === undefined ? {} : { files: options.files }) },
  };
}
