/**
 * The physical limit: the same programs run directly on the host with no platform: spawn with
 * pipes, feed stdin, read the output, wait for the exit (what a plain runner does), and compile
 * with the same compilers and flags the platform's recipes use.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHarness, loadCatalog, testLine, type FunctionProblem } from '@arbiter/problems';
import { BENCH_PROBLEM, benchSolution } from './catalog.js';
import { preciseNow } from '@arbiter/contracts';

/** Runs `argv` in `cwd` with `stdin`; resolves with its wall time in ms, rejects on a non-zero exit. */
export function timedRun(argv: string[], cwd: string, stdin = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = argv;
    if (file === undefined) return reject(new Error('empty argv'));
    const started = preciseNow();
    const child = spawn(file, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin' } });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A program may exit without reading its input.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(preciseNow() - started)
        : reject(new Error(`${argv.join(' ')}: exit ${code}: ${stderr.slice(0, 500)}`)),
    );
  });
}

/**
 * Runs a harness program in `cwd` and answers it as the worker does (protocol.ts): its fd 0 is a socket
 * (fd 3 of a shell that hands it over: Node's own fd 0 pipe is write-only), the tests one at a time.
 * Resolves with its wall time in ms, rejects on a non-zero exit or a wrong number of answers.
 */
export function timedHarnessRun(argv: string[], cwd: string, tests: unknown[][]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = preciseNow();
    const child = spawn('/bin/sh', ['-c', 'exec "$@" <&3 3<&-', 'sh', ...argv], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: { PATH: '/usr/bin:/bin' },
    });
    const channel = child.stdio[3];
    if (!channel || !('write' in channel)) return reject(new Error('no channel'));
    let stderr = '';
    let pending = '';
    let answered = -1; // -1: waiting for `ready`
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    channel.on('error', () => undefined);
    channel.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      for (let at = pending.indexOf('\n'); at >= 0; at = pending.indexOf('\n')) {
        pending = pending.slice(at + 1);
        answered += 1;
        const args = tests[answered];
        if (args === undefined) channel.end();
        else channel.write(testLine(answered, args));
      }
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 && answered === tests.length
        ? resolve(preciseNow() - started)
        : reject(new Error(`${argv.join(' ')}: exit ${code}, ${answered} answers: ${stderr.slice(0, 500)}`)),
    );
  });
}

/** A program run bare: `prepare(dir, i)` once per job (e.g. compile), `run(dir, i)` the part timed each time. */
export interface BareProgram {
  /** Timed: everything the platform does for job `i` (compile and run, or run only). */
  job(dir: string, i: number): Promise<number>;
  /** Untimed set-up of a work dir before the first job (e.g. the binary a repeated source runs). */
  setUp?(dir: string): Promise<void>;
}

/** A private work dir per parallel lane. */
export function withWorkDirs<T>(lanes: number, use: (dirs: string[]) => Promise<T>): Promise<T> {
  const dirs = Array.from({ length: lanes }, () => mkdtempSync(join(tmpdir(), 'bench-bare-')));
  return use(dirs).finally(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
}

/** Times `jobs` bare jobs one after another (after one untimed warm-up); returns each wall time. */
export async function bareLatencies(program: BareProgram, jobs: number): Promise<number[]> {
  return withWorkDirs(1, async ([dir]) => {
    if (dir === undefined) throw new Error('no work dir');
    await program.setUp?.(dir);
    await program.job(dir, -1);
    const times: number[] = [];
    for (let i = 0; i < jobs; i += 1) times.push(await program.job(dir, i));
    return times;
  });
}

/** Jobs per second of `jobs` bare jobs run `parallel` at a time. */
export async function bareThroughput(program: BareProgram, jobs: number, parallel: number): Promise<number> {
  return withWorkDirs(parallel, async (dirs) => {
    for (const dir of dirs) {
      await program.setUp?.(dir);
      await program.job(dir, -1);
    }
    let next = 0;
    const started = preciseNow();
    await Promise.all(
      dirs.map(async (dir) => {
        while (next < jobs) await program.job(dir, next++);
      }),
    );
    return jobs / ((preciseNow() - started) / 1000);
  });
}

export const CPP_FLAGS = ['-std=gnu++17', '-O2', '-pipe'];

export const bare = {
  pythonPrint: (): BareProgram => ({
    job: (dir) => timedRun(['/usr/bin/python3', '-S', '-c', 'print(1)'], dir),
  }),

  /** g++ with the recipe's flags (no precompiled header: what a user's own machine does), then the run. */
  cppCompileAndRun: (source: (i: number) => string, stdin: string, pchDir?: string): BareProgram => ({
    job: async (dir, i) => {
      writeFileSync(join(dir, 'main.cpp'), source(i));
      const include = pchDir === undefined ? [] : ['-I', pchDir];
      const compile = await timedRun(
        ['/usr/bin/g++', ...CPP_FLAGS, ...include, '-o', 'main', 'main.cpp'],
        dir,
      );
      return compile + (await timedRun([join(dir, 'main')], dir, stdin));
    },
  }),

  cppRun: (source: string, stdin: string): BareProgram => ({
    setUp: async (dir) => {
      writeFileSync(join(dir, 'main.cpp'), source);
      await timedRun(['/usr/bin/g++', ...CPP_FLAGS, '-o', 'main', 'main.cpp'], dir);
    },
    job: (dir) => timedRun([join(dir, 'main')], dir, stdin),
  }),

  /** javac and java with the recipe's flags. */
  javaCompileAndRun: (source: (i: number) => string): BareProgram => ({
    job: async (dir, i) => {
      writeFileSync(join(dir, 'Main.java'), source(i));
      const javac = [
        '/usr/bin/javac',
        '-J-XX:TieredStopAtLevel=1',
        '-J-XX:+UseSerialGC',
        '-J-Xshare:auto',
        '-d',
        'classes',
        'Main.java',
      ];
      const java = [
        '/usr/bin/java',
        '-Xmx192m',
        '-XX:+UseSerialGC',
        '-Xshare:auto',
        '-cp',
        'classes',
        'Main',
      ];
      return (await timedRun(javac, dir)) + (await timedRun(java, dir));
    },
  }),

  /** The generated two-sum harness with the catalog's Python solution, over the bench catalog's tests. */
  pythonTwoSum: async (catalogDir: string): Promise<BareProgram> => {
    const problem = (await loadCatalog(catalogDir)).get(BENCH_PROBLEM) as FunctionProblem;
    const { code } = buildHarness(problem, 'python', benchSolution('py'));
    const args = [...problem.samples, ...problem.hidden].map((test) => test.args);
    return {
      setUp: async (dir) => writeFileSync(join(dir, 'main.py'), code),
      job: (dir) => timedHarnessRun(['/usr/bin/python3', '-S', 'main.py'], dir, args),
    };
  },
};
