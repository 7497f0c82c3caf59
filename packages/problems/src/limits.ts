/** The limits a problem's run gets, clamped by the server's policy like any request's. */
import {
  DEFAULT_LIMIT_POLICY,
  resolveLimits,
  type EffectiveLimits,
  type LimitPolicy,
} from '@arbiter/contracts';
import type { Problem } from './problem.js';

export function problemLimits(problem: Problem, policy: LimitPolicy = DEFAULT_LIMIT_POLICY): EffectiveLimits {
  return resolveLimits({ timeMs: problem.limits.timeMs, memoryMb: problem.limits.memoryMb }, policy);
}
