/**
 * The limits an imported problem's runs get: the stated time limit (problem.yaml `limits.time_limit` or
 * DOMjudge's `.timelimit`; none stated: the platform default), `limits.memory` and `limits.output`, each
 * clamped by the server's policy like every other job's.
 */
import { resolveLimits, type EffectiveLimits, type LimitPolicy } from '@arbiter/contracts';
import type { ProblemVersionMetadata } from '@arbiter/db';

/** The most output an imported problem's run may write (the specification's default is 8 MiB). */
const MAX_PACKAGE_OUTPUT_MB = 64;

export function packageLimits(metadata: ProblemVersionMetadata, policy: LimitPolicy): EffectiveLimits {
  const limits = resolveLimits(
    {
      ...(metadata.timeLimit === undefined ? {} : { timeMs: Math.ceil(metadata.timeLimit * 1000) }),
      memoryMb: metadata.memoryMb,
    },
    policy,
  );
  const outputBytes = Math.min(metadata.outputMb, MAX_PACKAGE_OUTPUT_MB) * 1024 * 1024;
  return { ...limits, outputBytes: Math.max(outputBytes, policy.outputBytes) };
}
