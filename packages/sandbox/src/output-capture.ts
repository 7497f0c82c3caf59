/**
 * Keeps at most `cap` bytes of one output stream. A program can write 100 MB in a fraction of a second, so
 * nothing past the cap is ever buffered: the first byte over it calls `onExceeded` (the sandbox then kills
 * the run with `output_limit`), and `onChunk` only ever sees bytes within the cap.
 */
import type { OutputStream } from './sandbox.js';

export class OutputCapture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Bytes received, including those dropped past the cap. */
  received = 0;
  exceeded = false;
  private ended = false;

  constructor(
    readonly stream: OutputStream,
    private readonly cap: number,
    private readonly onExceeded: () => void,
    private readonly onChunk?: (stream: OutputStream, chunk: Uint8Array) => void | Promise<void>,
    private readonly onEnd?: (stream: OutputStream) => void,
  ) {}

  /** The stream reached its end of file (after its last chunk); tells `onEnd` once. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    try {
      this.onEnd?.(this.stream);
    } catch {
      // A failing listener must not break the run.
    }
  }

  /** Takes a chunk; returns what `onChunk` returned (a promise holds the stream, see `OutputFlow`). */
  push(data: Buffer): void | Promise<void> {
    this.received += data.length;
    const room = this.cap - this.kept;
    const keep = data.length <= room ? data : data.subarray(0, Math.max(0, room));
    let wait: void | Promise<void> = undefined;
    if (keep.length > 0) {
      this.chunks.push(keep);
      this.kept += keep.length;
      wait = this.deliver(keep);
    }
    if (keep.length < data.length && !this.exceeded) {
      this.exceeded = true;
      this.onExceeded();
    }
    return wait;
  }

  /** Everything kept, as one buffer of at most `cap` bytes. */
  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks, this.kept));
  }

  private deliver(chunk: Buffer): void | Promise<void> {
    if (!this.onChunk) return;
    try {
      return this.onChunk(this.stream, new Uint8Array(chunk));
    } catch {
      // A failing listener must not break the run: the output is still kept.
    }
  }
}
