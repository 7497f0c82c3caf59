/**
 * The pace of one client's live stdin (a Piston WebSocket, a Socket.IO connection): token buckets of
 * bytes and of messages, each refilled per second up to a burst of two seconds' worth. The total per
 * job is capped in Redis (`JobStdin`); this keeps one client from sending it all in a flood.
 */
import { LIVE_STDIN_BYTES_PER_SECOND, LIVE_STDIN_MESSAGES_PER_SECOND } from '@arbiter/contracts';

export class LiveStdinGate {
  private bytes: number;
  private messages: number;
  private at: number;

  constructor(
    private readonly bytesPerSecond = LIVE_STDIN_BYTES_PER_SECOND,
    private readonly messagesPerSecond = LIVE_STDIN_MESSAGES_PER_SECOND,
  ) {
    this.bytes = 2 * bytesPerSecond;
    this.messages = 2 * messagesPerSecond;
    this.at = performance.now();
  }

  /** Takes one message of `bytes`; false (and nothing taken) when either bucket is short. */
  take(bytes: number): boolean {
    const now = performance.now();
    const seconds = (now - this.at) / 1000;
    this.at = now;
    this.bytes = Math.min(2 * this.bytesPerSecond, this.bytes + seconds * this.bytesPerSecond);
    this.messages = Math.min(2 * this.messagesPerSecond, this.messages + seconds * this.messagesPerSecond);
    if (this.messages < 1 || this.bytes < bytes) return false;
    this.messages -= 1;
    this.bytes -= bytes;
    return true;
  }
}
