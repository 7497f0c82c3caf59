/**
 * The caller's writing end of a run's channel socket, with flow control: `write` says whether more may be
 * written (false once the socket holds its high-water mark, 16 KiB, unsent because the program does not
 * read), and `onDrain` waits for room. Every waiter is called when the socket drains, is ended, or closes
 * (the run is over: what is written then is dropped), so nothing waits on a finished run.
 */
import type { Writable } from 'node:stream';

export class ChannelWriter {
  private readonly waiters = new Set<() => void>();

  constructor(private readonly socket: Writable) {
    socket.on('drain', () => this.wake());
    socket.on('close', () => this.wake());
  }

  /** Writes unless the channel is ended or closed (then the data is dropped); false: wait for `onDrain`. */
  write(data: string | Uint8Array): boolean {
    if (!this.open()) return true;
    return this.socket.write(data);
  }

  /** Half-closes the channel: the program reads end of file once it has read what was written. */
  end(): void {
    if (this.open()) this.socket.end();
    this.wake();
  }

  /** Calls `listener` once, when more may be written (at once if it may now). */
  onDrain(listener: () => void): void {
    if (!this.open() || !this.socket.writableNeedDrain) queueMicrotask(listener);
    else this.waiters.add(listener);
  }

  /** Calls every waiter (the run is over). */
  wake(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiters) waiter();
  }

  private open(): boolean {
    return !this.socket.destroyed && this.socket.writable;
  }
}
