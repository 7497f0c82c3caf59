/** Turns a job's limits into the sandbox limits of its compile and run steps. */
import type { EffectiveLimits } from '@arbiter/contracts';
import type { CompileNeeds } from '@arbiter/languages';
import type { RunLimits } from '@arbiter/sandbox';

const MiB = 1024;

/** Tasks (processes and threads) a step may have at once, unless its language needs more. */
export const DEFAULT_PIDS = 64;

/** Limits of a program's run, from what the job asked for (after clamping) and the runtime's thread needs. */
export function runStepLimits(limits: EffectiveLimits, pids = DEFAULT_PIDS): RunLimits {
  return {
    cpuMs: limits.timeMs,
    wallMs: limits.wallTimeMs,
    memoryKb: limits.memoryMb * MiB,
    pids: Math.max(DEFAULT_PIDS, pids),
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
  pids: DEFAULT_PIDS,
  outputBytes: 64 * 1024,
  fileSizeBytes: 64 * 1024 * 1024,
  openFiles: 256,
  stackKb: 64 * MiB,
};

/** The compile limits with another CPU limit (the worker's COMPILE_TIME_MS), the wall clock 2 × it. */
export function compileStepLimits(cpuMs: number): RunLimits {
  return { ...COMPILE_STEP_LIMITS, cpuMs, wallMs: 2 * cpuMs };
}

/** The compile limits raised to what a language's compiler needs (never lowered). */
export function compileLimitsFor(limits: RunLimits, needs: CompileNeeds = {}): RunLimits {
  const scale = Math.max(1, needs.timeScale ?? 1);
  return {
    ...limits,
    cpuMs: Math.round(limits.cpuMs * scale),
    wallMs: Math.round(limits.wallMs * scale),
    memoryKb: Math.max(limits.memoryKb, (needs.memoryMb ?? 0) * MiB),
    pids: Math.max(limits.pids, needs.pids ?? 0),
  };
}
