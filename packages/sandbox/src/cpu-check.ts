/**
 * When to read a run's CPU counter next. A cgroup's processes cannot use more than one second of CPU per
 * second per CPU, so after a reading of `usedMs` the total cannot pass `limitMs` before
 * `(limitMs - usedMs) / cpus` ms have gone by: reading any sooner finds nothing to stop. The next reading is
 * due then, and never sooner than `floorMs` after the last, so a run near its limit is read as often as
 * before (every `floorMs`) and one far from it is not read at all.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** The fewest ms between two readings of the CPU counter (the poll interval near the limit). */
export const CPU_CHECK_FLOOR_MS = 10;

/**
 * An upper bound on the CPUs a run can use at once: the kernel's possible CPUs (every CPU that is or can
 * come online; a cpuset or quota only lowers what a run gets), never fewer than the online ones `os.cpus()`
 * lists, at least 1.
 */
export function maxRunCpus(): number {
  let possible = 0;
  try {
    possible = countCpuList(readFileSync('/sys/devices/system/cpu/possible', 'utf8'));
  } catch {
    // No sysfs (a container without it): the online CPUs alone.
  }
  return Math.max(1, possible, cpus().length);
}

/** Counts a kernel CPU list such as `0-3,8,10-11`; 0 when it cannot be read. */
export function countCpuList(list: string): number {
  let count = 0;
  for (const part of list.trim().split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return 0;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) return 0;
    count += last - first + 1;
  }
  return count;
}

/** Ms until the next reading of the CPU counter, given what the run has used and may use. */
export function nextCpuCheckMs(
  usedMs: number,
  limitMs: number,
  cpuCount: number,
  floorMs = CPU_CHECK_FLOOR_MS,
): number {
  const earliestCross = (limitMs - usedMs) / Math.max(1, cpuCount);
  return Math.max(floorMs, Math.floor(earliestCross));
}
