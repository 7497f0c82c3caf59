/**
 * `checkSandbox()`: the preflight a worker (or an operator) runs to learn whether this host can sandbox,
 * and if not, exactly what to install or enable. It starts a one-cell sandbox under its own cgroup root,
 * work root and uid, runs `/bin/sh -c 'echo ok'` in it, and releases everything.
 */
import { createBwrapSandbox, type BwrapSandboxOptions } from './bwrap-sandbox.js';

/** Resolves with the sandbox kind (e.g. `bwrap+cgroup-v1`); rejects with an Error that says what to fix. */
export async function checkSandbox(options: Partial<BwrapSandboxOptions> = {}): Promise<{ kind: string }> {
  const root = `${options.cgroupRoot ?? 'arbiter'}-check`;
  const sandbox = await createBwrapSandbox({
    ...options,
    slots: 1,
    spares: 0,
    standby: false,
    cgroupRoot: root,
    workRoot: undefined,
    // By default a uid no worker cell uses, so the check never shares one with a live run.
    uidBase: options.uidBase ?? 15_001,
    selfTest: true,
  });
  const kind = sandbox.kind;
  await sandbox.close();
  return { kind };
}
