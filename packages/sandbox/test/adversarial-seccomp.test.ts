/**
 * The seccomp filter (native/seccomp-filter.c), seen from inside a run: each denied family answers with its
 * documented errno (ENOSYS: denied outright; EPERM: namespaces; EAFNOSUPPORT: socket families), calls through
 * the 32-bit x86 ABI are refused, and what programs need still works. Needs root (and x86-64 for the ABI test).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arch } from 'node:process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BwrapSandbox } from '../src/index.js';
import { describeReport, limits, PYTHON, testSandbox, text } from './helpers.js';

let sb: BwrapSandbox;
/** errno name (or `ok`, or `child`) of each probe, by name. */
let seen: Record<string, string> = {};

/**
 * Calls each syscall raw (x86-64 numbers) and records how it ended. Nothing here may succeed in a way that
 * hurts: a socket is only created, never connected (a vsock socket could reach the hypervisor's services).
 */
const PROBE = `
import ctypes, errno, json, os, socket
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
seen = {}
def call(name, nr, *args):
    r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
    if r == 0 and name.startswith('clone'):
        os._exit(0)  # a clone that succeeded: this is the child
    seen[name] = 'ok' if r >= 0 else errno.errorcode.get(ctypes.get_errno(), str(ctypes.get_errno()))
    if r > 0 and name.startswith('clone'):
        os.waitpid(r, 0)

buf = ctypes.create_string_buffer(256)
addr = ctypes.addressof(buf)
# Kernel attack surface
call('io_uring_setup', 425, 8, addr)
call('io_uring_enter', 426, 0, 0, 0, 0, 0)
call('io_uring_register', 427, 0, 0, 0, 0)
call('userfaultfd', 323, os.O_CLOEXEC | 1)  # UFFD_USER_MODE_ONLY: allowed unprivileged without a filter
call('bpf', 321, 0, addr, 64)
call('perf_event_open', 298, addr, 0, -1, -1, 0)
call('add_key', 248, ctypes.addressof(ctypes.create_string_buffer(b'user')), ctypes.addressof(ctypes.create_string_buffer(b'k')), addr, 1, -3)
call('request_key', 249, ctypes.addressof(ctypes.create_string_buffer(b'user')), ctypes.addressof(ctypes.create_string_buffer(b'k')), 0, 0)
call('keyctl', 250, 0, -3, 0)
call('modify_ldt', 154, 0, addr, 16)
# Other processes
call('ptrace', 101, 0, 0, 0, 0)  # PTRACE_TRACEME
call('process_vm_readv', 310, os.getpid(), 0, 0, 0, 0, 0)
call('kcmp', 312, os.getpid(), os.getpid(), 0, 0, 0)
call('pidfd_getfd', 438, 0, 0, 0)
# Mounts and the root
call('mount', 165, 0, addr, 0, 0, 0)
call('umount2', 166, addr, 0)
call('pivot_root', 155, addr, addr)
call('chroot', 161, addr)
call('open_tree', 428, -100, addr, 0)
call('move_mount', 429, -100, addr, -100, addr, 0)
call('fsopen', 430, addr, 0)
call('fsmount', 432, 0, 0, 0)
call('mount_setattr', 442, -100, addr, 0, addr, 32)
# Namespaces
call('unshare', 272, 0x10000000)  # CLONE_NEWUSER
call('unshare_net', 272, 0x40000000)
call('setns', 308, 0, 0)
call('clone_newuser', 56, 0x10000000 | 17, 0, 0, 0, 0)
call('clone_newpid', 56, 0x20000000 | 17, 0, 0, 0, 0)
call('clone_newns', 56, 0x00020000 | 17, 0, 0, 0, 0)
call('clone3', 435, addr, 88)
call('clone_plain', 56, 17, 0, 0, 0, 0)  # fork(): SIGCHLD only
# The machine
call('kexec_load', 246, 0, 0, 0, 0)
call('kexec_file_load', 320, -1, -1, 0, 0, 0)
call('init_module', 175, addr, 0, addr)
call('finit_module', 313, -1, addr, 0)
call('delete_module', 176, addr, 0)
call('reboot', 169, 0, 0, 0, 0)
call('swapon', 167, addr, 0)
call('acct', 163, 0)
call('syslog', 103, 3, addr, 16)
call('settimeofday', 164, addr, 0)
call('clock_settime', 227, 0, addr)
call('adjtimex', 159, addr)
call('sethostname', 170, addr, 1)
call('sync', 162)
call('iopl', 172, 3)
call('ioperm', 173, 0, 8, 1)
# Personality
call('personality_query', 135, 0xffffffff)
call('personality_linux', 135, 0)
call('personality_no_aslr', 135, 0x0040000)  # ADDR_NO_RANDOMIZE
call('personality_exec', 135, 0x0400000)  # READ_IMPLIES_EXEC
# Sockets: created only
for fam, name in [(16, 'netlink'), (40, 'vsock'), (17, 'packet'), (38, 'alg'), (15, 'key'),
                  (31, 'bluetooth'), (30, 'tipc'), (44, 'xdp'), (29, 'can'), (21, 'rds'), (0, 'unspec')]:
    call('socket_' + name, 41, fam, socket.SOCK_DGRAM, 0)
call('socket_netlink_high_bits', 41, (1 << 32) | 16, socket.SOCK_DGRAM, 0)
call('socketpair_netlink', 53, 16, socket.SOCK_DGRAM, 0, addr)
for fam, name in [(1, 'unix'), (2, 'inet'), (10, 'inet6')]:
    call('socket_' + name, 41, fam, socket.SOCK_STREAM, 0)
call('socketpair_unix', 53, 1, socket.SOCK_STREAM, 0, addr)
# Past the reviewed table (cachestat, 451, and a number no kernel has)
call('cachestat', 451, 0, 0, 0, 0)
call('unknown_999', 999)
status = dict(l.split(':', 1) for l in open('/proc/self/status').read().splitlines() if ':' in l)
seen['status_seccomp'] = status['Seccomp'].strip()
seen['status_filters'] = status.get('Seccomp_filters', '1').strip()
print(json.dumps(seen))
`;

/** A 64-bit program making calls through the 32-bit ABI (`int 0x80`): getpid (20) and write (4). */
const INT80 = `
#include <stdio.h>
int main(void) {
  long ret;
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory");
  printf("getpid %ld\\n", ret);
  fflush(stdout);
  static const char msg[] = "leak\\n";
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(4L), "b"(1L), "c"(msg), "d"(5L) : "memory");
  printf("write %ld\\n", ret);
  return 0;
}
`;
const X32 = `
#include <stdio.h>
int main(void) {
  long x32;
  __asm__ volatile("syscall" : "=a"(x32) : "a"(0x40000000L | 39L) : "rcx", "r11", "memory");
  printf("x32 getpid %ld\\n", x32);
  return 0;
}
`;

beforeAll(async () => {
  sb = await testSandbox('seccomp', { slots: 1, spares: 1 });
  const r = await sb.run({ argv: [PYTHON, '-c', PROBE], limits: limits() });
  if (r.status !== 'exited' || r.exitCode !== 0 || r.stdout.length === 0) {
    throw new Error(`the probe failed: ${describeReport(r)}`);
  }
  seen = JSON.parse(text(r.stdout)) as Record<string, string>;
});

afterAll(async () => {
  await sb?.close();
});

function expectAll(names: string[], errno: string): void {
  expect(Object.fromEntries(names.map((n) => [n, seen[n]]))).toEqual(
    Object.fromEntries(names.map((n) => [n, errno])),
  );
}

describe('the seccomp filter, from inside a run', () => {
  it('is in force: one filter, mode 2', () => {
    expect(seen.status_seccomp).toBe('2');
    expect(seen.status_filters).toBe('1');
  });

  it('io_uring: ENOSYS', () => {
    expectAll(['io_uring_setup', 'io_uring_enter', 'io_uring_register'], 'ENOSYS');
  });

  it('userfaultfd, bpf, perf_event_open, the key syscalls, modify_ldt: ENOSYS', () => {
    expectAll(
      ['userfaultfd', 'bpf', 'perf_event_open', 'add_key', 'request_key', 'keyctl', 'modify_ldt'],
      'ENOSYS',
    );
  });

  it('tracing and reading other processes: ENOSYS', () => {
    expectAll(['ptrace', 'process_vm_readv', 'kcmp', 'pidfd_getfd'], 'ENOSYS');
  });

  it('the mount family and chroot: ENOSYS', () => {
    expectAll(
      [
        'mount',
        'umount2',
        'pivot_root',
        'chroot',
        'open_tree',
        'move_mount',
        'fsopen',
        'fsmount',
        'mount_setattr',
      ],
      'ENOSYS',
    );
  });

  it('namespaces: EPERM for unshare, setns and clone with CLONE_NEW*; clone3 ENOSYS; plain fork works', () => {
    expectAll(['unshare', 'unshare_net', 'setns', 'clone_newuser', 'clone_newpid', 'clone_newns'], 'EPERM');
    expect(seen.clone3).toBe('ENOSYS');
    expect(seen.clone_plain).toBe('ok');
  });

  it('administration of the machine (kexec, modules, reboot, swap, clocks, hostname, sync, ports): ENOSYS', () => {
    expectAll(
      [
        'kexec_load',
        'kexec_file_load',
        'init_module',
        'finit_module',
        'delete_module',
        'reboot',
        'swapon',
        'acct',
        'syslog',
        'settimeofday',
        'clock_settime',
        'adjtimex',
        'sethostname',
        'sync',
        'iopl',
        'ioperm',
      ],
      'ENOSYS',
    );
  });

  it('personality: the query and PER_LINUX work, other personas (no ASLR, READ_IMPLIES_EXEC) do not', () => {
    expect(seen.personality_query).toBe('ok');
    expect(seen.personality_linux).toBe('ok');
    expectAll(['personality_no_aslr', 'personality_exec'], 'ENOSYS');
  });

  it('socket families other than AF_UNIX, AF_INET, AF_INET6 (netlink, vsock, packet, …): EAFNOSUPPORT', () => {
    expectAll(
      [
        'socket_netlink',
        'socket_vsock',
        'socket_packet',
        'socket_alg',
        'socket_key',
        'socket_bluetooth',
        'socket_tipc',
        'socket_xdp',
        'socket_can',
        'socket_rds',
        'socket_unspec',
        'socketpair_netlink',
      ],
      'EAFNOSUPPORT',
    );
    // A family hidden in the upper 32 bits of the argument is refused too.
    expect(seen.socket_netlink_high_bits).not.toBe('ok');
    expectAll(['socket_unix', 'socket_inet', 'socket_inet6', 'socketpair_unix'], 'ok');
  });

  it('syscalls past the reviewed table: ENOSYS', () => {
    expectAll(['cachestat', 'unknown_999'], 'ENOSYS');
  });

  it.runIf(arch === 'x64')('the 32-bit x86 ABI (int 0x80) and x32 numbers: ENOSYS', async () => {
    const compile = await sb.run({
      argv: ['/bin/sh', '-c', 'gcc -O2 -o int80 int80.c && gcc -O2 -o x32 x32.c'],
      files: { 'int80.c': INT80, 'x32.c': X32 },
      collect: ['int80', 'x32'],
      limits: limits({ cpuMs: 20_000, wallMs: 40_000 }),
    });
    const { int80, x32 } = compile.files;
    if (!int80 || !x32) throw new Error(`gcc failed: ${describeReport(compile)}`);
    // Some kernels have no 32-bit entry at all (ia32_emulation=0, or a hypervisor without it): there
    // `int 0x80` is a general protection fault (SIGSEGV) even outside any sandbox. Learn which, on the host.
    const dir = mkdtempSync(join(tmpdir(), 'int80-'));
    let host: ReturnType<typeof spawnSync>;
    try {
      writeFileSync(join(dir, 'int80'), int80, { mode: 0o755 });
      host = spawnSync(join(dir, 'int80'), { encoding: 'utf8', timeout: 10_000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const r = await sb.run({ argv: ['./int80'], files: { int80 }, limits: limits() });
    if (host.signal === 'SIGSEGV' && host.stdout === '') {
      // The kernel refuses the ABI itself; inside the sandbox nothing may get further.
      expect(r.signal, describeReport(r)).toBe('SIGSEGV');
      expect(text(r.stdout)).toBe('');
    } else if (/^getpid -\d+\n/.test(String(host.stdout))) {
      // The kernel has no 32-bit entry but takes `int 0x80` as a call of its own ABI, which fails (User-Mode
      // Linux: getpid -22, write -2): inside the sandbox too, neither call may succeed and nothing is written.
      expect(r.status, describeReport(r)).toBe('exited');
      expect(text(r.stdout)).toMatch(/^getpid -\d+\nwrite -\d+\n$/);
    } else {
      expect(host.stdout).toMatch(/^getpid \d+\n/);
      expect(r.status, describeReport(r)).toBe('exited');
      // -38 is -ENOSYS; nothing was written through the 32-bit write.
      expect(text(r.stdout)).toBe('getpid -38\nwrite -38\n');
    }
    const rx = await sb.run({ argv: ['./x32'], files: { x32 }, limits: limits() });
    expect(rx.status, describeReport(rx)).toBe('exited');
    expect(text(rx.stdout)).toBe('x32 getpid -38\n');
  });
});
