/**
 * Similarity reports: starting one (the submissions in its scope read from the database, their sources
 * handed to a worker as a `similarity` job; the analysis itself runs in the sandbox, never here) and
 * reading one back. A report lives in Redis (`<prefix>:similarity:{id}`, 30 days): its scope, author and
 * submissions when started, its pairs once the job finished (copied from the job's record, which expires
 * after RESULT_TTL_SECONDS).
 */
import { randomUUID } from 'node:crypto';
import {
  MAX_SIMILARITY_SUBMISSIONS,
  similarityReportSchema,
  type AuthUser,
  type JobData,
  type JobResult,
  type SimilarityJob,
  type SimilarityReport,
  type SimilarityRequest,
  type SimilarityScope,
} from '@arbiter/contracts';
import type { QueueOwner } from '@arbiter/queue';
import { findTaughtClass, noSuchAssignment } from '../classes/class-access.js';
import { findManagedContest } from '../contests/contest-access.js';
import { HttpError } from '../http/http-error.js';
import type { ApiResources } from '../resources.js';
import { queueJob, type QueueResources } from '../submissions/queue-job.js';

/** Similarity jobs take their turns as one owner of background work, as rejudges and verifications do. */
export const SIMILARITY_OWNER: QueueOwner = 'similarity';
/** How long a report is kept, in seconds. */
export const SIMILARITY_TTL_SECONDS = 30 * 24 * 3600;

const keyOf = (prefix: string, id: string) => `${prefix}:similarity:{${id}}`;

type ReportResources = Pick<ApiResources, 'redis' | 'prefix' | 'store' | 'db' | 'catalog' | 'logger'>;

/** The submissions a request names, after checking the caller may see them (403/404 otherwise). */
async function submissionsInScope(resources: ReportResources, request: SimilarityRequest, user: AuthUser) {
  const base = { problem: request.problem, limit: MAX_SIMILARITY_SUBMISSIONS };
  if (request.contestId !== undefined) {
    const contest = await findManagedContest(resources, request.contestId, user, 'compare its submissions');
    if (!contest.problems.some((problem) => problem.problemSlug === request.problem))
      throw new HttpError(400, 'UNKNOWN_PROBLEM', `Problem "${request.problem}" is not in this contest.`);
    return resources.db.submissions.latestSubmitsPerUser({ ...base, contestId: contest.id });
  }
  if (request.classId !== undefined && request.assignmentId !== undefined) {
    const cls = await findTaughtClass(resources, request.classId, user, 'compare its submissions');
    const assignment = await resources.db.classes.assignment(cls.id, request.assignmentId);
    if (assignment === null) throw noSuchAssignment(request.assignmentId);
    if (!assignment.problems.includes(request.problem))
      throw new HttpError(400, 'UNKNOWN_PROBLEM', `Problem "${request.problem}" is not in this assignment.`);
    const members = await resources.db.classes.members(cls.id);
    return resources.db.submissions.latestSubmitsPerUser({
      ...base,
      contestId: null,
      userIds: members.map((member) => member.userId),
      since: assignment.createdAt,
    });
  }
  // A problem's submits everywhere (outside contests): admins only.
  if (user.role !== 'admin')
    throw new HttpError(
      403,
      'FORBIDDEN',
      "Only admins may compare a problem's submissions everywhere; organisers name their contest or class assignment.",
    );
  return resources.db.submissions.latestSubmitsPerUser({ ...base, contestId: null });
}

/** Starts a report: its submissions read now, the analysis queued. */
export async function startSimilarityReport(
  resources: ReportResources & QueueResources,
  request: SimilarityRequest,
  user: AuthUser,
): Promise<{ id: string; submissions: number }> {
  const rows = await submissionsInScope(resources, request, user);
  const groups = new Map<string, SimilarityJob['groups'][number]>();
  for (const row of rows) {
    const group = groups.get(row.language) ?? { language: row.language, files: [] };
    group.files.push({ id: row.id, code: row.code });
    groups.set(row.language, group);
  }
  const id = randomUUID();
  const scope: SimilarityScope = { ...request };
  const report: SimilarityReport = {
    id,
    status: 'queued',
    scope,
    createdBy: user.id,
    createdAt: new Date().toISOString(),
    error: null,
    submissions: rows.map((row) => ({
      id: row.id,
      userId: row.userId,
      username: row.username,
      language: row.language,
      code: row.code,
      verdict: row.verdict,
      createdAt: row.createdAt.toISOString(),
    })),
    pairs: [],
    warnings: [],
  };
  const data: JobData = {
    jobId: id,
    language: rows[0]?.language ?? 'python',
    code: '',
    stdin: '',
    mode: 'submit',
    problem: null,
    similarity: { groups: [...groups.values()] },
    tests: [],
    userId: user.id,
    rejudgeOf: null,
    // Shown in the job's record; the analysis has its own caps (SIMILARITY_LIMITS of @arbiter/judge).
    limits: { timeMs: 30_000, wallTimeMs: 60_000, memoryMb: 1024, outputBytes: 8 * 1024 * 1024 },
    createdAt: Date.now(),
  };
  // Queued first: a report is only kept once its job is on the queue (its record then exists).
  await queueJob(resources, data, SIMILARITY_OWNER);
  await save(resources, report);
  resources.logger.info({ reportId: id, submissions: rows.length, scope }, 'similarity report started');
  return { id, submissions: rows.length };
}

async function save(resources: Pick<ApiResources, 'redis' | 'prefix'>, report: SimilarityReport) {
  await resources.redis.set(
    keyOf(resources.prefix, report.id),
    JSON.stringify(report),
    'EX',
    SIMILARITY_TTL_SECONDS,
  );
}

/**
 * Whether a finished job may be a similarity analysis: those are queued (above) as a submit without a
 * problem, which nothing else is (a submit judges a problem), so a free run or a problem's job is not
 * one and costs no look-up of a report.
 */
export function maybeSimilarityJob(record: Pick<JobResult, 'mode' | 'problem'>): boolean {
  return record.mode === 'submit' && record.problem === null;
}

/** The finished job's findings, kept with the report (the result persister calls this too). */
export async function storeSimilarityResult(
  resources: Pick<ApiResources, 'redis' | 'prefix'>,
  record: JobResult,
): Promise<SimilarityReport | null> {
  if (!maybeSimilarityJob(record)) return null;
  const raw = await resources.redis.get(keyOf(resources.prefix, record.jobId));
  if (raw === null) return null;
  const report = similarityReportSchema.parse(JSON.parse(raw));
  if (report.status === 'completed' || report.status === 'failed') return report;
  const done: SimilarityReport =
    record.status === 'completed' && record.similarity !== undefined
      ? {
          ...report,
          status: 'completed',
          pairs: record.similarity.pairs,
          warnings: record.similarity.warnings,
        }
      : { ...report, status: 'failed', error: record.error ?? 'the analysis failed' };
  await save(resources, done);
  return done;
}

/** A report as it stands; null when there is none (or it expired). */
export async function readSimilarityReport(
  resources: ReportResources,
  id: string,
): Promise<SimilarityReport | null> {
  const raw = await resources.redis.get(keyOf(resources.prefix, id));
  if (raw === null) return null;
  const report = similarityReportSchema.parse(JSON.parse(raw));
  if (report.status === 'completed' || report.status === 'failed') return report;
  const record = await resources.store.get(id);
  if (record === null) {
    // The job's record is gone (Redis lost it, or it expired unread): the analysis will not finish.
    const lost: SimilarityReport = {
      ...report,
      status: 'failed',
      error: 'The analysis job was lost; start the report again.',
    };
    await save(resources, lost);
    return lost;
  }
  if (record.status === 'completed' || record.status === 'failed')
    return (await storeSimilarityResult(resources, record)) ?? report;
  return { ...report, status: record.status === 'running' ? 'running' : 'queued' };
}

/** Who may read a report: admins, its author, and whoever manages its contest or teaches its class. */
export async function canReadReport(
  resources: ReportResources,
  report: SimilarityReport,
  user: AuthUser,
): Promise<boolean> {
  if (user.role === 'admin' || report.createdBy === user.id) return true;
  try {
    if (report.scope.contestId !== undefined) {
      await findManagedContest(resources, report.scope.contestId, user, 'read this report');
      return true;
    }
    if (report.scope.classId !== undefined) {
      await findTaughtClass(resources, report.scope.classId, user, 'read this report');
      return true;
    }
  } catch {
    return false;
  }
  return false;
}
