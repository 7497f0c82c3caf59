'use client';
// The current time by the server's clock, ticking every second, for countdowns.
import { useEffect, useState } from 'react';

/** `offsetMs`: how far the server's clock is ahead of the browser's (lib/contest-time.ts). */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 1_000);
    return () => clearInterval(timer);
  }, [offsetMs]);
  return now;
}
