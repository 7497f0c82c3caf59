/**
 * How much slower this machine is than the one the tests' time limits were chosen on, as two measured
 * factors, because a slow machine is not slow evenly:
 * - the start-up factor (`speedFactor`, `scaledMs`): the CPU time of the sandbox's kind of work, starting
 *   processes and faulting in fresh memory. It scales budgets that real work must fit in (an interpreter's or
 *   a compiler's start, a run's wall clock) and timeouts. A User-Mode Linux guest, where every syscall and
 *   page fault is a round trip through the host, measures 10× to 60×.
 * - the CPU factor (`cpuFactor`, `cpuScaledMs`): the CPU time of pure computation (a shell counting, no
 *   syscalls). It scales the CPU limits a busy loop is meant to reach. In that guest it stays near 1–3: a
 *   busy loop runs at the host CPU's speed, so scaling its limit by the start-up factor only made the test
 *   wait 60× longer for the same verdict.
 * - the contention factor: wall time over CPU time of the cpu probe, how much of a core a process gets now
 *   (2 on two cores each kept busy by another loop). It multiplies the start-up factor in `scaledMs`, as a
 *   wall-clock budget stretches with it, but not the CPU factor: CPU limits count CPU time, which a busy
 *   host barely changes.
 * CPU time rather than wall time for the first two: it is what the sandbox's CPU limits count, and other work
 * on a host barely changes it, so a busy host keeps them near 1. Measured once per Vitest run (`vitest.config.ts`;
 * TEST_SPEED_FACTOR, TEST_CPU_FACTOR and TEST_CONTENTION_FACTOR override) and inherited by the test processes through the
 * environment.
 */
import { spawnSync } from 'node:child_process';

/**
 * The probes' CPU time (user + system, ms) on the reference machine: this project's 2-core Debian 12 VM,
 * under the load of several test suites at once.
 */
const REFERENCE_CPU_MS = { spawn: 110, memory: 360, cpu: 300 } as const;
type Probe = keyof typeof REFERENCE_CPU_MS;
const PROBES: Record<Probe, string> = {
  // 25 fork+exec of a small binary.
  spawn: 'i=0; while [ $i -lt 25 ]; do /bin/true; i=$((i + 1)); done',
  // A fresh process that writes 64 MiB (page faults, as the memory tests and big runs do).
  memory: '/usr/bin/python3 -S -c "b = b\\"x\\" * (64 << 20)"',
  // A shell counting to 300,000 in a child (builtins only: no syscall, no page fault in the loop).
  cpu: "/bin/sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i + 1)); done'",
};

/** Past this, a machine is too busy for any time limit to mean much; the factor stops growing. */
const MAX_CONTENTION = 8;

/** CPU time of a shell command's children, from the shell's `times` (user and system of its children). */
function childCpuMs(script: string): number {
  return timedChild(script).cpuMs;
}

/** CPU time of a shell command's children and the wall time the command took (ms). */
function timedChild(script: string): { cpuMs: number; wallMs: number } {
  const started = performance.now();
  const result = spawnSync('/bin/sh', ['-c', `${script}\ntimes`], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  const lines = result.stdout.trim().split('\n');
  const children = [...(lines[lines.length - 1] ?? '').matchAll(/(\d+)m([\d.]+)s/g)];
  if (result.status !== 0 || children.length !== 2) {
    throw new Error(
      `speed probe failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
    );
  }
  return { cpuMs: children.reduce((sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000, 0), wallMs };
}

const ratio = (ms: number, probe: Probe): number =>
  Math.max(1, Math.round((ms / REFERENCE_CPU_MS[probe]) * 10) / 10);

export interface SpeedFactors {
  /** Starting processes and faulting in memory: the larger of the spawn and memory probes' ratios, ≥ 1. */
  startup: number;
  /** Pure computation: the cpu probe's ratio, ≥ 1. */
  cpu: number;
  /** The cpu probe's wall time over its CPU time, ≥ 1 (at most 8). */
  contention: number;
  /** Each probe's least CPU time of 2 runs (ms). */
  probes: Record<Probe, number>;
}

/** Measures both factors: each probe's least CPU time of 2 runs against the reference. */
export function measureSpeedFactors(): SpeedFactors {
  const probes = {} as Record<Probe, number>;
  for (const name of Object.keys(PROBES) as Probe[]) {
    if (name === 'cpu') continue;
    probes[name] = Math.round(Math.min(...[0, 1].map(() => childCpuMs(PROBES[name]))));
  }
  // The cpu probe's runs also give the contention: each run's wall over CPU, the lesser of 2.
  const cpuRuns = [0, 1].map(() => timedChild(PROBES.cpu));
  probes.cpu = Math.round(Math.min(...cpuRuns.map((run) => run.cpuMs)));
  const contention = Math.min(...cpuRuns.map((run) => run.wallMs / Math.max(1, run.cpuMs)));
  return {
    startup: Math.max(ratio(probes.spawn, 'spawn'), ratio(probes.memory, 'memory')),
    cpu: ratio(probes.cpu, 'cpu'),
    contention: Math.min(MAX_CONTENTION, Math.max(1, Math.round(contention * 10) / 10)),
    probes,
  };
}

function given(name: 'TEST_SPEED_FACTOR' | 'TEST_CPU_FACTOR' | 'TEST_CONTENTION_FACTOR'): number | undefined {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 1 ? value : undefined;
}

/** The factors of this run: taken from the environment when set there, else measured now and set there. */
function factors(): { startup: number; cpu: number; contention: number } {
  let startup = given('TEST_SPEED_FACTOR');
  let cpu = given('TEST_CPU_FACTOR');
  let contention = given('TEST_CONTENTION_FACTOR');
  if (startup === undefined || cpu === undefined || contention === undefined) {
    const measured = measureSpeedFactors();
    startup ??= measured.startup;
    cpu ??= measured.cpu;
    contention ??= measured.contention;
    process.env.TEST_SPEED_FACTOR = String(startup);
    process.env.TEST_CPU_FACTOR = String(cpu);
    process.env.TEST_CONTENTION_FACTOR = String(contention);
  }
  return { startup, cpu, contention };
}

/**
 * What wall-clock budgets of this run are multiplied by: the start-up factor times the contention factor
 * (vitest.config.ts sets TEST_SPEED_FACTOR and TEST_CONTENTION_FACTOR).
 */
export function speedFactor(): number {
  const { startup, contention } = factors();
  return Math.round(startup * contention * 10) / 10;
}

/** The CPU factor of this run (vitest.config.ts sets TEST_CPU_FACTOR). */
export function cpuFactor(): number {
  return factors().cpu;
}

/** A wall-clock limit, a timeout, or a budget for starting programs, chosen on the reference machine. */
export function scaledMs(ms: number): number {
  return Math.round(ms * speedFactor());
}

/** A CPU limit a busy loop is meant to reach, chosen on the reference machine. */
export function cpuScaledMs(ms: number): number {
  return Math.round(ms * cpuFactor());
}
