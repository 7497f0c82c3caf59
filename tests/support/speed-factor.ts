/**
 * How much more CPU time this machine spends on the sandbox's kind of work (starting processes, faulting in
 * fresh memory) than the machine the tests' time limits were chosen on. Time limits in tests are multiplied
 * by it instead of being weakened: a User-Mode Linux guest (every syscall and page fault a round trip through
 * the host, its one CPU shared with the host's load) measures 10× and more. CPU time rather than wall time:
 * it is what the sandbox's CPU limits count, and other work on a host barely changes it, so a busy host keeps
 * a factor near 1. Measured once per Vitest run (`vitest.config.ts`; TEST_SPEED_FACTOR overrides) and
 * inherited by the test processes through the environment.
 */
import { spawnSync } from 'node:child_process';

/**
 * The probes' CPU time (user + system, ms) on the reference machine: this project's 2-core Debian 12 VM,
 * under the load of several test suites at once.
 */
const REFERENCE_CPU_MS = { spawn: 110, memory: 360 } as const;
const PROBES: Record<keyof typeof REFERENCE_CPU_MS, string> = {
  // 25 fork+exec of a small binary.
  spawn: 'i=0; while [ $i -lt 25 ]; do /bin/true; i=$((i + 1)); done',
  // A fresh process that writes 64 MiB (page faults, as the memory tests and big runs do).
  memory: '/usr/bin/python3 -S -c "b = b\\"x\\" * (64 << 20)"',
};

/** CPU time of a shell command's children, from the shell's `times` (user and system of its children). */
function childCpuMs(script: string): number {
  const result = spawnSync('/bin/sh', ['-c', `${script}\ntimes`], { encoding: 'utf8' });
  const lines = result.stdout.trim().split('\n');
  const children = [...(lines[lines.length - 1] ?? '').matchAll(/(\d+)m([\d.]+)s/g)];
  if (result.status !== 0 || children.length !== 2) {
    throw new Error(
      `speed probe failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
    );
  }
  return children.reduce((sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000, 0);
}

/** Measures the factor: each probe's least CPU time of 2 runs against the reference, the larger ratio, ≥ 1. */
export function measureSpeedFactor(): { factor: number; probes: Record<string, number> } {
  const probes: Record<string, number> = {};
  let factor = 1;
  for (const name of Object.keys(PROBES) as (keyof typeof PROBES)[]) {
    const ms = Math.min(...[0, 1].map(() => childCpuMs(PROBES[name])));
    probes[name] = Math.round(ms);
    factor = Math.max(factor, ms / REFERENCE_CPU_MS[name]);
  }
  return { factor: Math.round(factor * 10) / 10, probes };
}

/** The factor of this run: TEST_SPEED_FACTOR when set (vitest.config.ts sets it), else measured now. */
export function speedFactor(): number {
  const given = Number(process.env.TEST_SPEED_FACTOR);
  if (Number.isFinite(given) && given >= 1) return given;
  const { factor } = measureSpeedFactor();
  process.env.TEST_SPEED_FACTOR = String(factor);
  return factor;
}

/** A time limit chosen on the reference machine, for this one. */
export function scaledMs(ms: number): number {
  return Math.round(ms * speedFactor());
}
