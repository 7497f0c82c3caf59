/** The fanout's timing: the first change of an id at once, later ones together after a quiet time, never two at once. */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@arbiter/observability';
import type { Redis } from '@arbiter/queue';
import { ChangeFanout } from './change-fanout.js';

/** A subscriber connection as the fanout uses it: `message` events and `subscribe`. */
class FakeSubscriber extends EventEmitter {
  readonly channels: string[] = [];
  subscribe(...channels: string[]): Promise<number> {
    this.channels.push(...channels);
    return Promise.resolve(this.channels.length);
  }
}

const logger = createLogger({ service: 'test', level: 'silent' });
const QUIET_MS = 200;

describe('ChangeFanout', () => {
  let subscriber: FakeSubscriber;
  let fanout: ChangeFanout;

  beforeEach(() => {
    vi.useFakeTimers();
    subscriber = new FakeSubscriber();
    fanout = new ChangeFanout(subscriber as unknown as Redis, logger, QUIET_MS);
  });
  afterEach(() => {
    fanout.close();
    vi.useRealTimers();
  });

  it('handles the first change at once and a burst after it once, never two at the same time', async () => {
    const handled: string[] = [];
    let running = 0;
    let most = 0;
    let finish: (() => void) | null = null;
    fanout.add({
      channel: 'c',
      handle: async (id) => {
        running += 1;
        most = Math.max(most, running);
        handled.push(id);
        await new Promise<void>((resolve) => (finish = resolve));
        running -= 1;
      },
    });
    await fanout.start();
    expect(subscriber.channels).toEqual(['c']);

    subscriber.emit('message', 'c', 'x');
    await vi.advanceTimersByTimeAsync(0);
    expect(handled).toEqual(['x']);
    // Five more while the first is being handled: none starts now.
    for (let i = 0; i < 5; i += 1) subscriber.emit('message', 'c', 'x');
    await vi.advanceTimersByTimeAsync(QUIET_MS * 3);
    expect(handled).toEqual(['x']);
    (finish as (() => void) | null)?.();
    // The quiet time after the first: still once.
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    expect(handled).toEqual(['x']);
    await vi.advanceTimersByTimeAsync(1);
    expect(handled).toEqual(['x', 'x']);
    (finish as (() => void) | null)?.();
    // Nothing changed since: no third handling, and the next change is handled at once again.
    await vi.advanceTimersByTimeAsync(QUIET_MS * 2);
    expect(handled).toEqual(['x', 'x']);
    subscriber.emit('message', 'c', 'x');
    await vi.advanceTimersByTimeAsync(0);
    expect(handled).toEqual(['x', 'x', 'x']);
    expect(most).toBe(1);
  });

  it('keeps ids and channels apart, handles immediate channels per message, and ignores others', async () => {
    const handled: string[] = [];
    fanout.add({ channel: 'boards', handle: (id) => void handled.push(`board ${id}`) });
    fanout.add({ channel: 'nudges', handle: (id) => void handled.push(`nudge ${id}`), immediate: true });
    await fanout.start();
    subscriber.emit('message', 'boards', 'a');
    subscriber.emit('message', 'boards', 'b');
    subscriber.emit('message', 'nudges', 'a');
    subscriber.emit('message', 'nudges', 'a');
    subscriber.emit('message', 'elsewhere', 'a');
    await vi.advanceTimersByTimeAsync(0);
    expect(handled.sort()).toEqual(['board a', 'board b', 'nudge a', 'nudge a']);
  });

  it('goes on after a failing handler', async () => {
    let calls = 0;
    fanout.add({
      channel: 'c',
      handle: () => {
        calls += 1;
        if (calls === 1) throw new Error('database away');
      },
    });
    await fanout.start();
    subscriber.emit('message', 'c', 'x');
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    subscriber.emit('message', 'c', 'x');
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(calls).toBe(2);
  });
});
