/**
 * Coalesces a job's output into `log` events: consecutive chunks of the same stream are
 * merged for a few ms (or up to a size), so a program printing a line at a time does
 * not cost one Redis append per line, while output still shows up live.
 */
import type { JobEventLog } from '@arbiter/queue';
import type { JobEventBody, LogStream } from '@arbiter/contracts';

export interface LogBatcherOptions {
  /**
   * Longest a chunk waits before it is appended, in ms.
   * @defaultValue 25
   */
  delayMs?: number;
  /**
   * Pending characters that force an append.
   * @defaultValue 16384
   */
  maxChars?: number;
}

export interface LogBatcher {
  push(stream: LogStream, chunk: string): void;
  /** Appends another event after the output so far, keeping the order. */
  event(body: JobEventBody): void;
  /** Appends what is pending and waits for every append so far. */
  flush(): Promise<void>;
}

export function createLogBatcher(
  events: JobEventLog,
  jobId: string,
  options: LogBatcherOptions = {},
): LogBatcher {
  const delayMs = options.delayMs ?? 25;
  const maxChars = options.maxChars ?? 16 * 1024;
  let pendingStream: LogStream | null = null;
  let pending = '';
  let timer: NodeJS.Timeout | null = null;
  // Appends run one after another so events keep the order the program wrote them in.
  let chain: Promise<unknown> = Promise.resolve();
  let failure: unknown = null;

  const drain = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pendingStream === null || pending.length === 0) return;
    const stream = pendingStream;
    const chunk = pending;
    pending = '';
    pendingStream = null;
    chain = chain.then(() =>
      events.append(jobId, { type: 'log', data: { stream, chunk } }).catch((error: unknown) => {
        failure ??= error;
      }),
    );
  };

  return {
    push(stream, chunk) {
      if (pendingStream !== null && pendingStream !== stream) drain();
      pendingStream = stream;
      pending += chunk;
      if (pending.length >= maxChars) drain();
      else timer ??= setTimeout(drain, delayMs);
    },
    event(body) {
      drain();
      chain = chain.then(() =>
        events.append(jobId, body).catch((error: unknown) => {
          failure ??= error;
        }),
      );
    },
    async flush() {
      drain();
      await chain;
      if (failure !== null) throw failure;
    },
  };
}
