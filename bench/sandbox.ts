/**
 * Sandbox start-up overhead: for a few hello-world programs, the median wall time of a bare
 * `child_process.spawn` (pipes, wait for exit) against a full `Sandbox.run()` (files, cgroup, namespaces,
 * output capture, clean-up), on one slot. Sandbox modes: a prepared sandbox waiting (`settled()` before each
 * run), runs back to back with one or two spare cells (preparing the next sandboxes overlaps the current
 * run), and no preparation at all (bubblewrap starts inside `run()`). Needs root and bubblewrap.
 *
 *   npx tsx bench/sandbox.ts [runs, default 40]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBwrapSandbox, defaultRunLimits, type BwrapSandbox } from '../packages/sandbox/src/index.js';

const RUNS = Number(process.argv[2] ?? 40);
const BLOCK = 5;

interface Program {
  name: string;
  argv: string[];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sandbox-'));
  writeFileSync(join(dir, 'hello.cpp'), '#include <cstdio>\nint main() { std::puts("hello"); }\n');
  execFileSync('g++', ['-O2', '-o', join(dir, 'hello'), join(dir, 'hello.cpp')]);
  // The sandbox sees /usr read-only and its own /box: the binary goes in as a file of the run.
  const binary = new Uint8Array(execFileSync('cat', [join(dir, 'hello')]));
  const programs: Array<Program & { files?: Record<string, Uint8Array>; bareArgv: string[] }> = [
    {
      name: 'python3 -c pass',
      argv: ['/usr/bin/python3', '-c', 'pass'],
      bareArgv: ['/usr/bin/python3', '-c', 'pass'],
    },
    {
      name: 'C++ hello (g++ -O2)',
      argv: ['./hello'],
      files: { hello: binary },
      bareArgv: [join(dir, 'hello')],
    },
    { name: 'node -e 0', argv: ['/usr/bin/node', '-e', '0'], bareArgv: ['/usr/bin/node', '-e', '0'] },
  ];

  const bench = { slots: 1, cgroupRoot: 'arbiter-bench' };
  const modes: Array<{ mode: string; make: () => Promise<BwrapSandbox>; settle: boolean }> = [
    { mode: 'prepared', make: () => createBwrapSandbox(bench), settle: true },
    { mode: 'back to back, 1 spare', make: () => createBwrapSandbox({ ...bench, spares: 1 }), settle: false },
    { mode: 'back to back, 2 spares (default)', make: () => createBwrapSandbox(bench), settle: false },
    {
      mode: 'no preparation',
      make: () => createBwrapSandbox({ ...bench, spares: 0, standby: false }),
      settle: false,
    },
  ];

  const rows: string[] = [];
  for (const p of programs) {
    for (const m of modes) {
      const sandbox = await m.make();
      try {
        const sandboxedRun = async (): Promise<number> => {
          if (m.settle) await sandbox.settled();
          const t0 = performance.now();
          const r = await sandbox.run({ argv: p.argv, files: p.files, limits: defaultRunLimits() });
          const ms = performance.now() - t0;
          if (r.status !== 'exited' || r.exitCode !== 0) {
            throw new Error(`${p.name}: ${r.status} ${r.error ?? ''}`);
          }
          return ms;
        };
        const { bare, sandboxed } = await sample(() => bareRun(p.bareArgv), sandboxedRun, !m.settle);
        rows.push(
          `| ${p.name} | ${m.mode} | ${bare.toFixed(2)} | ${sandboxed.toFixed(2)} | ${(sandboxed - bare).toFixed(2)} | ${(sandboxed / bare).toFixed(2)}× |`,
        );
      } finally {
        await sandbox.close();
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `\nmedian of ${RUNS} runs each (after 3 warm-up runs; bare and sandboxed in alternating blocks of ${BLOCK}), wall time of one run in ms:\n`,
  );
  console.log('| program | sandbox mode | bare spawn | sandboxed | difference | ratio |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(r);
}

/**
 * Medians of RUNS timed calls of each, after 3 untimed warm-up calls of each. Taken in alternating blocks of
 * BLOCK (bare, sandboxed, bare, …) so that a change in the machine's load hits both sides alike, while the
 * sandboxed runs within a block still follow each other back to back.
 */
async function sample(
  bare: () => Promise<number>,
  sandboxed: () => Promise<number>,
  backToBack: boolean,
): Promise<{ bare: number; sandboxed: number }> {
  for (let i = 0; i < 3; i++) {
    await bare();
    await sandboxed();
  }
  const b: number[] = [];
  const s: number[] = [];
  while (b.length < RUNS) {
    for (let i = 0; i < BLOCK; i++) b.push(await bare());
    // Back to back: the block's first sandboxed run follows bare runs (time to prepare), so it is not kept.
    if (backToBack) await sandboxed();
    for (let i = 0; i < BLOCK; i++) s.push(await sandboxed());
  }
  return { bare: median(b), sandboxed: median(s) };
}

function median(values: number[]): number {
  const v = [...values].sort((x, y) => x - y);
  const mid = v.length >> 1;
  return v.length % 2 ? (v[mid] ?? 0) : ((v[mid - 1] ?? 0) + (v[mid] ?? 0)) / 2;
}

/** What a plain runner does: spawn with pipes, read the output, wait for the exit. */
function bareRun(argv: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = argv;
    if (file === undefined) return reject(new Error('empty argv'));
    const t0 = performance.now();
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin' } });
    child.stdout.resume();
    child.stderr.resume();
    child.stdin.end();
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${file}: exit ${code}`)),
    );
  });
}

await main();
