/** The bubblewrap sandbox on real programs: output, exit status, every limit, files in and out. Needs root. */
import { chmodSync, existsSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSandbox, createBwrapSandbox, type BwrapSandbox } from '../src/index.js';
import {
  describeReport,
  limits,
  processesOf,
  PYTHON,
  scaledMs,
  testSandbox,
  text,
  uidBaseOf,
} from './helpers.js';

let sb: BwrapSandbox;

beforeAll(async () => {
  sb = await testSandbox('unit');
});

afterAll(async () => {
  await sb?.close();
});

describe('running programs', () => {
  it('runs /bin/sh and reports its output and exit status', async () => {
    const r = await sb.run({ argv: ['/bin/sh', '-c', 'echo hello; echo oops >&2'], limits: limits() });
    expect(r.status, describeReport(r)).toBe('exited');
    expect(r.exitCode).toBe(0);
    expect(text(r.stdout)).toBe('hello\n');
    expect(text(r.stderr)).toBe('oops\n');
    expect(r.cpuMs).toBeGreaterThan(0);
    expect(r.wallMs).toBeGreaterThan(0);
    expect(r.memoryKb).toBeGreaterThan(0);
    expect(sb.kind).toMatch(/^bwrap\+cgroup-v[12]$/);
  });

  it('runs python3 looked up on the sandbox PATH', async () => {
    const r = await sb.run({
      argv: ['python3', '-c', 'import sys; print("hello from", sys.version_info[0])'],
      limits: limits(),
    });
    expect(r.status, describeReport(r)).toBe('exited');
    expect(text(r.stdout)).toBe('hello from 3\n');
  });

  it('passes stdin, readable as a pipe and through /dev/stdin', async () => {
    const input = 'line 1\nline 2\n'.repeat(1000);
    const cat = await sb.run({ argv: ['cat'], stdin: input, limits: limits() });
    expect(text(cat.stdout)).toBe(input);
    const py = await sb.run({
      argv: [PYTHON, '-c', 'print(len(open("/dev/stdin").read()))'],
      stdin: input,
      limits: limits(),
    });
    expect(text(py.stdout), describeReport(py)).toBe(`${input.length}\n`);
    const none = await sb.run({ argv: ['cat'], limits: limits() });
    expect(none.status).toBe('exited');
    expect(text(none.stdout)).toBe('');
  });

  it('passes argv and env through unchanged, quotes and all', async () => {
    const weird = ["it's", 'a\nb', '$HOME', '`id`', '"q"', '\\', ' spaced '];
    const r = await sb.run({
      argv: ['/usr/bin/printf', '%s|', ...weird],
      limits: limits(),
    });
    expect(text(r.stdout)).toBe(weird.map((w) => `${w}|`).join(''));
    const env = await sb.run({
      argv: ['/bin/sh', '-c', 'echo "$FOO|$PATH|$HOME|$LANG"; env | sort | cut -d= -f1 | tr "\\n" " "'],
      env: { FOO: "x'y z" },
      limits: limits(),
    });
    const [first, names] = text(env.stdout).split('\n');
    expect(first).toBe("x'y z|/usr/bin:/bin|/box|C.UTF-8");
    expect(names?.trim().split(' ').sort()).toEqual(['FOO', 'HOME', 'LANG', 'PATH', 'PWD']);
  });

  it('reports the exit code', async () => {
    const r = await sb.run({ argv: ['/bin/sh', '-c', 'exit 7'], limits: limits() });
    expect(r.status).toBe('exited');
    expect(r.exitCode).toBe(7);
    const missing = await sb.run({ argv: ['no-such-program'], limits: limits() });
    expect(missing.status).toBe('exited');
    expect(missing.exitCode).toBe(127);
  });

  it('reports a signal the program caused', async () => {
    const r = await sb.run({ argv: [PYTHON, '-c', 'import os; os.kill(os.getpid(), 11)'], limits: limits() });
    expect(r.status, describeReport(r)).toBe('signaled');
    expect(r.signal).toBe('SIGSEGV');
    expect(r.exitCode).toBeNull();
    const abrt = await sb.run({ argv: ['/bin/sh', '-c', 'kill -ABRT $$'], limits: limits() });
    expect(abrt.status).toBe('signaled');
    expect(abrt.signal).toBe('SIGABRT');
  });

  it('rejects requests with unsafe paths or no program', async () => {
    await expect(sb.run({ argv: ['true'], files: { '../x': 'a' }, limits: limits() })).rejects.toThrow(
      /\.\./,
    );
    await expect(sb.run({ argv: ['true'], files: { '/etc/x': 'a' }, limits: limits() })).rejects.toThrow(
      /absolute/,
    );
    await expect(sb.run({ argv: ['true'], collect: ['a/../../b'], limits: limits() })).rejects.toThrow(
      /\.\./,
    );
    await expect(sb.run({ argv: ['true'], collect: ['/etc/shadow'], limits: limits() })).rejects.toThrow(
      /absolute/,
    );
    await expect(sb.run({ argv: [], limits: limits() })).rejects.toThrow(/argv/);
    await expect(sb.run({ argv: ['true'], env: { 'A=B': 'x' }, limits: limits() })).rejects.toThrow(
      /variable/,
    );
    await expect(sb.run({ argv: ['true'], limits: limits({ cpuMs: 0 }) })).rejects.toThrow(/cpuMs/);
  });
});

describe('limits', () => {
  it('stops a busy loop at the CPU limit', async () => {
    const lim = limits({ cpuMs: 400, wallMs: 5_000 }, 'cpu');
    const r = await sb.run({ argv: ['/bin/sh', '-c', 'while :; do :; done'], limits: lim });
    expect(r.status, describeReport(r)).toBe('cpu_limit');
    expect(r.cpuMs).toBeGreaterThanOrEqual(lim.cpuMs);
    // Loose upper bounds: the CPU poll may run late on a loaded machine (CI runs suites side by side).
    expect(r.cpuMs).toBeLessThan(lim.cpuMs + scaledMs(600));
    expect(r.wallMs).toBeLessThan(lim.cpuMs + scaledMs(3_600));
  });

  it('counts the CPU of all processes together (4 busy children)', async () => {
    const script = 'for i in 1 2 3 4; do (while :; do :; done) & done; wait';
    const lim = limits({ cpuMs: 600, wallMs: 5_000, pids: 16 }, 'cpu');
    const r = await sb.run({ argv: ['/bin/sh', '-c', script], limits: lim });
    expect(r.status, describeReport(r)).toBe('cpu_limit');
    // 4 children on 2 cores: the total crosses the limit after ~300 ms of wall time; RLIMIT_CPU alone would allow 4 × 2 s.
    expect(r.cpuMs).toBeGreaterThanOrEqual(lim.cpuMs);
    expect(r.cpuMs).toBeLessThan(lim.cpuMs + scaledMs(900));
    expect(r.wallMs).toBeLessThan(lim.cpuMs + scaledMs(3_400));
  });

  it('stops sleep at the wall-clock limit', async () => {
    const r = await sb.run({ argv: ['sleep', '1000'], limits: limits({ wallMs: 300 }, 'wall') });
    expect(r.status, describeReport(r)).toBe('wall_limit');
    expect(r.wallMs).toBeGreaterThanOrEqual(300);
    expect(r.wallMs).toBeLessThan(scaledMs(3_000));
    expect(r.cpuMs).toBeLessThan(scaledMs(100));
  });

  it('stops a program that touches more memory than allowed, and measures the peak of one that does not', async () => {
    const fill = (mib: number): string => `b = b"x" * (${mib} << 20); print(len(b) >> 20)`;
    const over = await sb.run({ argv: [PYTHON, '-c', fill(200)], limits: limits({ memoryKb: 64 * 1024 }) });
    expect(over.status, describeReport(over)).toBe('memory_limit');
    expect(text(over.stdout)).toBe('');
    expect(over.memoryKb).toBeGreaterThan(50 * 1024);
    expect(over.memoryKb).toBeLessThanOrEqual(64 * 1024 + 64);

    const under = await sb.run({ argv: [PYTHON, '-c', fill(40)], limits: limits({ memoryKb: 128 * 1024 }) });
    expect(under.status, describeReport(under)).toBe('exited');
    expect(text(under.stdout)).toBe('40\n');
    expect(under.memoryKb).toBeGreaterThan(40 * 1024);
    expect(under.memoryKb).toBeLessThan(100 * 1024);
  });

  it('counts files written to /tmp against the memory limit', async () => {
    const r = await sb.run({
      argv: ['/bin/sh', '-c', 'head -c 120000000 /dev/zero > /tmp/big; echo written'],
      limits: limits({ memoryKb: 48 * 1024, fileSizeBytes: 1 << 30 }),
    });
    // /tmp is a 64 MiB tmpfs, the memory limit 48 MiB: the memory cgroup (tmpfs pages are charged to it) stops it first.
    expect(r.status, describeReport(r)).toBe('memory_limit');
    expect(text(r.stdout)).toBe('');
    expect(r.memoryKb).toBeLessThanOrEqual(48 * 1024 + 64);
  });

  it(
    "charges a compiled binary's initialised data to the run: reported, and limited",
    async () => {
      // 60 MiB of initialised static data, only read: its pages are the binary's tmpfs pages in /box, which
      // the worker (not the program) puts there.
      const compile = await sb.run({
        argv: ['gcc', '-O2', '-o', 'main', 'main.c'],
        files: {
          'main.c':
            '#include <stdio.h>\nstatic char big[60 << 20] = {1};\n' +
            'int main(void) { long s = 0; for (unsigned long i = 0; i < sizeof big; i += 4096) s += big[i]; printf("%ld\\n", s); return 0; }\n',
        },
        collect: ['main'],
        limits: limits({ cpuMs: 20_000, wallMs: 40_000, memoryKb: 512 * 1024 }),
      });
      expect(compile.status, describeReport(compile)).toBe('exited');
      const main = compile.files.main ?? new Uint8Array();
      expect(main.byteLength).toBeGreaterThan(60 << 20);
      const roomy = await sb.run({
        argv: ['./main'],
        files: { main },
        limits: limits({ memoryKb: 256 * 1024 }),
      });
      expect(roomy.status, describeReport(roomy)).toBe('exited');
      expect(text(roomy.stdout)).toBe('1\n');
      expect(roomy.memoryKb).toBeGreaterThan(60 * 1024);
      expect(roomy.memoryKb).toBeLessThan(100 * 1024);
      const tight = await sb.run({
        argv: ['./main'],
        files: { main },
        limits: limits({ memoryKb: 40 * 1024 }),
      });
      expect(tight.status, describeReport(tight)).toBe('memory_limit');
      expect(text(tight.stdout)).toBe('');
      expect(tight.memoryKb).toBeLessThanOrEqual(40 * 1024 + 64);
      // A small file set (written by the worker itself) counts too.
      const small = await sb.run({
        argv: ['/bin/true'],
        files: { data: new Uint8Array(900 * 1024).fill(7) },
        limits: limits(),
      });
      expect(small.status, describeReport(small)).toBe('exited');
      expect(small.memoryKb).toBeGreaterThanOrEqual(900);
      const next = await sb.run({ argv: ['/bin/sh', '-c', 'ls -A /box | wc -l'], limits: limits() });
      expect(text(next.stdout), describeReport(next)).toBe('0\n');
    },
    scaledMs(120_000),
  );

  it('stops unbounded stdout at the output limit, keeping exactly the cap', async () => {
    let seen = 0;
    const r = await sb.run({
      argv: ['yes', 'spam'],
      limits: limits({ outputBytes: 100_000 }),
      onOutput: (stream, chunk) => {
        expect(stream).toBe('stdout');
        seen += chunk.length;
      },
    });
    expect(r.status, describeReport(r)).toBe('output_limit');
    expect(r.stdout.length).toBe(100_000);
    expect(seen).toBe(100_000);
    expect(text(r.stdout).startsWith('spam\nspam\n')).toBe(true);
  });

  it('stops unbounded stderr at the output limit', async () => {
    const r = await sb.run({
      argv: ['/bin/sh', '-c', 'yes err >&2'],
      limits: limits({ outputBytes: 50_000 }),
    });
    expect(r.status, describeReport(r)).toBe('output_limit');
    expect(r.stderr.length).toBe(50_000);
    expect(r.stdout.length).toBe(0);
  });

  it('stops a 4 GiB file at the file-size limit, and the host disk is untouched', async () => {
    const before = statfsSync('/');
    const r = await sb.run({
      argv: ['/bin/sh', '-c', 'dd if=/dev/zero of=big bs=1M count=4096; ls -l big'],
      limits: limits({ fileSizeBytes: 8 << 20, memoryKb: 256 * 1024 }),
    });
    // dd dies of SIGXFSZ at 8 MiB; the shell goes on to list the file.
    expect(r.status, describeReport(r)).toBe('exited');
    expect(text(r.stdout)).toMatch(/ 8388608 /);
    expect(text(r.stderr)).toMatch(/File size limit exceeded|Killed|dd/);
    const after = statfsSync('/');
    expect(Math.abs(before.bavail - after.bavail) * before.bsize).toBeLessThan(64 << 20);
  });

  it('stops a big file at the size of the tmpfs work dir', async () => {
    const small = await createBwrapSandbox({
      slots: 1,
      spares: 0,
      cgroupRoot: `sbtest-small-${process.pid}`,
      workRoot: `/tmp/sbtest-small-${process.pid}`,
      uidBase: uidBaseOf('small'),
      workDirBytes: 16 << 20,
      readyTimeoutMs: scaledMs(10_000),
    });
    try {
      const r = await small.run({
        argv: [
          '/bin/sh',
          '-c',
          'dd if=/dev/zero of=big bs=1M count=4096 2>&1; ls -l big; df -k /box | tail -1',
        ],
        limits: limits({ fileSizeBytes: 8 * 2 ** 30, memoryKb: 256 * 1024 }),
      });
      expect(r.status, describeReport(r)).toBe('exited');
      expect(text(r.stdout)).toMatch(/No space left on device/);
      expect(text(r.stdout)).toMatch(/ 16777216 /);
    } finally {
      await small.close();
    }
  });

  it('enforces the open-files and stack rlimits', async () => {
    const lim = limits({ openFiles: 32, stackKb: 16_384, cpuMs: 1_500, fileSizeBytes: 1 << 20 });
    const r = await sb.run({
      argv: ['/bin/sh', '-c', 'ulimit -n; ulimit -s; ulimit -c; ulimit -t; ulimit -f'],
      limits: lim,
    });
    // RLIMIT_CPU: a backstop one whole second above the CPU limit (3 s for 1.5 s, on the reference machine).
    expect(text(r.stdout)).toBe(`32\n16384\n0\n${Math.ceil(lim.cpuMs / 1000) + 1}\n2048\n`);
  });

  it('enforces the task limit', async () => {
    const py = await sb.run({
      argv: [
        PYTHON,
        '-c',
        'import os\nn=0\ntry:\n  while True:\n    if os.fork()==0:\n      import time; time.sleep(5); os._exit(0)\n    n+=1\nexcept OSError: print(n)',
      ],
      limits: limits({ pids: 10 }),
    });
    expect(py.status, describeReport(py)).toBe('exited');
    // 10 tasks: python itself plus 9 children.
    expect(text(py.stdout)).toBe('9\n');
  });
});

describe('files', () => {
  it('writes files in before the run and collects files and folders after it', async () => {
    const r = await sb.run({
      argv: [
        '/bin/sh',
        '-c',
        'cat src/in.txt; mkdir -p out/deep; echo x > out/a; echo y > out/deep/b; printf r > result; ln -s /etc/hostname link; ln -s /etc linkdir',
      ],
      files: { 'src/in.txt': 'input file\n', 'bin.dat': new Uint8Array([0, 1, 2, 255]) },
      collect: ['out', 'result', 'missing', 'link', 'linkdir/hostname', 'bin.dat'],
      limits: limits(),
    });
    expect(r.status, describeReport(r)).toBe('exited');
    expect(text(r.stdout)).toBe('input file\n');
    expect(Object.keys(r.files).sort()).toEqual(['bin.dat', 'out/a', 'out/deep/b', 'result']);
    expect(text(r.files['out/deep/b'] ?? new Uint8Array())).toBe('y\n');
    expect([...(r.files['bin.dat'] ?? [])]).toEqual([0, 1, 2, 255]);
  });

  it('compiles in one run and runs the collected binary in the next', async () => {
    const compile = await sb.run({
      argv: ['gcc', '-O2', '-o', 'main', 'main.c'],
      files: {
        'main.c':
          '#include <stdio.h>\nint main(void) { int a, b; scanf("%d %d", &a, &b); printf("%d\\n", a + b); return 0; }\n',
      },
      collect: ['main'],
      limits: limits({ cpuMs: 10_000, wallMs: 20_000, memoryKb: 512 * 1024 }),
    });
    expect(compile.status, describeReport(compile)).toBe('exited');
    expect(compile.exitCode, text(compile.stderr)).toBe(0);
    const main = compile.files.main;
    expect(main).toBeDefined();
    const run = await sb.run({
      argv: ['./main'],
      files: { main: main ?? new Uint8Array() },
      stdin: '2 40\n',
      limits: limits(),
    });
    expect(run.status, describeReport(run)).toBe('exited');
    expect(text(run.stdout)).toBe('42\n');
  });

  it(
    'runs Java: javac in one run, the collected classes/ folder in the next',
    async () => {
      const compile = await sb.run({
        argv: ['javac', '-d', 'classes', 'Main.java'],
        files: {
          'Main.java':
            'public class Main { public static void main(String[] a) { System.out.println("hi " + Runtime.getRuntime().availableProcessors()); } }\n',
        },
        collect: ['classes'],
        limits: limits({ cpuMs: 20_000, wallMs: 30_000, memoryKb: 1024 * 1024, pids: 64 }),
      });
      expect(compile.status, describeReport(compile)).toBe('exited');
      expect(compile.exitCode, text(compile.stderr)).toBe(0);
      expect(Object.keys(compile.files)).toEqual(['classes/Main.class']);
      const run = await sb.run({
        argv: ['java', '-Xss64m', '-cp', 'classes', 'Main'],
        files: compile.files,
        limits: limits({ cpuMs: 5_000, wallMs: 10_000, memoryKb: 512 * 1024 }),
      });
      expect(run.status, describeReport(run)).toBe('exited');
      expect(text(run.stdout)).toMatch(/^hi \d+\n$/);
    },
    scaledMs(60_000),
  );
});

describe('control', () => {
  it('reports aborted when the caller aborts, before or during the run', async () => {
    const ac = new AbortController();
    const pending = sb.run({ argv: ['sleep', '10'], limits: limits({ wallMs: 10_000 }), signal: ac.signal });
    setTimeout(() => ac.abort(), 200);
    const r = await pending;
    expect(r.status).toBe('aborted');
    expect(r.wallMs).toBeLessThan(scaledMs(2_000));
    const early = await sb.run({ argv: ['true'], limits: limits(), signal: AbortSignal.abort() });
    expect(early.status).toBe('aborted');
  });

  it('runs `slots` runs at once and queues the rest', async () => {
    const t0 = performance.now();
    const runs = await Promise.all([1, 2, 3].map(() => sb.run({ argv: ['sleep', '0.4'], limits: limits() })));
    const elapsed = performance.now() - t0;
    for (const r of runs) expect(r.status).toBe('exited');
    // Two slots: two runs together, the third after them.
    expect(elapsed).toBeGreaterThan(780);
    expect(elapsed).toBeLessThan(800 + scaledMs(1_600));
  });

  it('gives bubblewrap readyTimeoutMs to come up (10 s by default; an emulated machine needs more)', async () => {
    await expect(
      createBwrapSandbox({
        slots: 1,
        spares: 0,
        cgroupRoot: `sbtest-ready-${process.pid}`,
        workRoot: `/tmp/sbtest-ready-${process.pid}`,
        uidBase: uidBaseOf('small'),
        readyTimeoutMs: 1,
      }),
    ).rejects.toThrow(/did not start within 1 ms/);
  });

  it('checkSandbox() passes on this host and says what is missing otherwise', async () => {
    await expect(checkSandbox({ uidBase: uidBaseOf('check') })).resolves.toEqual({
      kind: sb.kind,
    });
    await expect(checkSandbox({ bwrapPath: '/nonexistent/bwrap' })).rejects.toThrow(
      /apt-get install -y bubblewrap/,
    );
  });

  it('refuses a second sandbox on the same roots or uids in one process (it would sweep the first)', async () => {
    await expect(testSandbox('unit')).rejects.toThrow(/already uses workRoot .*cgroupRoot .*uid /);
    const r = await sb.run({ argv: ['echo', 'still fine'], limits: limits() });
    expect(text(r.stdout)).toBe('still fine\n');
  });

  it('starts bubblewrap from its spawner, never by forking the worker itself', async () => {
    const r = await sb.run({ argv: ['true'], limits: limits() });
    expect(r.status).toBe('exited');
    // The waiting sandboxes are there now (prepared for the next runs): bubblewrap's parent is one
    // long-lived helper process, the worker's child, never the worker.
    const { readFileSync } = await import('node:fs');
    const ppid = (pid: number): number =>
      Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    const bwraps = processesOf(sb.uids).filter((p) => p.cmdline.startsWith('/usr/bin/bwrap '));
    // The outer bubblewrap of each sandbox (its child is bubblewrap too until it executes the shell).
    const waiting = bwraps.filter((p) => !bwraps.some((q) => q.pid === ppid(p.pid)));
    expect(waiting.length).toBeGreaterThan(0);
    const parents = new Set(waiting.map((p) => ppid(p.pid)));
    expect(parents.size).toBe(1);
    const [spawner] = [...parents];
    expect(spawner).not.toBe(process.pid);
    expect(ppid(spawner ?? 0)).toBe(process.pid);
    expect(readFileSync(`/proc/${String(spawner)}/cmdline`, 'utf8').split('\0')[1]).toBe('serve');
    // Its sandboxes die with it (a run in one of them is killed from outside); the next run starts a new one.
    process.kill(spawner ?? 0, 'SIGKILL');
    const first = await sb.run({ argv: ['echo', 'again'], limits: limits() });
    expect(['exited', 'internal_error'], describeReport(first)).toContain(first.status);
    const after = await sb.run({ argv: ['echo', 'again'], limits: limits() });
    expect(after.status, describeReport(after)).toBe('exited');
    expect(text(after.stdout)).toBe('again\n');
  });

  it('close() kills running runs and releases cgroups and mounts', async () => {
    const extra = await testSandbox('close', { slots: 1, spares: 0 });
    const location = extra.cgroups.location;
    const running = extra.run({ argv: ['sleep', '10'], limits: limits({ wallMs: 10_000 }) });
    const queued = extra.run({ argv: ['true'], limits: limits() });
    await new Promise((r) => setTimeout(r, 200));
    await extra.close();
    expect((await running).status).toBe('aborted');
    expect((await queued).status).toBe('aborted');
    const { existsSync, readFileSync } = await import('node:fs');
    for (const dir of location.split(', ')) expect(existsSync(dir)).toBe(false);
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(`sbtest-close-${process.pid}`);
    await expect(extra.run({ argv: ['true'], limits: limits() })).rejects.toThrow(/closed/);
  });
});

describe('extra read-only folders', () => {
  it('are visible at the same path, also under /tmp, and cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbtest-extra-'));
    writeFileSync(join(dir, 'file'), 'seen');
    chmodSync(dir, 0o755); // mkdtemp makes it 0700: the cells' uids could not look inside
    const extra = await testSandbox('binds', { slots: 1, spares: 0, extraRoBinds: [dir] });
    try {
      const r = await extra.run({
        argv: ['/bin/sh', '-c', `cat ${dir}/file; echo x > ${dir}/new 2>/dev/null || echo ' read-only'`],
        limits: limits(),
      });
      expect(text(r.stdout)).toBe('seen read-only\n');
      expect(existsSync(join(dir, 'new'))).toBe(false);
    } finally {
      await extra.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
