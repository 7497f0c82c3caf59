/**
 * Reads a run's output pipes into consumers that may ask it to wait (backpressure): while the promise a
 * consumer returned for a chunk is pending, no more of that stream is read, so its pipe fills and the
 * program blocks in write(2) (the worker holds at most the stream's own buffer). Once released (the
 * program has ended), every stream is read as it comes whatever the consumers ask: what is left in the
 * pipes is bounded, and the pipes must drain for the run to end.
 */
import type { Readable } from 'node:stream';

/** Takes a chunk; a promise it returns holds the stream until it settles. */
export type FlowConsumer = (data: Buffer) => void | Promise<void>;

export class OutputFlow {
  private released = false;
  /** Resumes each stream paused now. */
  private readonly paused = new Set<() => void>();

  /** Reads `stream` into `push` from now on; `end` at its end of file, after the last `push`. */
  read(stream: Readable, push: FlowConsumer, end?: () => void): void {
    if (end) stream.once('end', end);
    stream.on('data', (data: Buffer) => {
      const wait = push(data);
      if (wait === undefined || this.released) return;
      stream.pause();
      const resume = (): void => {
        if (this.paused.delete(resume)) stream.resume();
      };
      this.paused.add(resume);
      wait.then(resume, resume);
    });
  }

  /** From now on nothing waits: paused streams resume, and later promises are not waited for. */
  release(): void {
    this.released = true;
    for (const resume of [...this.paused]) resume();
  }
}
