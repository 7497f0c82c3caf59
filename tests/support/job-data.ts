/** Job data of a free Python run, as tests and benches queue or record one without a worker running it. */
import { randomUUID } from 'node:crypto';
import type { JobData } from '@arbiter/contracts';

/** A fresh free run of `code` (Python), anonymous, with `limits` (small ones by default). */
export function freeRunJob(
  code = 'print(1)',
  limits: JobData['limits'] = { timeMs: 1000, wallTimeMs: 4000, memoryMb: 64, outputBytes: 1024 },
): JobData {
  return {
    jobId: randomUUID(),
    language: 'python',
    code,
    stdin: '',
    mode: 'run',
    problem: null,
    tests: [],
    userId: null,
    rejudgeOf: null,
    limits,
    createdAt: Date.now(),
  };
}
