/**
 * Turns what is known when a run ends into one `RunStatus`. Order matters: a limit the sandbox enforced
 * (or the caller's abort) explains the SIGKILL that follows it, an OOM kill explains a SIGKILL from the
 * kernel, a sandbox process killed from outside is the sandbox's failure (the program cannot see it), CPU
 * over the limit explains RLIMIT_CPU's SIGKILL/SIGXCPU, and only then is the program's own exit code or
 * signal reported. bubblewrap reports a signal death inside as exit code 128 + N, so a program
 * that itself exits with 129..192 reads as killed by signal N - 128 (the usual shell convention).
 */
import { constants } from 'node:os';
import type { RunStatus } from './sandbox.js';

/** Why the sandbox killed the run, if it did. */
export type KillReason =
  | 'cpu_limit'
  | 'wall_limit'
  | 'output_limit'
  | 'aborted'
  | 'memory_limit'
  // The caller's `ChannelPort.kill()`: the run reads as killed by SIGKILL, as from `kill -9`.
  | 'killed';

export interface EndFacts {
  killReason: KillReason | undefined;
  oomKills: number;
  cpuMs: number;
  cpuLimitMs: number;
  /** Exit code of the bubblewrap process, `null` if it died of a signal. */
  exitCode: number | null;
  /** Signal that killed the process the worker spawned (bubblewrap; the program itself when unsandboxed). */
  signal: NodeJS.Signals | null;
  /** True when `signal` hit the sandbox's own process, which the program cannot reach. */
  signalHitSandbox?: boolean;
}

export interface Outcome {
  status: RunStatus;
  exitCode: number | null;
  signal: string | null;
  error?: string;
}

/** Number → name; the first name wins (SIGABRT before its alias SIGIOT, SIGIO before SIGPOLL). */
const SIGNAL_NAMES = new Map<number, string>();
for (const [name, num] of Object.entries(constants.signals))
  if (!SIGNAL_NAMES.has(num)) SIGNAL_NAMES.set(num, name);

export function signalName(num: number): string {
  return SIGNAL_NAMES.get(num) ?? `SIG${num}`;
}

export function classifyEnd(f: EndFacts): Outcome {
  const killedBy =
    f.signal ??
    (f.exitCode !== null && f.exitCode > 128 && f.exitCode <= 192 ? signalName(f.exitCode - 128) : null);
  if (f.killReason === 'killed') return { status: 'signaled', exitCode: null, signal: 'SIGKILL' };
  if (f.killReason) return { status: f.killReason, exitCode: null, signal: killedBy };
  if (f.oomKills > 0) return { status: 'memory_limit', exitCode: null, signal: killedBy };
  if (f.signalHitSandbox && f.signal !== null) {
    return {
      status: 'internal_error',
      exitCode: null,
      signal: f.signal,
      error: `the sandbox was killed by ${f.signal} from outside`,
    };
  }
  if (f.cpuMs > f.cpuLimitMs) return { status: 'cpu_limit', exitCode: null, signal: killedBy };
  if (killedBy !== null) return { status: 'signaled', exitCode: null, signal: killedBy };
  return { status: 'exited', exitCode: f.exitCode, signal: null };
}
