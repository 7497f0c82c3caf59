/**
 * Hands out cells to runs: at most `concurrency` at once (the worker's concurrency), first come first
 * served, preferring a cell whose sandbox is already prepared. There may be more cells than `concurrency`,
 * so that a spare is being prepared while the others run. A group (the processes of one interactive test
 * case, which must run at the same time) takes several cells at once and counts as one of `concurrency`.
 */

export class SlotPool<T> {
  private readonly free: T[];
  private readonly waiters: Array<{
    size: number;
    resolve: (items: T[]) => void;
    reject: (err: Error) => void;
  }> = [];
  private busy = 0;
  private readonly total: number;
  private closedWith: Error | undefined;

  constructor(
    items: readonly T[],
    private readonly concurrency: number,
    /** Preferred items are handed out first (e.g. a cell whose sandbox is ready). */
    private readonly preferred: (item: T) => boolean = () => true,
  ) {
    if (concurrency < 1 || items.length < concurrency) throw new Error('need at least `concurrency` items');
    this.free = [...items];
    this.total = items.length;
  }

  /** Resolves with a free item; rejects if `signal` aborts first or the pool closes. */
  async acquire(signal?: AbortSignal): Promise<T> {
    const [item] = await this.acquireGroup(1, signal);
    return item as T;
  }

  /**
   * Resolves with `size` free items taken together (one of `concurrency`); rejects if `signal` aborts first,
   * the pool closes, or the pool can never hold that many free items beside the other slots' runs.
   */
  acquireGroup(size: number, signal?: AbortSignal): Promise<T[]> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    if (signal?.aborted) return Promise.reject(new Error('aborted'));
    if (size < 1 || size > this.total - this.concurrency + 1) {
      return Promise.reject(
        new Error(
          `a group of ${size} runs needs ${size - 1} spare cells beside the ${this.concurrency} slots`,
        ),
      );
    }
    if (this.waiters.length === 0) {
      const items = this.take(size);
      if (items !== undefined) return Promise.resolve(items);
    }
    return new Promise<T[]>((resolve, reject) => {
      const waiter = {
        size,
        resolve: (items: T[]) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(items);
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
        this.dispatch();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  release(item: T): void {
    this.releaseGroup([item]);
  }

  /** Gives back the items of one `acquireGroup`. */
  releaseGroup(items: readonly T[]): void {
    this.busy--;
    this.free.push(...items);
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

  private take(size: number): T[] | undefined {
    if (this.busy >= this.concurrency || this.free.length < size) return undefined;
    const items: T[] = [];
    for (let n = 0; n < size; n += 1) {
      let i = this.free.findIndex((it) => this.preferred(it));
      if (i < 0) i = 0;
      items.push(...this.free.splice(i, 1));
    }
    this.busy++;
    return items;
  }

  private dispatch(): void {
    // First come first served: a group waiting for cells is not overtaken by single runs.
    while (this.waiters.length > 0) {
      const head = this.waiters[0] as (typeof this.waiters)[number];
      const items = this.take(head.size);
      if (items === undefined) return;
      this.waiters.shift();
      head.resolve(items);
    }
  }
}
