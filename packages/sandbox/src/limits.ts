/**
 * Defaults for `RunLimits` and the checks every request's limits go through before a run starts.
 */
import type { RunLimits } from './sandbox.js';

/** Limits for one judge run; override per request. */
export function defaultRunLimits(overrides: Partial<RunLimits> = {}): RunLimits {
  return {
    cpuMs: 2_000,
    wallMs: 7_000, // 3 × CPU + 1 s, as the judge resolves it
    memoryKb: 256 * 1024,
    pids: 64, // Java needs ~24 tasks, Node fails under 8
    outputBytes: 1 << 20,
    fileSizeBytes: 64 << 20,
    openFiles: 256,
    stackKb: 64 * 1024,
    ...overrides,
  };
}

/** Throws on limits that cannot be enforced (non-positive, non-finite). */
export function checkLimits(l: RunLimits): void {
  for (const [key, value] of Object.entries(l) as Array<[keyof RunLimits, number]>) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new Error(`invalid limit ${key}: ${String(value)} (must be a positive number)`);
    }
  }
}
