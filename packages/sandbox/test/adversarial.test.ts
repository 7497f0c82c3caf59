/**
 * Attacks on the sandbox. Each case proves the attack failed, and that the host (this test process, the
 * machine's services, the cgroup tree) and the next run are unaffected. Needs root.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BwrapSandbox } from '../src/index.js';
import type { RunReport } from '../src/sandbox.js';
import {
  describeReport,
  isStandbyProcess,
  limits,
  scaledMs,
  processesOf,
  PYTHON,
  sleep,
  testSandbox,
  text,
  uidBaseOf,
} from './helpers.js';

/** The default sandbox: prepared cells, two slots and a spare. */
let sb: BwrapSandbox;
/** No preparation: after a run returns, nothing of the sandbox may be left on the host. */
let strict: BwrapSandbox;
/** One cell, so consecutive runs are known to share it. */
let single: BwrapSandbox;

const execFileAsync = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const SECRET = `s3cr3t-${randomBytes(8).toString('hex')}`;

beforeAll(async () => {
  // A secret in the worker's environment: no run may see it.
  process.env.SANDBOX_TEST_SECRET = SECRET;
  [sb, strict, single] = await Promise.all([
    testSandbox('adv'),
    testSandbox('advstrict', { slots: 2, spares: 0, standby: false }),
    testSandbox('advsingle', { slots: 1, spares: 0 }),
  ]);
});

afterAll(async () => {
  delete process.env.SANDBOX_TEST_SECRET;
  await Promise.all([sb?.close(), strict?.close(), single?.close()]);
});

/** Nothing of `box` remains on the host but its prepared sandboxes; with `exact`, nothing at all. */
function expectNothingLeft(box: BwrapSandbox, exact = false): void {
  const left = processesOf(box.uids);
  if (exact) expect(left.map((p) => p.cmdline)).toEqual([]);
  else expect(left.filter((p) => !isStandbyProcess(p)).map((p) => p.cmdline)).toEqual([]);
  if (exact) expect(box.cgroups.list()).toEqual([]);
  // Prepared cells hold one cgroup each; none of a finished run.
  else expect(box.cgroups.list().length).toBeLessThanOrEqual(box.uids.length);
}

/** The host and the sandbox still work: this process spawns, and the next run is normal. */
async function expectHealthy(box: BwrapSandbox): Promise<void> {
  expect(spawnSync('/bin/true').status).toBe(0);
  const next = await box.run({
    argv: ['/bin/sh', '-c', 'echo fine; find /tmp /dev/shm /box -mindepth 1 | wc -l'],
    limits: limits(),
  });
  expect(next.status, describeReport(next)).toBe('exited');
  expect(text(next.stdout)).toBe('fine\n0\n');
}

async function runStrict(argv: string[], lim = limits()): Promise<RunReport> {
  const r = await strict.run({ argv, limits: lim });
  expectNothingLeft(strict, true);
  return r;
}

describe('resource exhaustion', () => {
  it('a fork bomb hits the task limit and dies with the run', async () => {
    const r = await runStrict(
      ['/bin/sh', '-c', 'b() { b | b & }; b; sleep 5'],
      limits({ pids: 32, cpuMs: 1_000, wallMs: 1_500 }, 'both'),
    );
    expect(['cpu_limit', 'wall_limit', 'exited']).toContain(r.status);
    expect(r.wallMs).toBeLessThan(1_500 + scaledMs(1_500));
    await expectHealthy(strict);
  });

  it('a python fork bomb cannot exceed the task limit', async () => {
    // Each process stays until all have forked (0.5 s on the reference machine, scaled): one that exited
    // earlier would free its task for another fork, and the count below would exceed the limit.
    const code = `import os,time\nn=1\nwhile True:\n  try:\n    if os.fork()==0: n=0\n    else: n+=1\n  except OSError: break\nif n: print(n, flush=True)\ntime.sleep(${scaledMs(500) / 1000})`;
    const r = await runStrict([PYTHON, '-c', code], limits({ pids: 16, wallMs: 3_000 }));
    expect(r.status, describeReport(r)).toBe('exited');
    // Every process that could not fork more reports how many processes it accounts for (itself, for the
    // first, plus its children): all together at most the 16 tasks allowed.
    const counts = text(r.stdout).trim().split('\n').map(Number);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(16);
    expect(total).toBeGreaterThan(8);
    await expectHealthy(strict);
  });

  it('a memory bomb is stopped at the memory limit', async () => {
    const r = await runStrict(
      [PYTHON, '-c', 'a=[]\nwhile True: a.append(b"x" * (8 << 20))'],
      limits({ memoryKb: 96 * 1024 }),
    );
    expect(r.status, describeReport(r)).toBe('memory_limit');
    expect(r.memoryKb).toBeLessThanOrEqual(96 * 1024 + 64);
    await expectHealthy(strict);
  });

  it('a memory bomb in many processes is stopped at the memory limit of the whole run', async () => {
    const code = 'import os\nfor _ in range(4): os.fork()\na=[]\nwhile True: a.append(b"x" * (4 << 20))';
    const r = await runStrict([PYTHON, '-c', code], limits({ memoryKb: 128 * 1024, pids: 32 }));
    expect(r.status, describeReport(r)).toBe('memory_limit');
    expect(r.memoryKb).toBeLessThanOrEqual(128 * 1024 + 64);
    await expectHealthy(strict);
  });

  it('a thread bomb hits the task limit', async () => {
    const code =
      'import threading,time\nn=0\ntry:\n  while True:\n    threading.Thread(target=time.sleep, args=(5,), daemon=True).start(); n+=1\nexcept RuntimeError: print(n)';
    const r = await runStrict([PYTHON, '-c', code], limits({ pids: 20 }));
    expect(r.status, describeReport(r)).toBe('exited');
    // 20 tasks: the main thread and 19 more.
    expect(Number(text(r.stdout))).toBe(19);
    await expectHealthy(strict);
  });

  it('filling the work dir, /tmp and /dev/shm is bounded by their sizes and the memory limit', async () => {
    const r = await runStrict(
      [
        '/bin/sh',
        '-c',
        'for d in /box /tmp /dev/shm; do head -c 400000000 /dev/zero > $d/fill; done; df -k /box /tmp /dev/shm',
      ],
      limits({ memoryKb: 512 * 1024, fileSizeBytes: 2 ** 31 }),
    );
    expect(r.status, describeReport(r)).toBe('exited');
    expect(text(r.stderr)).toMatch(/No space left on device/);
    await expectHealthy(strict);
  });
});

describe('network', () => {
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    server = createServer((s) => s.end('hello\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  afterAll(() => {
    server.close();
  });

  it('cannot reach services on the host (Redis, PostgreSQL, a listener of the test) or the outside', async () => {
    // The test listener answers from the host, so a sandbox that shared the network would reach it.
    const control = await execFileAsync(PYTHON, [
      '-c',
      `import socket; print(socket.create_connection(("127.0.0.1", ${port}), 2).recv(10))`,
    ]);
    expect(control.stdout).toContain('hello');
    const code = [
      'import socket',
      `for host, port in [("127.0.0.1", 6379), ("127.0.0.1", 5432), ("127.0.0.1", ${port}), ("1.1.1.1", 53), ("10.0.0.1", 80)]:`,
      '  try:',
      '    socket.create_connection((host, port), 1); print(host, port, "CONNECTED")',
      '  except OSError as e: print(host, port, "failed", e.errno)',
      'import os; print(sorted(os.listdir("/sys/class/net")) if os.path.exists("/sys/class/net") else "no /sys")',
    ].join('\n');
    const r = await sb.run({ argv: [PYTHON, '-c', code], limits: limits() });
    expect(r.status, describeReport(r)).toBe('exited');
    const out = text(r.stdout);
    expect(out).not.toContain('CONNECTED');
    expect(out.match(/failed/g)?.length).toBe(5);
    expect(out).toContain('no /sys');
    const ip = await sb.run({
      argv: ['/bin/sh', '-c', 'cat /proc/net/dev | tail -n +3 | cut -d: -f1'],
      limits: limits(),
    });
    expect(text(ip.stdout).trim()).toBe('lo');
  });
});

describe('confidentiality', () => {
  it('cannot read host secrets, /root, the host /proc, or the worker environment', async () => {
    // The secret really is in this process's environment: a child spawned the usual way inherits it.
    expect(spawnSync('/usr/bin/env').stdout.toString()).toContain(SECRET);
    const script = [
      'cat /etc/shadow /etc/passwd /root/.bashrc 2>&1',
      'ls /root /home /var /sys 2>&1',
      'env',
      'cat /proc/*/environ 2>/dev/null | tr "\\0" "\\n"',
      'ls /proc | grep -E "^[0-9]+$" | tr "\\n" " "; echo',
      `ls /proc/${process.pid} 2>&1`,
      // (/run/sandbox holds this very script, which names what it looks for.)
      'grep -rs SANDBOX_TEST_SECRET / --exclude-dir=proc --exclude-dir=usr --exclude-dir=sandbox 2>/dev/null',
    ].join('; ');
    const r = await sb.run({ argv: ['/bin/sh', '-c', script], limits: limits({ cpuMs: 5_000 }) });
    expect(r.status, describeReport(r)).toBe('exited');
    const out = text(r.stdout) + text(r.stderr);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain('SANDBOX_TEST_SECRET');
    expect(out).toMatch(/\/etc\/shadow: No such file/);
    expect(out).toMatch(/\/etc\/passwd: No such file/);
    expect(out).toMatch(/\/root.*No such file/);
    expect(out).toMatch(/\/sys.*No such file/);
    // Its own pid namespace: bubblewrap's pid 1, the program and its children only.
    const pids = /^([\d ]+)$/m.exec(out)?.[1]?.trim().split(' ').map(Number) ?? [];
    expect(pids.length).toBeLessThan(8);
    expect(Math.max(...pids)).toBeLessThan(20);
  });

  it("cannot learn the host's name (in a pod: the pod's name) from its UTS namespace", async () => {
    const host = hostname();
    const r = await sb.run({
      argv: [PYTHON, '-c', 'import os, socket; print(socket.gethostname(), os.uname().nodename)'],
      limits: limits(),
    });
    expect(r.status, describeReport(r)).toBe('exited');
    expect(text(r.stdout)).toBe('sandbox sandbox\n');
    expect(text(r.stdout)).not.toContain(host);
  });

  it("cannot learn the host's cgroup tree: the run was born in its own cgroup, the root of its cgroup namespace", async () => {
    // Each line of /proc/self/cgroup is `<id>:<controllers>:<path>`, the path relative to the namespace's
    // root: `/` everywhere when bubblewrap created the namespace from inside the run's cgroup (a sandbox moved
    // in afterwards would see `/../..`-style paths naming the worker's and the run's cgroups).
    const r = await sb.run({ argv: ['cat', '/proc/self/cgroup'], limits: limits() });
    expect(r.status, describeReport(r)).toBe('exited');
    const lines = text(r.stdout).trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => !l.endsWith(':/'))).toEqual([]);
  });

  it('cannot see the files of a run in another cell, even while it runs', async () => {
    const marker = `marker-${randomBytes(4).toString('hex')}`;
    const holder = sb.run({
      argv: [
        '/bin/sh',
        '-c',
        `echo ${SECRET} > /box/${marker}; echo x > /tmp/${marker}; echo x > /dev/shm/${marker}; sleep 2`,
      ],
      limits: limits({ wallMs: 10_000 }),
    });
    await sleep(300);
    const seeker = await sb.run({
      argv: [
        '/bin/sh',
        '-c',
        // (/run/sandbox holds this very script, which names what it looks for. /usr is the host's, read-only
        // and the same in every cell: left out of both searches, whose CPU time over the whole toolchain
        // catalogue outran the limit in the User-Mode Linux guest.)
        `find / -path /run/sandbox -prune -o -path /usr -prune -o -path /proc -prune -o -name '${marker}*' -print 2>/dev/null; grep -rs ${SECRET} / --exclude-dir=proc --exclude-dir=usr --exclude-dir=sandbox; ls /proc | grep -cE '^[0-9]+$'`,
      ],
      // Its wall clock gets three times its CPU, as a judged run does: the search waits on the file system
      // (over hostfs in the User-Mode Linux guest of test:cgroup-v2, every stat a round trip to the host).
      limits: limits({ cpuMs: 5_000, wallMs: 15_000 }),
    });
    expect(seeker.status, describeReport(seeker)).toBe('exited');
    expect(text(seeker.stdout)).not.toContain(marker);
    expect(text(seeker.stdout)).not.toContain(SECRET);
    const held = await holder;
    expect(held.status).toBe('exited');
  });

  it('runs unprivileged: its own uid on the host, no capabilities, no groups, no new privileges', async () => {
    const r = await sb.run({
      argv: [
        '/bin/sh',
        '-c',
        'id -u; grep -E "^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs|Groups)" /proc/self/status; unshare -U true 2>&1 || echo no-userns',
      ],
      limits: limits(),
    });
    const out = text(r.stdout);
    expect(sb.uids).toContain(Number(out.split('\n')[0]));
    for (const cap of ['CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb'])
      expect(out).toMatch(new RegExp(`${cap}:\\s+0000000000000000`));
    expect(out).toMatch(/NoNewPrivs:\s+1/);
    expect(out).toMatch(/Groups:\s*\n/);
    expect(out).toContain('no-userns');
    // Seen from the host: every process of every prepared cell runs as the cell's uid, without capabilities
    // or groups. (While bubblewrap sets a sandbox up, it holds capabilities inside its own user namespace.)
    await sb.settled();
    const host = processesOf(sb.uids);
    expect(host.length).toBeGreaterThan(0);
    for (const p of host) {
      expect(p.status).toMatch(/^CapEff:\s+0000000000000000$/m);
      expect(p.status).toMatch(/^CapPrm:\s+0000000000000000$/m);
      expect(p.status).toMatch(/^Groups:\s*$/m);
      expect(p.status).toMatch(new RegExp(`^Uid:\\s+${p.uid}\\s+${p.uid}\\s+${p.uid}\\s+${p.uid}$`, 'm'));
    }
  });
});

describe('inherited descriptors', () => {
  it(
    'a descriptor the worker inherited (a secret file, fds 25 and 40) never reaches a run',
    async () => {
      const id = `sbtest-fds-${process.pid}`;
      const secretFile = join(tmpdir(), `${id}.secret`);
      writeFileSync(secretFile, SECRET, { mode: 0o600 });
      const secret = openSync(secretFile, 'r');
      try {
        const fixture = fileURLToPath(new URL('./fixtures/fd-worker.ts', import.meta.url));
        // The worker gets the secret as fds 25 and 40, without O_CLOEXEC, as from a careless parent process.
        // (Node marks the first few inherited descriptors close-on-exec at start-up, not these.)
        const stdio: Array<'ignore' | 'pipe' | 'inherit' | number> = ['ignore', 'pipe', 'inherit'];
        for (let fd = 3; fd <= 40; fd++) stdio.push(fd === 25 || fd === 40 ? secret : 'ignore');
        const worker = spawn(
          process.execPath,
          ['--import', 'tsx', fixture, id, join(tmpdir(), id), String(uidBaseOf('fds'))],
          { cwd: repoRoot, stdio },
        );
        let out = '';
        worker.stdout?.on('data', (d: Buffer) => (out += d.toString()));
        const code = await new Promise((resolve) => worker.once('exit', resolve));
        expect(code, out).toBe(0);
        const report = JSON.parse(out) as { status: string; stdout: string; stderr: string };
        expect(report.status, out).toBe('exited');
        expect(out).not.toContain(SECRET);
        expect(out).not.toContain(secretFile);
        const seen = JSON.parse(report.stdout) as {
          program: Record<string, string>;
          pid1: Record<string, string>;
        };
        // The program: stdin (a file), stdout and stderr (sockets), nothing else.
        expect(Object.keys(seen.program).sort()).toEqual(['0', '1', '2']);
        expect(seen.program['0']).toBe('/run/sandbox/stdin');
        // The sandbox's pid 1 (the shell): the same, the script it is reading and its saved /dev/null stdin.
        for (const target of Object.values(seen.pid1)) {
          expect(target).toMatch(/^(socket:\[\d+\]|\/run\/sandbox\/(stdin|run\.sh)|\/dev\/null)$/);
        }
      } finally {
        closeSync(secret);
        rmSync(secretFile, { force: true });
      }
    },
    scaledMs(60_000),
  );
});

describe('integrity', () => {
  it('cannot write outside the work dir, /tmp and /dev/shm', async () => {
    const tag = `w-${randomBytes(4).toString('hex')}`;
    const targets = ['/usr', '/usr/bin', '/etc', '/', '/dev', '/proc', '/run/sandbox', '/bin', '/lib'];
    const script = targets
      .map((d) => `(echo x > ${d}/${tag}) 2>/dev/null && echo "WROTE ${d}" || echo "denied ${d}"`)
      .join('; ');
    const r = await sb.run({
      argv: ['/bin/sh', '-c', `${script}; touch /box/ok /tmp/ok /dev/shm/ok && echo writable-ok`],
      limits: limits(),
    });
    const out = text(r.stdout);
    expect(out).not.toContain('WROTE');
    expect(out.match(/denied/g)?.length).toBe(targets.length);
    expect(out).toContain('writable-ok');
    for (const d of ['/usr', '/usr/bin', '/etc', '/', '/tmp']) expect(existsSync(`${d}/${tag}`)).toBe(false);
  });

  it('leaves nothing for the next run in /tmp, /dev/shm or the work dir', async () => {
    const first = await single.run({
      argv: [
        '/bin/sh',
        '-c',
        'echo a > /tmp/left; echo b > /dev/shm/left; echo c > /box/left; mkdir -p /box/d/e; chmod 000 /box/d /box; echo done',
      ],
      limits: limits(),
    });
    expect(text(first.stdout)).toBe('done\n');
    for (let i = 0; i < 3; i++) {
      const next = await single.run({
        argv: ['/bin/sh', '-c', 'find /tmp /dev/shm /box -mindepth 1 | wc -l; stat -c %a /box'],
        limits: limits(),
      });
      expect(text(next.stdout)).toBe('0\n700\n');
    }
  });
});

describe('processes', () => {
  it('kill -9 -1 and killing its parents only hurt the run itself', async () => {
    const r = await runStrict(
      ['/bin/sh', '-c', `sleep 5 & kill -9 1 $PPID ${process.pid} 2>&1; kill -9 -1; echo survived`],
      limits({ wallMs: 3_000 }),
    );
    expect(r.status, describeReport(r)).toBe('exited');
    expect(text(r.stdout)).toContain('survived');
    expect(r.wallMs).toBeLessThan(scaledMs(2_900));
    // The worker (this process) and the other sandboxes are untouched.
    expect(process.kill(process.pid, 0)).toBe(true);
    await expectHealthy(strict);
    await expectHealthy(sb);
  });

  it('a setsid / double-fork daemon does not outlive its run', async () => {
    const daemon = `setsid sh -c 'trap "" HUP TERM; exec sleep 987' </dev/null >/dev/null 2>&1 & (sh -c 'sleep 988 &' &) ; nohup sleep 989 >/dev/null 2>&1 & echo started`;
    const r = await runStrict(['/bin/sh', '-c', daemon]);
    expect(r.status, describeReport(r)).toBe('exited');
    expect(text(r.stdout)).toBe('started\n');
    // It did not wait for the sleepers (987 s).
    expect(r.wallMs).toBeLessThan(scaledMs(3_000));
    // runStrict checked that no process of the sandbox's uids remains; the same with prepared cells:
    const again = await sb.run({ argv: ['/bin/sh', '-c', daemon], limits: limits() });
    expect(text(again.stdout)).toBe('started\n');
    const sleepers = processesOf(sb.uids).filter((p) => /sleep 98[789]/.test(p.cmdline));
    expect(sleepers).toEqual([]);
    expectNothingLeft(sb);
  });

  it('replaces a prepared sandbox that was killed while it waited', async () => {
    await single.settled();
    const waiting = processesOf(single.uids);
    expect(waiting.length).toBe(2);
    for (const p of waiting) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch (error) {
        // Killing the first may already have ended and reaped the second (the kernel is quicker at it on some
        // machines, as in the User-Mode Linux guest of test:cgroup-v2): gone is what this loop wants.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    }
    // Dead (zombies at most) before the next run is asked for: a kill racing the run's start is another case.
    for (let i = 0; i < 100 && processesOf(single.uids).some((p) => !/^State:\s+Z/m.test(p.status)); i++) {
      await sleep(5);
    }
    const r = await single.run({ argv: ['echo', 'ok'], limits: limits() });
    expect(r.status, describeReport(r)).toBe('exited');
    expect(text(r.stdout)).toBe('ok\n');
  });

  it('removes its cgroups after every run', async () => {
    for (const argv of [
      ['true'],
      ['/bin/sh', '-c', 'sleep 1 & sleep 1 & exit 3'],
      ['/bin/sh', '-c', 'kill -9 $$'],
    ]) {
      await runStrict(argv);
    }
    // The cgroup folders on disk, not only as the driver lists them:
    for (const dir of strict.cgroups.location.split(', ')) {
      expect(readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())).toEqual([]);
    }
  });

  it(
    'a crashed worker takes its runs down with it, and the next start sweeps its cgroups and mounts',
    async () => {
      const id = `sbtest-crash-${process.pid}`;
      const workRoot = join(tmpdir(), id);
      const uidBase = uidBaseOf('crash');
      const uids = [uidBase, uidBase + 1];
      const fixture = fileURLToPath(new URL('./fixtures/crash-worker.ts', import.meta.url));
      // `node --import tsx` (not the tsx wrapper), so that the pid killed is the worker itself.
      const worker = spawn(process.execPath, ['--import', 'tsx', fixture, id, workRoot, String(uidBase)], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('the crash worker did not start its run')),
          scaledMs(15_000),
        );
        worker.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('running')) {
            clearTimeout(timer);
            resolve();
          }
        });
        worker.once('exit', () => reject(new Error('the crash worker exited early')));
      });
      // The run's shell has echoed; its `exec sleep 60` follows, later on a busy machine.
      const sleepDeadline = performance.now() + scaledMs(15_000);
      while (!processesOf(uids).some((p) => p.cmdline === 'sleep 60') && performance.now() < sleepDeadline)
        await sleep(20);
      expect(processesOf(uids).some((p) => p.cmdline === 'sleep 60')).toBe(true);
      worker.kill('SIGKILL');
      await exited;

      // --die-with-parent: bubblewrap dies with the worker, and the sandbox with bubblewrap.
      let alive = processesOf(uids).filter((p) => !/^State:\s+Z/m.test(p.status));
      for (let i = 0; i < 50 && alive.length > 0; i++) {
        await sleep(20);
        alive = processesOf(uids).filter((p) => !/^State:\s+Z/m.test(p.status));
      }
      expect(alive.map((p) => p.cmdline)).toEqual([]);
      // What the crash left: run cgroups and the tmpfs mounts.
      const stale = readFileSync('/proc/self/mountinfo', 'utf8')
        .split('\n')
        .filter((l) => l.includes(workRoot));
      expect(stale.length).toBeGreaterThan(0);

      const next = await testSandbox('crash', { cgroupRoot: id, workRoot, uidBase, slots: 1, spares: 1 });
      try {
        const r = await next.run({
          argv: ['/bin/sh', '-c', 'echo ok; ls -A /box | wc -l'],
          limits: limits(),
        });
        expect(text(r.stdout)).toBe('ok\n0\n');
        // Only the new sandbox's mounts (one per cell, once the run's cell has its fresh tmpfs), none of the
        // crashed worker's.
        await next.settled();
        const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
          .split('\n')
          .filter((l) => l.includes(workRoot));
        expect(mounts.length).toBe(2);
      } finally {
        await next.close();
      }
      expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(workRoot);
      expect(existsSync(workRoot)).toBe(false);
      for (const dir of next.cgroups.location.split(', ')) expect(existsSync(dir)).toBe(false);
    },
    scaledMs(30_000),
  );
});
