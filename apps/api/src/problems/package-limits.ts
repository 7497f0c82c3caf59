/**
 * The limits an imported problem's runs get: the stated time limit (problem.yaml `limits.time_limit` or
 * DOMjudge's `.timelimit`), else the one verification derived from the accepted submissions, else the
 * platform default; `limits.memory` and `limits.output`; each clamped by the server's policy like every
 * other job's. An admin's time and memory limits (`PATCH /admin/problems/:slug`) take the place of the package's.
 */
import {
  resolveLimits,
  type EffectiveLimits,
  type ImportedProblemSettings,
  type LimitPolicy,
} from '@arbiter/contracts';
import type { ProblemVersion } from '@arbiter/db';

/** The most output an imported problem's run may write (the specification's default is 8 MiB). */
const MAX_PACKAGE_OUTPUT_MB = 64;

/** The time limit in seconds: stated, else derived on import; undefined: the platform default. */
export function packageTimeLimitSeconds(
  version: Pick<ProblemVersion, 'metadata' | 'report'>,
): number | undefined {
  const derived = version.report.verification?.timeLimit;
  return version.metadata.timeLimit ?? (derived?.source === 'derived' ? derived.seconds : undefined);
}

/** An admin's limits in place of the package's (`PATCH /admin/problems/:slug`); null: the package's. */
export type LimitOverrides = Pick<ImportedProblemSettings, 'timeLimitMs' | 'memoryMb'>;

export function packageLimits(
  version: Pick<ProblemVersion, 'metadata' | 'report'>,
  policy: LimitPolicy,
  overrides: LimitOverrides = { timeLimitMs: null, memoryMb: null },
): EffectiveLimits {
  const { metadata } = version;
  const seconds = packageTimeLimitSeconds(version);
  const timeMs = overrides.timeLimitMs ?? (seconds === undefined ? undefined : Math.ceil(seconds * 1000));
  const limits = resolveLimits(
    {
      ...(timeMs === undefined ? {} : { timeMs }),
      memoryMb: overrides.memoryMb ?? metadata.memoryMb,
    },
    policy,
  );
  const outputBytes = Math.min(metadata.outputMb, MAX_PACKAGE_OUTPUT_MB) * 1024 * 1024;
  return { ...limits, outputBytes: Math.max(outputBytes, policy.outputBytes) };
}
