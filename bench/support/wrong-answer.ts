/** A wrong answer as the worker reports it, for seeding contest boards in the scoreboard bench and its test. */
import type { JobResult } from '@arbiter/contracts';
import { jobResult } from '../../packages/db/test/support/job-result.js';

/** A wrong answer of job `jobId` (0 of 10 tests passed), with no worker or times, so `finish` stamps its end now. */
export const wrongAnswer = (jobId: string): JobResult =>
  jobResult(jobId, {
    verdict: 'WRONG_ANSWER',
    wallTimeMs: 12,
    memoryKb: 1000,
    passed: 0,
    total: 10,
    worker: null,
    startedAt: null,
    finishedAt: null,
  });
