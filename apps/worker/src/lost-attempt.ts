/**
 * Poison pills: a job whose earlier attempt was running when its worker died is not handed to the next
 * worker blindly. BullMQ's stall check counts how often a job's worker stopped renewing its lock
 * (`stalledCounter`); the job record says whether that attempt had started judging (`running`). One such
 * death and the job fails with INTERNAL_ERROR and this message, instead of taking down the next worker too.
 * A job handed back on shutdown or retried after a fault is `queued` again first, so it is not counted.
 */
import type { JobResult } from '@arbiter/contracts';

/** The reason stored in the job's `error` (after "The platform could not judge this submission: "). */
export const WORKER_LOST_REASON =
  'the worker judging it stopped while running it (the submission may be what stopped it), so it is not run again';

/** True when an earlier attempt of the job was judging when its worker died. */
export function lostAttempt(stalledCounter: number, record: JobResult | null): boolean {
  return stalledCounter > 0 && record?.status === 'running';
}
