/** Builds finished `JobResult`s for tests: accepted by default, any field overridable. */
import type { JobResult, TestResult, Verdict } from '@arbiter/contracts';

export function jobResult(jobId: string, overrides: Partial<JobResult> = {}): JobResult {
  return {
    jobId,
    status: 'completed',
    language: 'python',
    mode: 'run',
    problem: null,
    userId: null,
    verdict: 'ACCEPTED',
    stdout: '',
    stderr: '',
    compileOutput: '',
    exitCode: 0,
    signal: null,
    timeMs: 10,
    wallTimeMs: 15,
    memoryKb: 1024,
    tests: [],
    passed: null,
    total: null,
    failedTest: null,
    percentile: null,
    limits: { timeMs: 2000, wallTimeMs: 7000, memoryMb: 256, outputBytes: 1 << 20 },
    error: null,
    worker: 'w1',
    attempts: 1,
    lastSeq: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    startedAt: '2026-01-01T00:00:01.000Z',
    finishedAt: '2026-01-01T00:00:02.000Z',
    ...overrides,
  };
}

export function tests(...verdicts: Verdict[]): TestResult[] {
  return verdicts.map((verdict, index) => ({ index, verdict, timeMs: 5, memoryKb: 1000 }));
}
