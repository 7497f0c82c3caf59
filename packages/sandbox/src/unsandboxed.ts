/**
 * A runner WITHOUT isolation, for development on machines without bubblewrap: a plain
 * child process in a temporary folder with a wall-clock kill and an output cap. The
 * program can read and write anything the worker can. Never the default; the worker
 * refuses it unless development mode or an explicit flag allows it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import type { OutputStream, RunReport, RunRequest, Sandbox } from './sandbox.js';

export function createUnsandboxedSandbox(): Sandbox {
  return { kind: 'unsandboxed', run: runUnsandboxed, close: async () => undefined };
}

async function runUnsandboxed(request: RunRequest): Promise<RunReport> {
  const dir = await mkdtemp(join(tmpdir(), 'arbiter-unsandboxed-'));
  try {
    for (const [path, contents] of Object.entries(request.files ?? {})) {
      const target = safeJoin(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, contents, { mode: 0o755 });
    }
    const report = await spawnCapped(dir, request);
    for (const path of request.collect ?? []) await collect(dir, safeJoin(dir, path), report.files);
    return report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function spawnCapped(cwd: string, request: RunRequest): Promise<RunReport> {
  const { limits } = request;
  const [command, ...args] = request.argv;
  return new Promise((resolve) => {
    const started = performance.now();
    const captured: Record<OutputStream, Uint8Array[]> = { stdout: [], stderr: [] };
    const sizes: Record<OutputStream, number> = { stdout: 0, stderr: 0 };
    let stopped: RunReport['status'] | null = null;
    const child = spawn(command ?? '/bin/false', args, {
      cwd,
      env: { PATH: '/usr/bin:/bin', HOME: cwd, LANG: 'C.UTF-8', ...request.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const stop = (status: RunReport['status']) => {
      stopped ??= status;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    // CPU time is not measured here: wall time stands in for it, so keep both limits.
    const timer = setTimeout(() => stop('wall_limit'), Math.min(limits.wallMs, limits.cpuMs * 2));
    const onAbort = () => stop('aborted');
    request.signal?.addEventListener('abort', onAbort, { once: true });
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].on('data', (chunk: Buffer) => {
        const room = limits.outputBytes - sizes[stream];
        const kept = chunk.subarray(0, Math.max(0, room));
        if (kept.length > 0) {
          captured[stream].push(kept);
          sizes[stream] += kept.length;
          request.onOutput?.(stream, kept);
        }
        if (chunk.length > room) stop('output_limit');
      });
    }
    child.stdin.on('error', () => undefined);
    child.stdin.end(request.stdin ?? '');
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(emptyReport('internal_error', performance.now() - started, error.message));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      const wallMs = Math.round(performance.now() - started);
      resolve({
        status: stopped ?? (signal !== null ? 'signaled' : 'exited'),
        exitCode: code,
        signal,
        cpuMs: wallMs,
        wallMs,
        memoryKb: 0,
        stdout: Buffer.concat(captured.stdout),
        stderr: Buffer.concat(captured.stderr),
        files: {},
      });
    });
  });
}

function emptyReport(status: RunReport['status'], wallMs: number, error: string): RunReport {
  const empty = new Uint8Array(0);
  return {
    status,
    exitCode: null,
    signal: null,
    cpuMs: 0,
    wallMs,
    memoryKb: 0,
    stdout: empty,
    stderr: empty,
    files: {},
    error,
  };
}

function safeJoin(root: string, path: string): string {
  const target = join(root, normalize(path));
  if (relative(root, target).startsWith('..') || path.startsWith('/'))
    throw new Error(`path escapes the work dir: ${path}`);
  return target;
}

async function collect(root: string, path: string, into: Record<string, Uint8Array>): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info === null) return;
  if (info.isDirectory()) {
    for (const entry of await readdir(path)) await collect(root, join(path, entry), into);
  } else if (info.isFile()) {
    into[relative(root, path)] = await readFile(path);
  }
}
