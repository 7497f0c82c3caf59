/**
 * Verification on import: one job on the submissions queue that makes a worker judge the package's own
 * labelled submissions in the sandbox (never here), and derive the time limit when the package states
 * none. The version's report says `queued` until the result persister stores what the worker found.
 */
import { randomUUID } from 'node:crypto';
import type { JobData, PackageRef, PackageVerification } from '@arbiter/contracts';
import type { ProblemVersion } from '@arbiter/db';
import type { QueueOwner } from '@arbiter/queue';
import type { ApiResources } from '../resources.js';
import { queueJob, type QueueResources } from '../submissions/queue-job.js';
import { packageLimits } from './package-limits.js';

/** Verification jobs take their turns as one owner of background work, like rejudges. */
export const VERIFY_OWNER: QueueOwner = 'verify';

/** The job that verifies `version`: every case may run up to the most the server allows. */
export function verificationJob(
  resources: Pick<ApiResources, 'limits'>,
  version: Pick<ProblemVersion, 'slug' | 'version' | 'sha256' | 'metadata' | 'report'>,
  userId: string | null,
): JobData {
  const ref: PackageRef = { slug: version.slug, version: version.version, sha256: version.sha256 };
  const policy = resources.limits;
  const limits = packageLimits(version, policy);
  return {
    jobId: randomUUID(),
    // Required by the job's shape; each submission is judged in the language of its file ending.
    language: 'cpp',
    code: '',
    stdin: '',
    mode: 'submit',
    problem: ref.slug,
    package: ref,
    verify: { defaultTimeMs: policy.defaultTimeMs },
    tests: [],
    userId,
    rejudgeOf: null,
    limits: { ...limits, timeMs: policy.maxTimeMs, wallTimeMs: policy.maxTimeMs * 3 + 1_000 },
    createdAt: Date.now(),
  };
}

/**
 * Marks a version's report `queued` by a new verification job, then queues that job; returns the mark.
 * The mark names the job before any worker can take it: the result persister stores findings only for the
 * job the report names (compare-and-set), so of two verifications of one version the newer one counts,
 * whichever finishes last. When the job cannot be queued, the previous verification is put back.
 */
export async function queueVerification(
  resources: QueueResources & Pick<ApiResources, 'limits'>,
  version: Pick<ProblemVersion, 'slug' | 'version' | 'sha256' | 'metadata' | 'report'>,
  userId: string | null,
): Promise<PackageVerification> {
  const data = verificationJob(resources, version, userId);
  const verification: PackageVerification = {
    status: 'queued',
    jobId: data.jobId,
    slug: version.slug,
    version: version.version,
    submissions: [],
  };
  await resources.db.problems.setVerification(version.slug, version.version, verification);
  try {
    await queueJob(resources, data, VERIFY_OWNER);
  } catch (error) {
    await resources.db.problems
      .setVerification(version.slug, version.version, version.report.verification ?? null, data.jobId)
      .catch(() => undefined);
    throw error;
  }
  return verification;
}

/**
 * The verification as it stands: a `queued` one whose job the queue gave up on (no worker could finish
 * it) reads as `failed` with the job's error.
 */
export async function currentVerification(
  resources: Pick<ApiResources, 'store'>,
  verification: PackageVerification | undefined,
): Promise<PackageVerification | undefined> {
  if (verification?.status !== 'queued' || verification.jobId === undefined) return verification;
  const record = await resources.store.get(verification.jobId).catch(() => null);
  if (record?.verification !== undefined) return record.verification;
  if (record?.status === 'failed')
    return { ...verification, status: 'failed', error: record.error ?? 'the verification job failed' };
  return verification;
}
