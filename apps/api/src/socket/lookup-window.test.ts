/** The per-connection look-up window: so many a minute from the first, then refused until it ends. */
import { describe, expect, it } from 'vitest';
import { LookupWindow } from './lookup-window.js';

describe('LookupWindow', () => {
  it('allows perMinute look-ups from the first, then says how long to wait, then starts afresh', () => {
    let now = 1_000_000;
    const window = new LookupWindow(3, () => now);
    expect([window.take(), window.take(), window.take()]).toEqual([null, null, null]);
    now += 20_500;
    expect(window.take()).toBe(40);
    // A refusal uses nothing up and does not move the window.
    now += 39_000;
    expect(window.take()).toBe(1);
    now += 500;
    expect(window.take()).toBeNull();
    expect(window.take()).toBeNull();
  });
});
