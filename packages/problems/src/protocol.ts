/**
 * The harness protocol. stdin: a line with a random nonce, then one JSON array of arguments per
 * line, one line per test. stdout: for each test, one line
 *
 *     <nonce> <index> <status> <elapsedMicros> <peakMemoryKb> <payload>
 *
 * written and flushed through the same stream as the user's prints, so the nonce separates the
 * two (a user's unterminated print just ends up before the nonce on the same line). `status` is
 * `ok` (payload: the return value as JSON), `error` (payload: the exception as a JSON string;
 * the harness then exits non-zero) or `compile` (payload: a compile error as a JSON string, for
 * languages that compile the user's code at run time: Python). `elapsedMicros` times the call
 * alone with a monotonic clock; `peakMemoryKb` is the process's peak resident memory so far.
 */

export type RecordStatus = 'ok' | 'error' | 'compile';

export interface HarnessRecord {
  index: number;
  status: RecordStatus;
  /** Time of the call, in µs. */
  elapsedMicros: number;
  /** Peak resident memory of the process so far, in KiB (0 when unknown). */
  peakMemoryKb: number;
  /** JSON text: the return value (`ok`) or a message string (`error`, `compile`). */
  payload: string;
}

const RECORD = /^(\d+) (ok|error|compile) (\d+) (\d+) (.*)$/s;

/** Reads one record from the text after `<nonce> ` (without the newline); null if malformed. */
export function parseRecord(rest: string): HarnessRecord | null {
  const match = RECORD.exec(rest);
  if (!match) return null;
  return {
    index: Number(match[1]),
    status: match[2] as RecordStatus,
    elapsedMicros: Number(match[3]),
    peakMemoryKb: Number(match[4]),
    payload: match[5] ?? '',
  };
}

/** The message of an `error` or `compile` record. */
export function recordMessage(record: HarnessRecord): string {
  try {
    const message: unknown = JSON.parse(record.payload);
    return typeof message === 'string' ? message : record.payload;
  } catch {
    return record.payload;
  }
}

/** The program's stdin: the nonce line, then the arguments of each test as one JSON line. */
export function harnessStdin(nonce: string, argsPerTest: unknown[][]): string {
  return `${nonce}\n${argsPerTest.map((args) => JSON.stringify(args)).join('\n')}\n`;
}
