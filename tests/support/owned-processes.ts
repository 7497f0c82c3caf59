/**
 * Child processes that die with the test process: each is started in a process group of its own
 * (so a kill reaches whatever it started too), with the parent-death signal set on Linux (prctl
 * PR_SET_PDEATHSIG through util-linux's setpriv: the kernel kills it even when the test process is
 * SIGKILLed), and every group still alive is SIGKILLed when the test process exits.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';

const owned = new Set<ChildProcess>();

const PDEATHSIG =
  process.platform === 'linux' &&
  spawnSync('setpriv', ['--pdeathsig', 'SIGKILL', '--', 'true'], { stdio: 'ignore' }).status === 0;

/** Sends `signal` to the child's process group (or the child alone if the group is gone). */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Like `spawn`, but the process is the leader of a new process group and dies with this one. */
export function spawnOwned(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const [file, argv] = PDEATHSIG
    ? ['setpriv', ['--pdeathsig', 'SIGKILL', '--', command, ...args]]
    : [command, args];
  const child = spawn(file, argv, { ...options, detached: true });
  // Kept after it exits: what it left in its group (a sandbox it ran, say) is killed with the rest
  // at the end, not at once, so tests of the sweep after a crash still find the leftovers.
  owned.add(child);
  return child;
}

/** SIGKILLs every owned process group still alive (for afterAll hooks). */
export function killOwned(): void {
  for (const child of owned) signalGroup(child, 'SIGKILL');
}

process.once('exit', killOwned);
