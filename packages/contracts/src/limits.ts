/** Resource limits a request may ask for, and the server-side defaults and maxima they are clamped to. */
import { z } from 'zod';

export const requestedLimitsSchema = z
  .object({
    /** CPU time per run, in ms. */
    timeMs: z.number().int().positive(),
    /** Memory per run, in MiB. */
    memoryMb: z.number().int().positive(),
  })
  .partial()
  .strict();
export type RequestedLimits = z.infer<typeof requestedLimitsSchema>;

/** The limits a job actually runs under, after clamping. Reported back in the result. */
export const effectiveLimitsSchema = z.object({
  /** CPU time per run, in ms. */
  timeMs: z.number().int().positive(),
  /** Wall-clock time per run, in ms. */
  wallTimeMs: z.number().int().positive(),
  /** Memory per run, in MiB. */
  memoryMb: z.number().int().positive(),
  /** Bytes kept per output stream before the run is stopped. */
  outputBytes: z.number().int().positive(),
});
export type EffectiveLimits = z.infer<typeof effectiveLimitsSchema>;

export interface LimitPolicy {
  defaultTimeMs: number;
  maxTimeMs: number;
  defaultMemoryMb: number;
  maxMemoryMb: number;
  outputBytes: number;
}

export const DEFAULT_LIMIT_POLICY: LimitPolicy = {
  defaultTimeMs: 2_000,
  maxTimeMs: 15_000,
  defaultMemoryMb: 256,
  maxMemoryMb: 1_024,
  outputBytes: 1 << 20,
};

/** Clamp what a request asked for to the server's maxima; wall time is 3 × CPU + 1 s. */
export function resolveLimits(
  requested: RequestedLimits | undefined,
  policy: LimitPolicy = DEFAULT_LIMIT_POLICY,
): EffectiveLimits {
  const timeMs = Math.min(requested?.timeMs ?? policy.defaultTimeMs, policy.maxTimeMs);
  const memoryMb = Math.min(requested?.memoryMb ?? policy.defaultMemoryMb, policy.maxMemoryMb);
  return { timeMs, wallTimeMs: timeMs * 3 + 1_000, memoryMb, outputBytes: policy.outputBytes };
}
