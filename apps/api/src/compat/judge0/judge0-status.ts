/**
 * Judge0's 14 statuses, and how a job of this platform maps onto them: a finished run is judged
 * against `expected_output` the way Judge0 compares (trailing whitespace of each line and of the
 * whole ignored), runtime errors are split by signal as Judge0 does, and `exit_code`,
 * `exit_signal` and `message` are filled as Judge0's sandbox (isolate) reports them.
 */
import { constants } from 'node:os';
import type { Judge0Status, JobResult } from '@arbiter/contracts';

export const JUDGE0_STATUSES = [
  { id: 1, description: 'In Queue' },
  { id: 2, description: 'Processing' },
  { id: 3, description: 'Accepted' },
  { id: 4, description: 'Wrong Answer' },
  { id: 5, description: 'Time Limit Exceeded' },
  { id: 6, description: 'Compilation Error' },
  { id: 7, description: 'Runtime Error (SIGSEGV)' },
  { id: 8, description: 'Runtime Error (SIGXFSZ)' },
  { id: 9, description: 'Runtime Error (SIGFPE)' },
  { id: 10, description: 'Runtime Error (SIGABRT)' },
  { id: 11, description: 'Runtime Error (NZEC)' },
  { id: 12, description: 'Runtime Error (Other)' },
  { id: 13, description: 'Internal Error' },
  { id: 14, description: 'Exec Format Error' },
] as const satisfies readonly Judge0Status[];

export type Judge0StatusId = (typeof JUDGE0_STATUSES)[number]['id'];

export function judge0Status(id: Judge0StatusId): Judge0Status {
  const status = JUDGE0_STATUSES[id - 1];
  if (status === undefined) throw new Error(`no Judge0 status ${id}`);
  return { id: status.id, description: status.description };
}

/** Judge0's comparison: each line without trailing whitespace, and the whole without trailing lines. */
export function judge0Strip(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines
    .map((line) => line.replace(/[ \t\n\v\f\r\0]+$/, ''))
    .join('\n')
    .replace(/[ \t\n\v\f\r\0]+$/, '');
}

/** Judge0's status of a runtime error ended by signal number `signal`. */
function signalStatus(signal: number): Judge0StatusId {
  switch (signal) {
    case constants.signals.SIGSEGV:
      return 7;
    case constants.signals.SIGXFSZ:
      return 8;
    case constants.signals.SIGFPE:
      return 9;
    case constants.signals.SIGABRT:
      return 10;
    default:
      return 12;
  }
}

export function signalNumber(name: string | null): number | null {
  if (name === null) return null;
  const number = (constants.signals as Record<string, number | undefined>)[name];
  return number ?? null;
}

export interface Judge0Outcome {
  statusId: Judge0StatusId;
  exitCode: number | null;
  exitSignal: number | null;
  message: string | null;
}

/** What Judge0 would say of `result`, given the `expected_output` the client sent (null: none). */
export function judge0Outcome(result: JobResult, expectedOutput: string | null): Judge0Outcome {
  const none = { exitCode: null, exitSignal: null, message: null };
  if (result.status === 'queued') return { statusId: 1, ...none };
  if (result.status === 'running') return { statusId: 2, ...none };
  if (result.status === 'failed' || result.verdict === null || result.verdict === 'INTERNAL_ERROR')
    return {
      statusId: 13,
      ...none,
      message: result.error ?? 'The platform could not judge this submission.',
    };
  const signal = signalNumber(result.signal);
  const exitCode = result.exitCode ?? 0;
  switch (result.verdict) {
    case 'COMPILE_ERROR':
      return { statusId: 6, ...none };
    case 'TIME_LIMIT_EXCEEDED':
      return { statusId: 5, exitCode: 0, exitSignal: signal, message: 'Time limit exceeded' };
    case 'OUTPUT_LIMIT_EXCEEDED':
      return {
        statusId: 8,
        exitCode: 0,
        exitSignal: constants.signals.SIGXFSZ,
        message: 'Output limit exceeded',
      };
    case 'RUNTIME_ERROR':
    case 'MEMORY_LIMIT_EXCEEDED':
      if (signal !== null)
        return {
          statusId: signalStatus(signal),
          exitCode: 0,
          exitSignal: signal,
          message: `Caught fatal signal ${signal}`,
        };
      if (exitCode !== 0)
        return { statusId: 11, exitCode, exitSignal: null, message: `Exited with error status ${exitCode}` };
      return { statusId: 12, exitCode, exitSignal: null, message: 'Memory limit exceeded' };
    case 'ACCEPTED':
    case 'WRONG_ANSWER': {
      const matches = expectedOutput === null || judge0Strip(expectedOutput) === judge0Strip(result.stdout);
      return { statusId: matches ? 3 : 4, exitCode, exitSignal: null, message: null };
    }
  }
}
