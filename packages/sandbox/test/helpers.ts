/** Shared helpers of the sandbox tests: a sandbox per test file, limits, and host-side inspection of /proc. */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createBwrapSandbox,
  defaultRunLimits,
  type BwrapSandbox,
  type BwrapSandboxOptions,
} from '../src/index.js';
import type { RunLimits, RunReport } from '../src/sandbox.js';
import { cpuScaledMs, scaledMs } from '../../../tests/support/speed-factor.js';

export { cpuScaledMs, scaledMs } from '../../../tests/support/speed-factor.js';

export const PYTHON = '/usr/bin/python3';

/**
 * Limits for quick test runs. CPU and wall time are chosen for the reference machine and scaled by this one's
 * speed factors (`tests/support/speed-factor.ts`); bounds a test checks on reported times scale with `scaledMs`.
 * A budget the run must fit in scales with the start-up factor. A limit the run is meant to reach (`reach`)
 * does not need room for slow process starts: a CPU limit a busy loop spends scales with the CPU factor only,
 * and a wall-clock limit a sleeper waits out is kept as chosen (waiting takes as long on any machine).
 */
export function limits(overrides: Partial<RunLimits> = {}, reach?: 'cpu' | 'wall' | 'both'): RunLimits {
  const chosen = defaultRunLimits({ cpuMs: 2_000, wallMs: 5_000, ...overrides });
  const cpuReached = reach === 'cpu' || reach === 'both';
  const wallReached = reach === 'wall' || reach === 'both';
  return {
    ...chosen,
    cpuMs: cpuReached ? cpuScaledMs(chosen.cpuMs) : scaledMs(chosen.cpuMs),
    wallMs: wallReached ? chosen.wallMs : scaledMs(chosen.wallMs),
  };
}

/**
 * A sandbox with names and uids of its own (several test files, or a second checkout's tests, may run at
 * once on the machine).
 */
export function testSandbox(tag: string, options: Partial<BwrapSandboxOptions> = {}): Promise<BwrapSandbox> {
  const id = `${tag}-${process.pid}`;
  const uidBase = uidBaseOf(tag);
  return createBwrapSandbox({
    slots: 2,
    cgroupRoot: `sbtest-${id}`,
    workRoot: join(tmpdir(), `sbtest-${id}`),
    uidBase,
    readyTimeoutMs: scaledMs(10_000),
    ...options,
  });
}

/** Distinct uid blocks for the sandboxes one test process creates (32 uids per process). */
const TAG_OFFSETS: Record<string, number> = {
  unit: 0, // 2 slots + 2 spares: 0..3
  single: 4,
  strict: 5, // 5..6
  adv: 7, // 7..10
  advsingle: 11,
  advstrict: 12, // 12..13
  close: 14,
  check: 15,
  crash: 16, // 16..17
  small: 18,
  binds: 19,
  cells: 20,
  retire: 21,
  broken: 22,
  fds: 23,
  seccomp: 24, // 24..25
  channel: 26, // 26..29
};

const UIDS_PER_PROCESS = 32;

/** The first uid of a tag's block, for sandboxes built without `testSandbox`. */
export function uidBaseOf(tag: string): number {
  return 20_000 + (process.pid % 1_000) * UIDS_PER_PROCESS + (TAG_OFFSETS[tag] ?? 0);
}

export const text = (u: Uint8Array): string => Buffer.from(u).toString('utf8');

export function describeReport(r: RunReport): string {
  return JSON.stringify({
    ...r,
    stdout: text(r.stdout).slice(0, 2000),
    stderr: text(r.stderr).slice(0, 2000),
    files: Object.keys(r.files),
  });
}

export interface HostProcess {
  pid: number;
  uid: number;
  cmdline: string;
  status: string;
}

/** Every process on the host whose real uid is one of `uids`. */
export function processesOf(uids: readonly number[]): HostProcess[] {
  const out: HostProcess[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      if (!uids.includes(uid)) continue;
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.push({ pid: Number(name), uid, cmdline, status });
    } catch {
      // Exited while we looked.
    }
  }
  return out;
}

/** True for the processes of a prepared sandbox waiting for its run (bubblewrap, or its waiting shell). */
export function isStandbyProcess(p: HostProcess): boolean {
  return (
    p.cmdline.startsWith('/usr/bin/bwrap ') ||
    p.cmdline.startsWith('bwrap ') ||
    p.cmdline.startsWith('/bin/sh -c printf R >&3')
  );
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
