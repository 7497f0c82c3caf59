/**
 * For development only: runs the command with plain `child_process.spawn` in a fresh temp folder, with no
 * isolation at all (same uid, same file system, same network). Wall-clock and output limits are enforced;
 * CPU is approximated by sampling `/proc/<pid>/stat` (utime + stime + cutime + cstime, the program and the
 * children it waited for) every 10 ms, so the last < 10 ms and children it did not wait for are missed;
 * memory is the sampled peak RSS (`VmHWM`) of the main process. Without /proc (macOS), CPU is the wall time.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { classifyEnd, type KillReason } from './exit-status.js';
import { checkLimits } from './limits.js';
import { ChannelWriter } from './channel-writer.js';
import { OutputCapture } from './output-capture.js';
import { OutputFlow } from './output-flow.js';
import { processState } from './process-state.js';
import { checkCommand } from './run-script.js';
import type { OutputStream, RunReport, RunRequest, RunUsage, Sandbox } from './sandbox.js';
import { WorkDir, safeRelativePath } from './work-dir.js';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on every mainstream Linux). */
const USER_HZ = 100;

export function createUnsandboxedSandbox(): Sandbox {
  const running = new Set<() => void>();
  let closed = false;
  const sandbox: Sandbox = {
    kind: 'unsandboxed',
    driver: 'none',
    runGroup(requests, onReport): Promise<RunReport[]> {
      return Promise.all(
        requests.map(async (req, i) => {
          const report = await sandbox.run(req);
          onReport?.(i, report);
          return report;
        }),
      );
    },
    async run(req: RunRequest): Promise<RunReport> {
      if (closed) throw new Error('the sandbox is closed');
      checkCommand(req.argv, req.env);
      if (req.channel && req.stdin !== undefined) throw new Error('a run has either stdin or a channel');
      checkLimits(req.limits);
      for (const p of [...Object.keys(req.files ?? {}), ...(req.collect ?? [])]) safeRelativePath(p);
      const dir = await mkdtemp(join(tmpdir(), 'unsandboxed-'));
      const work = WorkDir.plain(dir);
      try {
        await work.writeFiles(req.files ?? {});
        return await runPlain(req, dir, work, running);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async close(): Promise<void> {
      closed = true;
      for (const kill of running) kill();
    },
  };
  return sandbox;
}

async function runPlain(
  req: RunRequest,
  dir: string,
  work: WorkDir,
  running: Set<() => void>,
): Promise<RunReport> {
  const [command, ...rest] = req.argv;
  if (command === undefined) throw new Error('argv must name a program');
  const limits = req.limits;
  const channel = req.channel;
  // A channel is a socket on fd 3 of a shell that hands it to the program as fd 0 (Node's fd 0 pipe is write-only).
  const [file, args] = channel
    ? ['/bin/sh', ['-c', 'exec "$@" <&3 3<&-', 'sh', command, ...rest]]
    : [command, rest];
  const child = spawn(file, args, {
    cwd: dir,
    env: { PATH: '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8', ...req.env },
    stdio: channel ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
    detached: true, // its own process group, so the whole group can be killed
  });
  let killReason: KillReason | undefined;
  const killGroup = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const kill = (reason: KillReason): void => {
    killReason ??= reason;
    killGroup();
  };
  const stop = (): void => kill('aborted');
  running.add(stop);
  const capture = (stream: OutputStream): OutputCapture =>
    new OutputCapture(stream, limits.outputBytes, () => kill('output_limit'), req.onOutput, req.onOutputEnd);
  const stdout = capture('stdout');
  const stderr = capture('stderr');
  const flow = new OutputFlow();
  // An end of file is told only while the program goes on (one that comes with its exit is the report's).
  const goesOn = (): boolean =>
    killReason === undefined &&
    child.exitCode === null &&
    child.signalCode === null &&
    child.pid !== undefined &&
    processState(child.pid)?.running === true;
  const ended = (capture: OutputCapture) => (): void => {
    if (goesOn()) capture.end();
  };
  if (child.stdout) flow.read(child.stdout, (d) => stdout.push(d), ended(stdout));
  if (child.stderr) flow.read(child.stderr, (d) => stderr.push(d), ended(stderr));
  let writer: ChannelWriter | undefined;
  // The program has ended: nothing is held back any more ('close' waits for its pipes to drain).
  child.once('exit', () => {
    flow.release();
    writer?.wake();
  });
  const t0 = performance.now();
  let cpuMs = 0;
  let memoryKb = 0;
  const socket = child.stdio[3];
  if (channel && socket && 'write' in socket) {
    const usage = (): RunUsage => {
      const s = child.pid === undefined ? undefined : sampleProc(child.pid);
      return s ? { cpuMs: s.cpuMs, memoryKb: s.rssPeakKb } : { cpuMs, memoryKb };
    };
    socket.on('error', () => undefined); // EPIPE when the program is gone
    const channelWriter = new ChannelWriter(socket);
    writer = channelWriter;
    channel.open({
      write: (data) => channelWriter.write(data),
      onDrain: (listener) => channelWriter.onDrain(listener),
      end: () => channelWriter.end(),
      kill: () => kill('killed'),
      usage,
    });
    socket.on('data', (d: Buffer) => channel.data(d, usage()));
  } else {
    child.stdin?.on('error', () => undefined); // EPIPE when the program does not read its input
    child.stdin?.end(req.stdin ?? '');
  }
  const sample = (): void => {
    if (child.pid === undefined) return;
    const s = sampleProc(child.pid);
    if (s) {
      cpuMs = Math.max(cpuMs, s.cpuMs);
      memoryKb = Math.max(memoryKb, s.rssPeakKb);
    } else {
      cpuMs = Math.max(cpuMs, performance.now() - t0);
    }
    if (cpuMs > limits.cpuMs) kill('cpu_limit');
  };
  const cpuTimer = setInterval(sample, 10);
  const wallTimer = setTimeout(() => kill('wall_limit'), limits.wallMs);
  const onAbort = (): void => kill('aborted');
  req.signal?.addEventListener('abort', onAbort, { once: true });
  if (req.signal?.aborted) onAbort();
  try {
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve, reject) => {
        child.once('error', reject);
        child.once('close', (code, signal) => resolve({ code, signal }));
      },
    );
    const wallMs = performance.now() - t0;
    const outcome = classifyEnd({
      killReason,
      oomKills: 0,
      cpuMs,
      cpuLimitMs: limits.cpuMs,
      exitCode: exit.code,
      signal: exit.signal,
    });
    killGroup(); // nothing of the group may outlive the run
    return {
      ...outcome,
      cpuMs: Math.round(cpuMs),
      wallMs: Math.round(wallMs),
      memoryKb,
      stdout: stdout.bytes(),
      stderr: stderr.bytes(),
      files: req.collect ? await work.collect(req.collect) : {},
    };
  } catch (err) {
    return {
      status: 'internal_error',
      exitCode: null,
      signal: null,
      cpuMs: 0,
      wallMs: 0,
      memoryKb: 0,
      stdout: stdout.bytes(),
      stderr: stderr.bytes(),
      files: {},
      error: err instanceof Error ? err.message : String(err),
    };
  } finally {
    clearInterval(cpuTimer);
    clearTimeout(wallTimer);
    req.signal?.removeEventListener('abort', onAbort);
    running.delete(stop);
    flow.release();
    writer?.wake();
  }
}

function sampleProc(pid: number): { cpuMs: number; rssPeakKb: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+)/.exec(status);
    return { cpuMs: (ticks * 1000) / USER_HZ, rssPeakKb: hwm ? Number(hwm[1]) : 0 };
  } catch {
    return undefined;
  }
}
