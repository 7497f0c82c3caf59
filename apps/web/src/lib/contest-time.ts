// Contest clocks: the gap between the server's clock and the browser's, and countdowns as h:mm:ss.

/** How far the server's clock is ahead of this browser's, in ms, from a `now` the server sent. */
export function serverOffsetMs(serverNow: string): number {
  return Date.parse(serverNow) - Date.now();
}

/** `1:02:03`, `2:03` under an hour, and days in front past 24 hours; 0 for anything past. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock =
    hours > 0 || days > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/** A `datetime-local` input's value (local time, to the minute) for a moment. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
