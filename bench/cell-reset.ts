/**
 * Cost of making a cell clean between two runs: the former path-based wipe (`rm` of each entry of the work
 * dir by full path, then owner and mode of the root reset, the I/O files removed) against today's reset (the
 * static helper detaches the tmpfs, mounts a fresh one and checks it; the I/O folder is emptied and checked),
 * for what a run may leave behind. Needs root.
 *
 *   npx tsx bench/cell-reset.ts [runs, default 30]
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildNativeTools, installNativeTools } from '../packages/sandbox/src/native-tools.js';
import { WorkDir } from '../packages/sandbox/src/work-dir.js';
import { median, ms, percentile } from './support/stats.js';

const RUNS = Number(process.argv[2] ?? 30);
const UID = 19_201;

interface Leftover {
  name: string;
  /** Fills the work dir as a run would have left it. */
  make: (box: string) => void;
}

const leftovers: Leftover[] = [
  {
    name: '2 files (source and binary)',
    make: (box) => {
      writeFileSync(join(box, 'main.cpp'), 'x'.repeat(2_000));
      writeFileSync(join(box, 'main'), Buffer.alloc(20_000));
    },
  },
  {
    name: '200 files in 20 folders',
    make: (box) => {
      for (let d = 0; d < 20; d++) {
        mkdirSync(join(box, `d${d}`));
        for (let f = 0; f < 10; f++) writeFileSync(join(box, `d${d}`, `f${f}`), 'x');
      }
    },
  },
  {
    name: '5,000 files in 50 folders',
    make: (box) => {
      for (let d = 0; d < 50; d++) {
        mkdirSync(join(box, `d${d}`));
        for (let f = 0; f < 100; f++) writeFileSync(join(box, `d${d}`, `f${f}`), 'x');
      }
    },
  },
  {
    name: '2,500 nested folders (path > PATH_MAX)',
    make: (box) => {
      const py = 'import os\nfor _ in range(2500):\n    os.mkdir("dddddddd"); os.chdir("dddddddd")';
      const r = spawnSync('/usr/bin/python3', ['-c', py], { cwd: box });
      if (r.status !== 0) throw new Error(String(r.stderr));
    },
  },
];

/** The wipe the sandbox used before the reset: every entry by full path. */
async function pathWipe(box: string, io: string): Promise<void> {
  for (const e of readdirSync(box, { withFileTypes: true })) {
    const full = join(box, e.name);
    if (e.isDirectory()) await rm(full, { recursive: true, force: true });
    else unlinkSync(full);
  }
  chownSync(box, UID, UID);
  chmodSync(box, 0o700);
  for (const name of readdirSync(io)) unlinkSync(join(io, name));
}

function fillIo(io: string): void {
  writeFileSync(join(io, 'stdin'), 'input\n');
  writeFileSync(join(io, 'run.sh'), 'exit 0\n');
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-cell-reset-'));
  chmodSync(root, 0o711);
  const { helperPath } = installNativeTools(await buildNativeTools(), root);
  const work = await WorkDir.mount({
    root,
    index: 0,
    generation: 0,
    uid: UID,
    gid: UID,
    sizeBytes: 256 << 20,
    inodes: 16_384,
    helperPath,
  });
  const rows: string[] = [];
  try {
    for (const l of leftovers) {
      const wipe: number[] = [];
      const reset: number[] = [];
      let wipeError = '';
      for (let i = 0; i < RUNS + 3; i++) {
        l.make(work.boxDir);
        fillIo(work.ioDir);
        let t0 = performance.now();
        try {
          await pathWipe(work.boxDir, work.ioDir);
          if (i >= 3) wipe.push(performance.now() - t0);
        } catch (err) {
          wipeError = err instanceof Error ? (err.message.split(':')[0] ?? 'error') : String(err);
        }
        await work.reset();
        l.make(work.boxDir);
        fillIo(work.ioDir);
        t0 = performance.now();
        await work.reset();
        if (i >= 3) reset.push(performance.now() - t0);
      }
      const before = wipeError
        ? `fails (${wipeError})`
        : `${ms(median(wipe), 2)} / ${ms(percentile(wipe, 90), 2)}`;
      rows.push(`| ${l.name} | ${before} | ${ms(median(reset), 2)} / ${ms(percentile(reset, 90), 2)} |`);
    }
  } finally {
    await work.unmount();
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`\nms to make a cell clean after a run, median / p90 of ${RUNS} (after 3 warm-up rounds):\n`);
  console.log('| left by the run | path-based wipe (before) | fresh tmpfs + checks (now) |');
  console.log('| --- | ---: | ---: |');
  for (const r of rows) console.log(r);
}

await main();
