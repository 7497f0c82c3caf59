/** Turns a job's limits into the sandbox limits of its compile and run steps. */
import type { EffectiveLimits } from '@arbiter/contracts';
import type { RunLimits } from '@arbiter/sandbox';

const MiB = 1024;

/** Limits of a program's run, from what the job asked for (after clamping). */
export function runStepLimits(limits: EffectiveLimits): RunLimits {
  return {
    cpuMs: limits.timeMs,
    wallMs: limits.wallTimeMs,
    memoryKb: limits.memoryMb * MiB,
    pids: 64,
    outputBytes: limits.outputBytes,
    fileSizeBytes: 16 * 1024 * 1024,
    openFiles: 256,
    stackKb: 256 * MiB,
  };
}

/** Compilers get their own, more generous limits: compile time is not the user's runtime. */
export const COMPILE_STEP_LIMITS: RunLimits = {
  cpuMs: 15_000,
  wallMs: 30_000,
  memoryKb: 1024 * MiB,
  pids: 64,
  outputBytes: 64 * 1024,
  fileSizeBytes: 64 * 1024 * 1024,
  openFiles: 256,
  stackKb: 64 * MiB,
};

/** The compile limits with another CPU limit (the worker's COMPILE_TIME_MS), the wall clock 2 × it. */
export function compileStepLimits(cpuMs: number): RunLimits {
  return { ...COMPILE_STEP_LIMITS, cpuMs, wallMs: 2 * cpuMs };
}
