/**
 * Waits in the API for jobs to finish (Judge0's `?wait=true`, result callbacks) or follows their
 * events (the Piston WebSocket): listens to the
 * jobs' event channels on a connection of its own and reads the job again after every
 * announcement, so a result published between the first read and the subscription is not missed.
 */
import type { Redis } from '@arbiter/queue';
import { isFinalStatus, type JobEvent } from '@arbiter/contracts';
import type { ApiResources } from '../resources.js';
import { readStatus, type StatusAnswer } from './read-status.js';

/** Events read at once while following a job. */
const FOLLOW_BATCH = 200;

export class JobWatcher {
  private connection: Redis | null = null;
  /** Per channel: wake-up calls of the waiters on it. */
  private readonly waiters = new Map<string, Set<() => void>>();
  private closed = false;

  constructor(private readonly resources: ApiResources) {}

  private listen(): Redis {
    if (this.connection === null) {
      const connection = this.resources.subscriber.duplicate();
      connection.on('message', (channel: string) => {
        for (const wake of this.waiters.get(channel) ?? []) wake();
      });
      connection.on('error', (err) => this.resources.logger.warn({ err }, 'job watcher connection error'));
      this.connection = connection;
    }
    return this.connection;
  }

  /**
   * The job once finished, or as it stands when `timeoutMs` runs out or the watcher closes;
   * null for a job neither Redis nor the database knows.
   */
  async finished(jobId: string, timeoutMs: number): Promise<StatusAnswer | null> {
    const channel = this.resources.events.channel(jobId);
    let wake: () => void = () => undefined;
    let pending = false;
    const onMessage = () => {
      pending = true;
      wake();
    };
    const set = this.waiters.get(channel) ?? new Set();
    const first = set.size === 0;
    set.add(onMessage);
    this.waiters.set(channel, set);
    const deadline = Date.now() + timeoutMs;
    try {
      if (first && !this.closed) await this.listen().subscribe(channel);
      for (;;) {
        pending = false;
        const answer = await readStatus(this.resources, jobId);
        if (answer === null || isFinalStatus(answer.status) || this.closed) return answer;
        const left = deadline - Date.now();
        if (left <= 0) return answer;
        if (pending) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
          this.onClose.add(wake);
        });
        this.onClose.delete(wake);
      }
    } finally {
      await this.release(channel, set, onMessage);
    }
  }

  /**
   * Hands every event of the job to `onEvent` in `seq` order, from its first, as it is appended, until the
   * `result` event (then `done` settles), `stop()` or the watcher's close. The channel is subscribed
   * before the first read, so nothing appended in between is missed.
   */
  follow(jobId: string, onEvent: (event: JobEvent) => void): { stop: () => void; done: Promise<void> } {
    const channel = this.resources.events.channel(jobId);
    let pending = true;
    let stopped = false;
    let wake: () => void = () => undefined;
    const onMessage = () => {
      pending = true;
      wake();
    };
    const set = this.waiters.get(channel) ?? new Set();
    const first = set.size === 0;
    set.add(onMessage);
    this.waiters.set(channel, set);
    const done = (async () => {
      try {
        if (first && !this.closed) await this.listen().subscribe(channel);
        let last = 0;
        for (;;) {
          while (pending && !stopped && !this.closed) {
            pending = false;
            for (;;) {
              const batch = await this.resources.events.readAfter(jobId, last, FOLLOW_BATCH);
              for (const event of batch) {
                last = event.seq;
                onEvent(event);
                if (event.type === 'result') return;
              }
              if (batch.length < FOLLOW_BATCH || stopped) break;
            }
          }
          if (stopped || this.closed) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
            this.onClose.add(resolve);
          });
          this.onClose.delete(wake);
        }
      } finally {
        await this.release(channel, set, onMessage);
      }
    })();
    return {
      stop: () => {
        stopped = true;
        wake();
      },
      done,
    };
  }

  private readonly onClose = new Set<() => void>();

  /** Takes a waiter off its channel; the last one off unsubscribes the channel. */
  private async release(channel: string, set: Set<() => void>, onMessage: () => void): Promise<void> {
    set.delete(onMessage);
    if (set.size === 0) {
      this.waiters.delete(channel);
      await this.connection?.unsubscribe(channel).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.onClose) wake();
    await this.connection?.quit().catch(() => undefined);
  }
}
