/**
 * Attacks on the cell a run leaves behind: whatever a run does to its work dir, /tmp and /dev/shm, the next
 * run in the same cell starts in an empty, fresh tmpfs owned by the cell's uid, and no later run fails. A
 * cell that cannot be proven clean is retired and rebuilt (logged and counted), never reused. Needs root.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BwrapSandbox } from '../src/index.js';
import type { RunLimits, RunReport } from '../src/sandbox.js';
import { describeReport, limits, PYTHON, testSandbox, text } from './helpers.js';

/** One cell: consecutive runs are known to share it. */
let single: BwrapSandbox;

beforeAll(async () => {
  single = await testSandbox('cells', { slots: 1, spares: 0 });
});

afterAll(async () => {
  await single?.close();
});

/** What the next run sees of its cell: it must look exactly like a new cell's. */
const PROBE = `
import json, os
def count(top):
    n = 0
    for _, dirs, files in os.walk(top):
        n += len(dirs) + len(files)
    return n
st = os.stat('/box')
vfs = os.statvfs('/box')
print(json.dumps({
    'entries': {d: count(d) for d in ['/box', '/tmp', '/dev/shm']},
    'owner': [st.st_uid, st.st_gid, oct(st.st_mode & 0o7777)],
    'inodesUsed': vfs.f_files - vfs.f_ffree,
    'blocksUsed': vfs.f_blocks - vfs.f_bfree,
    'xattrs': os.listxattr('/box'),
    'probe': sorted(os.listdir('/box')),
}))
`;

async function expectFreshCell(box: BwrapSandbox): Promise<void> {
  // The probe goes in as a file, so a run that left an entry of the same name would break it.
  const r = await box.run({ argv: [PYTHON, 'probe.py'], files: { 'probe.py': PROBE }, limits: limits() });
  expect(r.status, describeReport(r)).toBe('exited');
  expect(r.exitCode, describeReport(r)).toBe(0);
  const uid = box.uids[0];
  expect(JSON.parse(text(r.stdout))).toEqual({
    entries: { '/box': 1, '/tmp': 0, '/dev/shm': 0 },
    owner: [uid, uid, '0o700'],
    inodesUsed: 2, // the root and probe.py
    blocksUsed: 1,
    xattrs: [],
    probe: ['probe.py'],
  });
}

async function attack(code: string, lim: Partial<RunLimits> = {}): Promise<RunReport> {
  const r = await single.run({ argv: [PYTHON, '-c', code], limits: limits({ wallMs: 10_000, ...lim }) });
  expect(r.status, describeReport(r)).not.toBe('internal_error');
  return r;
}

describe('a run cannot leave its cell unusable or dirty', () => {
  it('2,500 nested folders (a path longer than PATH_MAX)', async () => {
    const r = await attack(
      'import os\nfor _ in range(2500):\n    os.mkdir("dddddddd"); os.chdir("dddddddd")\nopen("deep", "w").write("x")\nprint(len(os.getcwd()))',
      // 5,000 system calls on deep paths: CPU the speed factors do not measure where a system call is costly
      // (a User-Mode Linux guest traps each one to its host), so room to finish rather than a limit to reach.
      { cpuMs: 10_000, wallMs: 30_000 },
    );
    expect(Number(text(r.stdout))).toBeGreaterThan(4096);
    await expectFreshCell(single);
    await expectFreshCell(single);
  });

  it('odd modes: nothing readable, writable or searchable, setgid and sticky folders, /box itself 000', async () => {
    const r = await attack(
      [
        'import os',
        'os.makedirs("/box/a/b/c")',
        'for p in ["/box/a/f", "/box/a/b/f", "/box/a/b/c/f"]: open(p, "w").write("x")',
        'os.chmod("/box/a/b/c/f", 0o7777); os.chmod("/box/a/b/c", 0o3777)',
        'for p in ["/box/a/b/c", "/box/a/b/f", "/box/a/b", "/box/a/f", "/box/a"]: os.chmod(p, 0)',
        'os.chmod("/box", 0)',
        'print("done")',
      ].join('\n'),
    );
    expect(text(r.stdout)).toBe('done\n');
    await expectFreshCell(single);
  });

  it('fifos, bound sockets, hard links, symlinks out, odd names and an entry named like the next input', async () => {
    const r = await attack(
      [
        'import os, socket',
        'os.mkfifo("/box/fifo"); os.mkfifo("/tmp/fifo")',
        's = socket.socket(socket.AF_UNIX); s.bind("/box/sock")',
        't = socket.socket(socket.AF_UNIX); t.bind("/dev/shm/sock")',
        'open("/box/file", "w").write("x"); os.link("/box/file", "/box/hard")',
        'for i, target in enumerate(["/etc/shadow", "/proc/self/root", "..", "/box", "/run/sandbox/stdin"]):',
        '    os.symlink(target, f"/box/link{i}")',
        'open(b"/box/\\xff\\n name", "w").write("x")',
        'os.mkdir("/box/probe.py")',
        'print("done")',
      ].join('\n'),
    );
    expect(text(r.stdout)).toBe('done\n');
    await expectFreshCell(single);
  });

  it('a full inode table', async () => {
    const r = await attack(
      [
        'import os',
        'n = 0',
        'try:',
        '    while True:',
        '        open(f"/box/{n}", "w").close(); n += 1',
        'except OSError as e: print(e.errno == 28, n > 10000)',
      ].join('\n'),
      // 16,384 creations, each several system calls: like the nested folders above, room to finish where a
      // system call is costly (in the cgroup v2 guest, with the whole suite running, it was stopped well
      // before its wall limit with nothing printed), not a limit to reach.
      { cpuMs: 10_000, wallMs: 30_000 },
    );
    expect(text(r.stdout), describeReport(r)).toBe('True True\n');
    await expectFreshCell(single);
  });

  it('a 1 TiB sparse file and a full tmpfs', async () => {
    const r = await attack(
      [
        'import os',
        'with open("/box/sparse", "wb") as f: f.truncate(1 << 40)',
        'print(os.stat("/box/sparse").st_size == 1 << 40)',
        'try:',
        '    with open("/box/full", "wb") as f:',
        '        while True: f.write(b"x" * (1 << 20))',
        'except OSError as e: print(e.errno == 28)',
      ].join('\n'),
      { fileSizeBytes: 2 ** 41, memoryKb: 512 * 1024 },
    );
    expect(text(r.stdout)).toBe('True\nTrue\n');
    await expectFreshCell(single);
  });

  it('extended attributes on /box and its files', async () => {
    const r = await attack(
      [
        'import os',
        'try:',
        '    os.setxattr("/box", "user.note", b"left for the next run")',
        '    open("/box/f", "w").close(); os.setxattr("/box/f", "user.note", b"x")',
        '    print(os.listxattr("/box"))',
        'except OSError as e: print("unsupported", e.errno)  # user xattrs on tmpfs: Linux 6.6+',
      ].join('\n'),
    );
    expect(text(r.stdout)).toMatch(/^\['user\.note'\]\n$|^unsupported 95\n$/);
    await expectFreshCell(single);
  });

  it('processes that hold the work dir: a daemon in a deep folder, a stopped child, open files', async () => {
    const r = await attack(
      [
        'import os, signal, time',
        'for _ in range(100):',
        '    os.mkdir("d"); os.chdir("d")',
        'held = open("held", "w")',
        'if os.fork() == 0:',
        '    os.setsid()',
        '    if os.fork() == 0:',
        '        time.sleep(60)',
        '    os._exit(0)',
        'if os.fork() == 0:',
        '    os.kill(os.getpid(), signal.SIGSTOP)',
        '    os._exit(0)',
        'print("started", flush=True)',
      ].join('\n'),
    );
    expect(text(r.stdout)).toBe('started\n');
    await expectFreshCell(single);
  });

  it('none of the above needed a retirement: each cell got a fresh tmpfs, one mount per cell', async () => {
    await single.settled();
    expect(single.counters()).toEqual({ cellsRetired: 0, cellsOutOfService: 0 });
    const { boxDir } = single.cellDirs()[0] ?? { boxDir: '?' };
    const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .filter((l) => l.includes(dirname(boxDir)));
    expect(mounts.length).toBe(1);
  });
});

describe('a cell that cannot be proven clean', () => {
  /** Runs until aborted; `during` runs on the host while the program is running. */
  async function tamperDuringRun(box: BwrapSandbox, during: () => void): Promise<RunReport> {
    const abort = new AbortController();
    return box.run({
      argv: ['/bin/sh', '-c', 'echo started; exec sleep 30'],
      limits: limits({ wallMs: 20_000 }),
      signal: abort.signal,
      onOutput: (_stream, chunk) => {
        if (Buffer.from(chunk).toString().includes('started')) {
          during();
          abort.abort();
        }
      },
    });
  }

  it('is retired and rebuilt on new folders, with a warning and a count; the next run is normal', async () => {
    const warnings: string[] = [];
    const box = await testSandbox('retire', {
      slots: 1,
      spares: 0,
      logger: { warn: (_obj, msg) => warnings.push(msg) },
    });
    try {
      await expectFreshCell(box);
      const before = box.cellDirs()[0];
      if (!before) throw new Error('no cell');
      // The I/O folder cannot be emptied as it should (a folder where only files belong): not provably clean.
      const r = await tamperDuringRun(box, () => mkdirSync(join(before.ioDir, 'stuck')));
      expect(r.status, describeReport(r)).toBe('aborted');
      await box.settled();
      expect(box.counters()).toEqual({ cellsRetired: 1, cellsOutOfService: 0 });
      expect(warnings.some((w) => /could not be proven clean/.test(w))).toBe(true);
      const after = box.cellDirs()[0];
      expect(after?.boxDir).not.toBe(before.boxDir);
      expect(existsSync(before.boxDir)).toBe(false);
      expect(existsSync(before.ioDir)).toBe(false);
      await expectFreshCell(box);
      await expectFreshCell(box);
      expect(box.counters().cellsRetired).toBe(1);
    } finally {
      await box.close();
    }
  });

  it('is retired when its work dir cannot get a fresh tmpfs before the next sandbox starts', async () => {
    const warnings: string[] = [];
    const box = await testSandbox('retire', {
      slots: 1,
      spares: 0,
      logger: { warn: (_obj, msg) => warnings.push(msg) },
    });
    try {
      const before = box.cellDirs()[0];
      if (!before) throw new Error('no cell');
      // 70 mounts stacked on the work dir on the host: the helper gives up after 64 (its reset fails, and
      // with it the start of the cell's next sandbox, before bubblewrap runs).
      const r = await tamperDuringRun(box, () => {
        for (let i = 0; i < 70; i++) {
          execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'stacked', before.boxDir]);
        }
      });
      expect(r.status, describeReport(r)).toBe('aborted');
      await box.settled();
      expect(box.counters()).toEqual({ cellsRetired: 1, cellsOutOfService: 0 });
      expect(warnings.some((w) => /could not be proven clean/.test(w))).toBe(true);
      expect(box.cellDirs()[0]?.boxDir).not.toBe(before.boxDir);
      await expectFreshCell(box);
      await expectFreshCell(box);
      expect(box.counters().cellsRetired).toBe(1);
    } finally {
      await box.close();
    }
  });

  it('stays out of service while it cannot be rebuilt, and comes back once it can', async () => {
    const warnings: string[] = [];
    const box = await testSandbox('broken', {
      slots: 1,
      spares: 0,
      logger: { warn: (_obj, msg) => warnings.push(msg) },
    });
    const cell = box.cellDirs()[0];
    if (!cell) throw new Error('no cell');
    // The rebuild's new folder name is taken by a file: the rebuild fails until it is removed.
    const blocker = cell.boxDir.replace(/\.0$/, '.1');
    let blocked = false;
    try {
      writeFileSync(blocker, 'in the way');
      blocked = true;
      await tamperDuringRun(box, () => mkdirSync(join(cell.ioDir, 'stuck')));
      await box.settled();
      expect(box.counters()).toEqual({ cellsRetired: 1, cellsOutOfService: 1 });
      expect(warnings.some((w) => /stays out of service/.test(w))).toBe(true);
      // No run starts in the dirty cell: the run is refused with the reason.
      const refused = await box.run({ argv: ['true'], limits: limits() });
      expect(refused.status).toBe('internal_error');
      expect(refused.error).toMatch(/no clean sandbox cell/);
      rmSync(blocker);
      blocked = false;
      await expectFreshCell(box);
      expect(box.counters()).toEqual({ cellsRetired: 1, cellsOutOfService: 0 });
    } finally {
      if (blocked) rmSync(blocker, { force: true });
      await box.close();
    }
  });
});
