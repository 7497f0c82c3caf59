/**
 * Coalesces a job's output into `log` events, the one place live output is batched: each stream's chunks
 * wait for a window of `delayMs` (or until `maxChars` are pending), then every stream with pending output
 * becomes one event. So a job sends at most `streams × 1000 / delayMs` time-driven events a second (80 at
 * the defaults) plus one per `maxChars` of output, whatever its program writes — one-byte writes
 * alternating between stdout and stderr included — and each stream's live text is held to the byte cap.
 */
import type { JobEventLog } from '@arbiter/queue';
import { MAX_TEXT_BYTES, type JobEventBody, type LogStream } from '@arbiter/contracts';

export interface LogBatcherOptions {
  /**
   * Shortest time between two time-driven appends, in ms: output waits at most this long.
   * @defaultValue 25
   */
  delayMs?: number;
  /**
   * Pending characters (all streams) that force an append before the window ends.
   * @defaultValue 16384
   */
  maxChars?: number;
  /**
   * UTF-8 bytes of live text kept per stream; later output is dropped from the live log (the result keeps
   * its own clipped copy) after one marker.
   * @defaultValue MAX_TEXT_BYTES
   */
  maxBytesPerStream?: number;
}

export interface LogBatcher {
  push(stream: LogStream, chunk: string): void;
  /** Appends another event after the output so far, keeping the order. */
  event(body: JobEventBody): void;
  /** Appends what is pending and waits for every append so far. */
  flush(): Promise<void>;
}

/** The marker that ends a stream's live log once it reached its cap. */
export function liveLogClippedMarker(): string {
  return '\n… [live output clipped here; the result holds the output]\n';
}

export function createLogBatcher(
  events: JobEventLog,
  jobId: string,
  options: LogBatcherOptions = {},
): LogBatcher {
  const delayMs = options.delayMs ?? 25;
  const maxChars = options.maxChars ?? 16 * 1024;
  const maxBytes = options.maxBytesPerStream ?? MAX_TEXT_BYTES;
  // Insertion order of the map is the order streams first wrote in this window.
  const pending = new Map<LogStream, string>();
  let pendingChars = 0;
  const sentBytes = new Map<LogStream, number>();
  const clipped = new Set<LogStream>();
  let timer: NodeJS.Timeout | null = null;
  let lastDrainAt = 0;
  // Appends run one after another so events keep the order the program wrote them in.
  let chain: Promise<unknown> = Promise.resolve();
  let failure: unknown = null;

  const append = (body: JobEventBody) => {
    chain = chain.then(() =>
      events.append(jobId, body).catch((error: unknown) => {
        failure ??= error;
      }),
    );
  };

  const drain = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.size === 0) return;
    lastDrainAt = Date.now();
    for (const [stream, chunk] of pending) append({ type: 'log', data: { stream, chunk } });
    pending.clear();
    pendingChars = 0;
  };

  /** The part of `chunk` that still fits in the stream's live budget (a marker once it no longer does). */
  const budget = (stream: LogStream, chunk: string): string => {
    if (clipped.has(stream)) return '';
    const used = sentBytes.get(stream) ?? 0;
    const bytes = Buffer.byteLength(chunk);
    // Room for the marker stays free, so text and marker together never pass the cap.
    const markerBytes = Buffer.byteLength(liveLogClippedMarker());
    if (used + bytes + markerBytes <= maxBytes) {
      sentBytes.set(stream, used + bytes);
      return chunk;
    }
    clipped.add(stream);
    const room = Math.max(0, maxBytes - used - markerBytes);
    // Cut on a character boundary: decoding a prefix drops a split last character.
    const head = Buffer.from(chunk)
      .subarray(0, room)
      .toString('utf8')
      .replace(/\uFFFD$/u, '');
    sentBytes.set(stream, maxBytes);
    return head + liveLogClippedMarker();
  };

  return {
    push(stream, chunk) {
      const kept = budget(stream, chunk);
      if (kept.length === 0) return;
      pending.set(stream, (pending.get(stream) ?? '') + kept);
      pendingChars += kept.length;
      if (pendingChars >= maxChars) drain();
      else timer ??= setTimeout(drain, Math.max(0, lastDrainAt + delayMs - Date.now()));
    },
    event(body) {
      drain();
      append(body);
    },
    async flush() {
      drain();
      await chain;
      if (failure !== null) throw failure;
    },
  };
}
