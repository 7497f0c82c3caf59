/** How the sandbox's account of a run becomes a verdict: one exhaustive table. */
import type { Verdict } from '@arbiter/contracts';
import type { RunStatus } from '@arbiter/sandbox';

/** Thrown for faults of the platform, never the program's: the queue retries the job. */
export class InfrastructureError extends Error {
  override name = 'InfrastructureError';
}

/** Verdict of a run that ended with `status`, before its output is compared. */
export function verdictOfRun(
  status: Exclude<RunStatus, 'internal_error' | 'aborted'>,
  exitCode: number | null,
): Verdict {
  switch (status) {
    case 'exited':
      return exitCode === 0 ? 'ACCEPTED' : 'RUNTIME_ERROR';
    case 'signaled':
      return 'RUNTIME_ERROR';
    case 'cpu_limit':
    case 'wall_limit':
      return 'TIME_LIMIT_EXCEEDED';
    case 'memory_limit':
      return 'MEMORY_LIMIT_EXCEEDED';
    case 'output_limit':
      return 'OUTPUT_LIMIT_EXCEEDED';
  }
}
