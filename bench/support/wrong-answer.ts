/** A wrong answer as the worker reports it, for seeding contest boards in the scoreboard bench and its test. */
import type { JobResult } from '@arbiter/contracts';

/** What `SubmissionsRepository.finish` reads of a result, for a wrong answer of job `jobId`. */
export const wrongAnswer = (jobId: string) =>
  ({
    jobId,
    status: 'completed',
    verdict: 'WRONG_ANSWER',
    stdout: '',
    stderr: '',
    compileOutput: '',
    exitCode: 0,
    signal: null,
    timeMs: 10,
    wallTimeMs: 12,
    memoryKb: 1000,
    tests: [],
    passed: 0,
    total: 10,
    worker: null,
    startedAt: null,
    finishedAt: null,
  }) as unknown as JobResult;
