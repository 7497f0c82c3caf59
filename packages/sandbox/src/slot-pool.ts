/**
 * Hands out cells to runs: at most `concurrency` at once (the worker's concurrency), first come first
 * served, preferring a cell whose sandbox is already prepared. There may be more cells than `concurrency`,
 * so that a spare is being prepared while the others run.
 */

export class SlotPool<T> {
  private readonly free: T[];
  private readonly waiters: Array<{ resolve: (item: T) => void; reject: (err: Error) => void }> = [];
  private busy = 0;
  private closedWith: Error | undefined;

  constructor(
    items: readonly T[],
    private readonly concurrency: number,
    /** Preferred items are handed out first (e.g. a cell whose sandbox is ready). */
    private readonly preferred: (item: T) => boolean = () => true,
  ) {
    if (concurrency < 1 || items.length < concurrency) throw new Error('need at least `concurrency` items');
    this.free = [...items];
  }

  /** Resolves with a free item; rejects if `signal` aborts first or the pool closes. */
  acquire(signal?: AbortSignal): Promise<T> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    if (signal?.aborted) return Promise.reject(new Error('aborted'));
    const item = this.take();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        resolve: (it: T) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(it);
        },
        reject: (err: Error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(err);
        },
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  release(item: T): void {
    this.busy--;
    this.free.push(item);
    this.dispatch();
  }

  /** Items not handed out right now. */
  idle(): readonly T[] {
    return this.free;
  }

  /** Rejects every waiter and any later `acquire`. */
  close(err: Error): void {
    this.closedWith = err;
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  private take(): T | undefined {
    if (this.busy >= this.concurrency || this.free.length === 0) return undefined;
    let i = this.free.findIndex((it) => this.preferred(it));
    if (i < 0) i = 0;
    const [item] = this.free.splice(i, 1);
    if (item !== undefined) this.busy++;
    return item;
  }

  private dispatch(): void {
    while (this.waiters.length > 0) {
      const item = this.take();
      if (item === undefined) return;
      const waiter = this.waiters.shift();
      if (waiter) waiter.resolve(item);
      else this.release(item);
    }
  }
}
