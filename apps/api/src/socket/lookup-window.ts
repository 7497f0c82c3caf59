/**
 * How many job look-ups one Socket.IO connection has left: a fixed one-minute window that starts
 * with the connection's first look-up. In memory: a connection lives on one API instance.
 */
const WINDOW_MS = 60_000;

export class LookupWindow {
  private startedAt = 0;
  private used = 0;

  /** @param perMinute look-ups allowed per window */
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one look-up; the seconds until the window ends when none is left (counting nothing), else null. */
  take(): number | null {
    const now = this.now();
    if (now - this.startedAt >= WINDOW_MS) {
      this.startedAt = now;
      this.used = 0;
    }
    if (this.used >= this.perMinute) return Math.max(1, Math.ceil((this.startedAt + WINDOW_MS - now) / 1000));
    this.used += 1;
    return null;
  }
}
