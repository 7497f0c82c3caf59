/**
 * The steps every job takes onto the queue, shared by new submissions, an admin's rejudges and
 * the reconciler that queues again what Redis lost: the database row (first, so nothing accepted
 * is ever lost), then the job's fair-share priority and place (one script), the Redis record with
 * the first `queued` event at that place (one script), and the BullMQ job itself.
 */
import type { JobData } from '@arbiter/contracts';
import type { NewSubmission, SubmissionRequest } from '@arbiter/db';
import { enqueueSubmission, newJobRecord, submissionTurn, type QueueOwner } from '@arbiter/queue';
import { unavailable } from '../http/http-error.js';
import type { ApiResources } from '../resources.js';

/** What a compatible API keeps with the row besides the job (its own parameters). */
export type RequestExtras = Pick<SubmissionRequest, 'judge0'>;

/** The row a job is recorded as when it is accepted. */
export function submissionRow(data: JobData, extras: RequestExtras = {}): NewSubmission {
  return {
    id: data.jobId,
    userId: data.userId,
    problemSlug: data.problem,
    language: data.language,
    mode: data.mode,
    code: data.code,
    request: {
      stdin: data.stdin,
      ...(data.expectedOutput === undefined ? {} : { expectedOutput: data.expectedOutput }),
      tests: data.tests,
      limits: data.limits,
      ...(data.args === undefined ? {} : { args: data.args }),
      ...(data.options === undefined ? {} : { options: data.options }),
      ...(data.package === undefined ? {} : { package: data.package }),
      ...extras,
    },
    rejudgeOf: data.rejudgeOf,
    contestId: data.contestId ?? null,
    createdAt: new Date(data.createdAt),
  };
}

/** What putting a job on the queue needs (the CLI has these without an HTTP server). */
export type QueueResources = Pick<
  ApiResources,
  'store' | 'events' | 'queue' | 'redis' | 'prefix' | 'packages' | 'db'
>;

/** Writes the job's row; a database fault becomes a 503 that says nothing was saved. */
export async function recordJob(
  resources: ApiResources,
  data: JobData,
  extras: RequestExtras = {},
): Promise<void> {
  try {
    await resources.db.submissions.insertQueued(submissionRow(data, extras));
  } catch (error) {
    resources.logger.error({ err: error, jobId: data.jobId }, 'could not record the submission');
    throw unavailable(
      'The database is not reachable right now; nothing was saved. Try again in a few seconds.',
    );
  }
}

/**
 * Puts a recorded job on the queue, in the turn of `owner` (who it counts against for fair share). On failure the Redis record is removed again and the
 * error rethrown; the caller decides what becomes of the row.
 */
export async function queueJob(resources: QueueResources, data: JobData, owner: QueueOwner): Promise<void> {
  const { store, events, queue } = resources;
  try {
    if (data.package !== undefined) await ensurePackage(resources, data.package.sha256);
    // The priority and the place in one script call, then the record and its first event in one more.
    const { priority, waiting } = await submissionTurn(resources.redis, resources.prefix, data, owner);
    // Announced before the job is added, so no worker event can come before it.
    await store.createQueued(newJobRecord(data), waiting + 1, events);
    await enqueueSubmission(queue, data, priority);
  } catch (error) {
    await store.delete(data.jobId).catch(() => undefined);
    throw error;
  }
}

/** Puts the package a job needs in Redis for the workers, read from the database only when it is not there. */
async function ensurePackage(resources: QueueResources, sha256: string): Promise<void> {
  await resources.packages.ensure(sha256, async () => {
    const zip = await resources.db.problems.blob(sha256);
    if (zip === null) throw new Error(`package ${sha256} is not in the database`);
    return zip;
  });
}

/** Records and queues a new job; if the queue refuses it, the row goes too and the client hears 503. */
export async function acceptJob(
  resources: ApiResources,
  data: JobData,
  owner: QueueOwner,
  extras: RequestExtras = {},
): Promise<void> {
  await recordJob(resources, data, extras);
  try {
    await queueJob(resources, data, owner);
  } catch (error) {
    resources.logger.error({ err: error, jobId: data.jobId }, 'could not queue the job');
    await resources.db.submissions.deleteQueued(data.jobId).catch(() => undefined);
    throw unavailable('The queue is not reachable right now; nothing was saved. Try again in a few seconds.');
  }
}
