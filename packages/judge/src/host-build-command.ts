/**
 * A command of a one-off build on the host (the precompiled C++ header, the JVM class archives), run in a
 * process group of its own so that ending the build kills the whole of it (g++ and its cc1plus, javac's
 * JVM), not only the first process; it settles once every process holding its output has exited.
 */
import { spawn } from 'node:child_process';

export interface HostBuildCommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (the whole group) after this many ms. */
  timeout?: number;
  /** Ends the build: the command's whole process group is killed. */
  signal?: AbortSignal;
}

/** Output kept of each stream, in bytes: these commands print a dependency list or a few warnings. */
const OUTPUT_CAP = 1024 * 1024;

/** Runs `file args`, resolving with its output; rejects when it fails, times out or `signal` ends it. */
export function runHostBuildCommand(
  file: string,
  args: readonly string[],
  { signal, timeout, ...options }: HostBuildCommandOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error(`${file}: the build was stopped`));
      return;
    }
    const child = spawn(file, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stdout: '', stderr: '' };
    for (const name of ['stdout', 'stderr'] as const) {
      child[name].setEncoding('utf8');
      child[name].on('data', (chunk: string) => {
        if (out[name].length < OUTPUT_CAP) out[name] += chunk.slice(0, OUTPUT_CAP - out[name].length);
      });
    }
    let ended: string | undefined;
    const killGroup = (why: string): void => {
      ended ??= why;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const onAbort = (): void => killGroup('the build was stopped');
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      timeout === undefined
        ? undefined
        : setTimeout(() => killGroup(`timed out after ${timeout} ms`), timeout);
    child.once('error', (error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    // 'close': the command and every process that inherited its output (cc1plus, a JVM's threads) are done.
    child.once('close', (code, killedBy) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (ended === undefined && code === 0) resolve(out);
      else
        reject(
          new Error(
            `${file}: ${ended ?? (killedBy ? `killed by ${killedBy}` : `exit code ${String(code)}`)}: ${out.stderr.slice(0, 2000)}`,
          ),
        );
    });
  });
}
