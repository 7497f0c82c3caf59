/** The sandbox's small parts on their own: status mapping, parsers, path checks, output cap, slot pool, and the unsandboxed runner. */
import { describe, expect, it } from 'vitest';
import { parseKeyValues, parsePids, unescapeMount } from '../src/cgroup-common.js';
import { bwrapArgs, hostLayout, shQuote } from '../src/bwrap-args.js';
import { countCpuList, CPU_CHECK_FLOOR_MS, nextCpuCheckMs } from '../src/cpu-check.js';
import { classifyEnd, signalName } from '../src/exit-status.js';
import { checkLimits } from '../src/limits.js';
import { OutputCapture } from '../src/output-capture.js';
import { runScript } from '../src/run-script.js';
import { SlotPool } from '../src/slot-pool.js';
import { safeRelativePath } from '../src/work-dir.js';
import { createUnsandboxedSandbox, defaultRunLimits } from '../src/index.js';
import { PYTHON, scaledMs, text } from './helpers.js';

describe('nextCpuCheckMs', () => {
  it('waits as long as the run needs, on every CPU at once, to reach its limit', () => {
    expect(nextCpuCheckMs(0, 2_000, 2)).toBe(1_000);
    expect(nextCpuCheckMs(1_500, 2_000, 2)).toBe(250);
    expect(nextCpuCheckMs(0, 2_000, 64)).toBe(31);
  });
  it('reads every floor interval near or past the limit, and with a CPU count below 1', () => {
    expect(nextCpuCheckMs(1_990, 2_000, 2)).toBe(CPU_CHECK_FLOOR_MS);
    expect(nextCpuCheckMs(2_500, 2_000, 2)).toBe(CPU_CHECK_FLOOR_MS);
    expect(nextCpuCheckMs(0, 400, 0)).toBe(400);
  });
  it('counts a kernel CPU list', () => {
    expect(countCpuList('0-1\n')).toBe(2);
    expect(countCpuList('0-3,8,10-11')).toBe(7);
    expect(countCpuList('')).toBe(0);
    expect(countCpuList('3-1')).toBe(0);
  });
});

describe('classifyEnd', () => {
  const base = { killReason: undefined, oomKills: 0, cpuMs: 10, cpuLimitMs: 1000, exitCode: 0, signal: null };
  it('maps exit codes and 128 + N to exited and signaled', () => {
    expect(classifyEnd(base)).toEqual({ status: 'exited', exitCode: 0, signal: null });
    expect(classifyEnd({ ...base, exitCode: 3 })).toEqual({ status: 'exited', exitCode: 3, signal: null });
    expect(classifyEnd({ ...base, exitCode: 139 })).toEqual({
      status: 'signaled',
      exitCode: null,
      signal: 'SIGSEGV',
    });
    expect(classifyEnd({ ...base, exitCode: 134 }).signal).toBe('SIGABRT');
  });
  it('lets the sandbox-caused reasons explain a SIGKILL', () => {
    expect(classifyEnd({ ...base, exitCode: 137, killReason: 'wall_limit' }).status).toBe('wall_limit');
    expect(
      classifyEnd({ ...base, exitCode: null, signal: 'SIGKILL', killReason: 'output_limit' }).status,
    ).toBe('output_limit');
    expect(classifyEnd({ ...base, exitCode: 137, oomKills: 1 }).status).toBe('memory_limit');
    expect(classifyEnd({ ...base, exitCode: 137, cpuMs: 1001 }).status).toBe('cpu_limit');
    expect(classifyEnd({ ...base, exitCode: 0, cpuMs: 1001 }).status).toBe('cpu_limit');
    expect(classifyEnd({ ...base, exitCode: 137 })).toEqual({
      status: 'signaled',
      exitCode: null,
      signal: 'SIGKILL',
    });
    // bubblewrap itself killed, by no limit of ours: someone outside did it, not the program.
    const outside = { ...base, exitCode: null, signal: 'SIGKILL' as const, signalHitSandbox: true };
    expect(classifyEnd(outside).status).toBe('internal_error');
    expect(classifyEnd({ ...outside, oomKills: 1 }).status).toBe('memory_limit');
    expect(classifyEnd({ ...outside, killReason: 'wall_limit' }).status).toBe('wall_limit');
  });
  it('names signals', () => {
    expect(signalName(9)).toBe('SIGKILL');
    expect(signalName(25)).toBe('SIGXFSZ');
    expect(signalName(99)).toBe('SIG99');
  });
});

describe('parsers', () => {
  it('reads cgroup key/value files and pid lists', () => {
    const stat = 'usage_usec 123456\nuser_usec 100000\nsystem_usec 23456\nnr_periods 0\n';
    expect(parseKeyValues(stat).get('usage_usec')).toBe(123456);
    const events = 'low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n';
    expect(parseKeyValues(events).get('oom_kill')).toBe(1);
    const oomControl = 'oom_kill_disable 0\nunder_oom 0\noom_kill 2\n';
    expect(parseKeyValues(oomControl).get('oom_kill')).toBe(2);
    expect(parsePids('12\n345\n\n')).toEqual([12, 345]);
    expect(unescapeMount('/tmp/a\\040b')).toBe('/tmp/a b');
  });
});

describe('paths', () => {
  it('accepts relative paths and normalises them', () => {
    expect(safeRelativePath('main')).toBe('main');
    expect(safeRelativePath('./classes//Main.class')).toBe('classes/Main.class');
    expect(safeRelativePath('classes/')).toBe('classes');
  });
  it('rejects .., absolute and empty paths', () => {
    for (const bad of ['', '.', '..', '../a', 'a/../../b', 'a/..', '/etc/passwd', 'a\0b']) {
      expect(() => safeRelativePath(bad), bad).toThrow();
    }
  });
});

describe('script and arguments', () => {
  it('quotes words for the shell', () => {
    expect(shQuote("it's")).toBe(`'it'\\''s'`);
    expect(shQuote('$x `y`')).toBe(`'$x \`y\`'`);
  });
  it('sets every rlimit, in the units dash uses, clamped to the worker’s hard caps', () => {
    const script = runScript({
      argv: ['./main', 'a b'],
      env: { K: 'v' },
      limits: defaultRunLimits({ cpuMs: 2_500, fileSizeBytes: 1_000_000, openFiles: 100, stackKb: 1 << 20 }),
      caps: { openFiles: 64, stackKb: 65_536 },
    });
    expect(script).toContain('ulimit -t 4\n');
    expect(script).toContain('ulimit -f 1954\n');
    expect(script).toContain('ulimit -n 64\n');
    expect(script).toContain('ulimit -s 65536\n');
    expect(script).toContain('ulimit -c 0\n');
    expect(script).toContain("export K='v'\n");
    expect(script).toContain("'./main' 'a b' < /run/sandbox/stdin\nexit $?\n");
    expect(script).not.toMatch(/ulimit -v/);
  });
  it('binds only what exists, read-only, and never the host secrets', () => {
    const layout = hostLayout(['/nonexistent-path']);
    expect(layout.roBinds).toContain('/usr');
    expect(layout.roBinds).not.toContain('/nonexistent-path');
    const args = bwrapArgs({
      layout,
      boxDir: '/w/box-0',
      ioDir: '/w/io-0',
      tmpBytes: 1,
      shmBytes: 2,
      seccompFd: 4,
      command: ['x'],
    });
    const joined = args.join(' ');
    for (const flag of [
      '--unshare-all',
      '--unshare-user',
      '--disable-userns',
      '--die-with-parent',
      '--as-pid-1',
    ]) {
      expect(args).toContain(flag);
    }
    expect(joined).toContain('--bind /w/box-0 /box');
    expect(joined).toContain('--ro-bind /w/io-0 /run/sandbox');
    expect(joined).toContain('--remount-ro /');
    expect(joined).toContain('--seccomp 4');
    expect(joined).not.toMatch(/\/etc\/(passwd|shadow)|\/home|\/root|\/sys\b|--share-net/);
  });
  it('rejects limits that cannot be enforced', () => {
    expect(() => checkLimits(defaultRunLimits({ memoryKb: -1 }))).toThrow(/memoryKb/);
    expect(() => checkLimits(defaultRunLimits({ wallMs: Number.NaN }))).toThrow(/wallMs/);
  });
});

describe('OutputCapture', () => {
  it('keeps exactly the cap and reports the overflow once', () => {
    let exceeded = 0;
    const chunks: number[] = [];
    const c = new OutputCapture(
      'stdout',
      10,
      () => exceeded++,
      (_s, chunk) => {
        chunks.push(chunk.length);
      },
    );
    c.push(Buffer.from('123456'));
    c.push(Buffer.from('7890ab'));
    c.push(Buffer.from('cd'));
    expect(text(c.bytes())).toBe('1234567890');
    expect(chunks).toEqual([6, 4]);
    expect(exceeded).toBe(1);
    expect(c.received).toBe(14);
  });
});

describe('SlotPool', () => {
  it('limits concurrency, prefers ready items and serves waiters in order', async () => {
    const ready = new Set(['b']);
    const pool = new SlotPool(['a', 'b', 'c'], 2, (x) => ready.has(x));
    expect(await pool.acquire()).toBe('b');
    expect(await pool.acquire()).toBe('a');
    const order: string[] = [];
    const w1 = pool.acquire().then((x) => order.push(`w1:${x}`));
    const w2 = pool.acquire().then((x) => order.push(`w2:${x}`));
    pool.release('b');
    await w1;
    pool.release('a');
    await w2;
    // b comes back ready and is preferred; then a and c are equal, and c has waited longer.
    expect(order).toEqual(['w1:b', 'w2:c']);
  });
  it('hands out a group of items at once as one slot, and never more than the spares allow', async () => {
    // One slot, two spares: a group of two fits beside nothing else; a group of four never fits.
    const pool = new SlotPool(['a', 'b', 'c'], 1);
    const pair = await pool.acquireGroup(2);
    expect(pair).toHaveLength(2);
    const single = pool.acquire();
    let gotSingle = false;
    void single.then(() => (gotSingle = true));
    await Promise.resolve();
    expect(gotSingle).toBe(false);
    pool.releaseGroup(pair);
    expect(await single).toBeDefined();
    await expect(pool.acquireGroup(4)).rejects.toThrow(/spare cells/);
  });
  it('rejects an aborted waiter and every waiter on close', async () => {
    const pool = new SlotPool(['a'], 1);
    await pool.acquire();
    const ac = new AbortController();
    const aborted = pool.acquire(ac.signal);
    ac.abort();
    await expect(aborted).rejects.toThrow(/aborted/);
    const waiting = pool.acquire();
    pool.close(new Error('closed'));
    await expect(waiting).rejects.toThrow(/closed/);
    await expect(pool.acquire()).rejects.toThrow(/closed/);
  });
});

describe('unsandboxed runner (development only)', () => {
  const sb = createUnsandboxedSandbox();
  const limits = defaultRunLimits({ cpuMs: scaledMs(2_000), wallMs: scaledMs(3_000) });

  it('runs a program with stdin, files in and out', async () => {
    expect(sb.kind).toBe('unsandboxed');
    const r = await sb.run({
      argv: ['/bin/sh', '-c', 'cat in.txt; cat; mkdir out; echo done > out/x; exit 4'],
      files: { 'in.txt': 'file\n' },
      stdin: 'stdin\n',
      collect: ['out'],
      limits,
    });
    expect(r.status).toBe('exited');
    expect(r.exitCode).toBe(4);
    expect(text(r.stdout)).toBe('file\nstdin\n');
    expect(text(r.files['out/x'] ?? new Uint8Array())).toBe('done\n');
  });

  it('enforces wall time, output and an approximate CPU limit, and reports signals', async () => {
    expect((await sb.run({ argv: ['sleep', '5'], limits: { ...limits, wallMs: 200 } })).status).toBe(
      'wall_limit',
    );
    const out = await sb.run({ argv: ['yes'], limits: { ...limits, outputBytes: 1000 } });
    expect(out.status).toBe('output_limit');
    expect(out.stdout.length).toBe(1000);
    const cpu = await sb.run({
      argv: ['/bin/sh', '-c', 'while :; do :; done'],
      limits: { ...limits, cpuMs: 300 },
    });
    expect(cpu.status).toBe('cpu_limit');
    expect(cpu.cpuMs).toBeGreaterThanOrEqual(300);
    const seg = await sb.run({ argv: [PYTHON, '-c', 'import os; os.kill(os.getpid(), 11)'], limits });
    expect(seg.status).toBe('signaled');
    expect(seg.signal).toBe('SIGSEGV');
  });
});
