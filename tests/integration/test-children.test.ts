/**
 * The processes test support starts die with the test process that started them, whether it exits
 * or is SIGKILLed: none is left running with PPID 1 after a test run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnOwned } from '../support/owned-processes.js';
import { ROOT, cleanup, waitFor } from '../support/platform.js';

/** Whether a process is alive (a zombie, dead but not yet reaped, counts as gone). */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  const state = readFileSync(stat, 'utf8').replace(/^.*\) /s, '')[0];
  return state !== 'Z' && state !== 'X';
}

/** Runs tests/support/orphan-probe.ts, which starts an API, prints its pid and dies `how`. */
async function orphanProbe(how: 'kill' | 'exit'): Promise<{ apiPid: number; prefix: string }> {
  const probe = spawnOwned(process.execPath, ['--import', 'tsx', 'tests/support/orphan-probe.ts', how], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  probe.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  probe.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    probe.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const ended = await exited;
  const started = /api pid (\d+) prefix (\S+)/.exec(output);
  if (started === null) throw new Error(`the probe did not start an API:\n${output}`);
  expect(ended).toBe(how === 'kill' ? 'SIGKILL' : 0);
  return { apiPid: Number(started[1]), prefix: started[2] ?? '' };
}

describe.skipIf(process.platform !== 'linux')('processes started by test support', () => {
  for (const how of ['exit', 'kill'] as const) {
    it(`die when the test process ${how === 'kill' ? 'is SIGKILLed' : 'exits'}`, async () => {
      const { apiPid, prefix } = await orphanProbe(how);
      try {
        await waitFor(
          () => !alive(apiPid),
          10_000,
          () => `the API (pid ${apiPid}) outlived the test process that started it`,
        );
      } finally {
        if (alive(apiPid)) process.kill(apiPid, 'SIGKILL');
        await cleanup(prefix);
      }
    }, 240_000);
  }
});
