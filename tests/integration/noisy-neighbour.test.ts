/**
 * The noisy neighbour: one client sends every known attack on the sandbox, the judge and the worker, round
 * after round, while other clients' ordinary jobs in all six languages must all finish with the right
 * verdict and output, and the platform (the API and the worker, each its own process, on the real Redis
 * and the real sandbox) stays up. Each attack must also end with the verdict that proves it was contained.
 * Results are awaited as Socket.IO `result` events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, type JobResult, type LanguageId, type Verdict } from '@arbiter/contracts';
import {
  cleanup,
  connect,
  getStatus,
  listeningPort,
  spawnApp,
  submit,
  subscribe,
  testPrefix,
  type ChildApp,
  type ClientSocket,
} from '../support/platform.js';

/** Rounds of the whole attack list: bounded, so the test takes a couple of minutes. */
const ATTACK_ROUNDS = 2;
/** Clients with ordinary jobs. */
const NEIGHBOURS = 2;

const prefix = testPrefix();
let api: ChildApp;
let worker: ChildApp;
let url: string;

beforeAll(async () => {
  [api, worker] = await Promise.all([
    spawnApp(
      'api',
      {
        REDIS_PREFIX: prefix,
        PORT: '0',
        SUBMIT_RATE_PER_MINUTE_IP: '0',
        SUBMIT_RATE_PER_MINUTE_USER: '0',
      },
      'api listening',
    ),
    spawnApp('worker', { REDIS_PREFIX: prefix, WORKER_CONCURRENCY: '2' }, 'worker ready'),
  ]);
  url = `http://127.0.0.1:${listeningPort(api)}`;
  // Each start may take up to a minute on a loaded machine (the worker builds and tests its sandbox).
}, 150_000);

afterAll(async () => {
  for (const app of [worker, api]) {
    if (app && app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
    await app?.exited;
  }
  await cleanup(prefix);
});

interface Attack {
  label: string;
  body: Record<string, unknown>;
  /** Verdicts that prove the attack was contained. */
  verdicts: Verdict[];
  /** The stdout (exact, or a pattern), when it proves the attack failed. */
  stdout?: string | RegExp;
}

const py = (code: string, limits: Record<string, number> = {}) => ({
  language: 'python',
  code,
  limits: { timeMs: 2_000, memoryMb: 256, ...limits },
});

const ENUM_BOMB = [
  'enum E {',
  '  a = "xx",',
  ...Array.from(
    { length: 40 },
    (_, i) => `  m${i} = ${i === 0 ? 'a' : `m${i - 1}`} + ${i === 0 ? 'a' : `m${i - 1}`},`,
  ),
  '}',
  'console.log(E.m39.length);',
].join('\n');

const ATTACKS: Attack[] = [
  {
    label: 'fork bomb (python, until the task limit refuses)',
    body: py(
      'import os, sys, time\nfor _ in range(500):\n    try:\n        pid = os.fork()\n    except OSError:\n        print("fork refused", flush=True)\n        sys.exit(0)\n    if pid == 0:\n        time.sleep(5)\n        os._exit(0)\nprint("forked 500")',
    ),
    verdicts: ['ACCEPTED'],
    stdout: 'fork refused\n',
  },
  {
    label: 'fork bomb (C, every process forks forever)',
    body: {
      language: 'c',
      code: '#include <unistd.h>\nint main(void) { for (;;) fork(); }',
      limits: { timeMs: 300, memoryMb: 256 },
    },
    verdicts: ['TIME_LIMIT_EXCEEDED'],
  },
  {
    label: 'thread bomb',
    body: py(
      'import threading, time\nn = 0\ntry:\n    while True:\n        threading.Thread(target=time.sleep, args=(5,), daemon=True).start()\n        n += 1\nexcept RuntimeError:\n    print("thread refused", n < 100)',
    ),
    verdicts: ['ACCEPTED'],
    stdout: 'thread refused True\n',
  },
  {
    label: 'memory bomb',
    body: py('block = b"x" * (600 << 20)\nprint(len(block))', { memoryMb: 64 }),
    verdicts: ['MEMORY_LIMIT_EXCEEDED'],
    stdout: '',
  },
  {
    label: "a binary's 60 MiB of initialised data under a 40 MiB limit",
    body: {
      language: 'c',
      code: '#include <stdio.h>\nstatic char big[60 << 20] = {1};\nint main(void) { long s = 0; for (unsigned long i = 0; i < sizeof big; i += 4096) s += big[i]; printf("%ld\\n", s); return 0; }',
      limits: { timeMs: 1_000, memoryMb: 40 },
    },
    verdicts: ['MEMORY_LIMIT_EXCEEDED'],
    stdout: '',
  },
  {
    label: 'disk fill: /box, /tmp and /dev/shm until they are full',
    body: py(
      [
        'import os',
        'chunk = b"x" * (8 << 20)',
        'for folder in ["/box", "/tmp", "/dev/shm"]:',
        '    try:',
        '        for i in range(1000):',
        '            with open(os.path.join(folder, f"fill{i}"), "wb") as f:',
        '                f.write(chunk)',
        '    except OSError:',
        '        print("full")',
      ].join('\n'),
      { memoryMb: 448, timeMs: 5_000 },
    ),
    verdicts: ['ACCEPTED'],
    stdout: 'full\nfull\nfull\n',
  },
  {
    label: 'a path longer than PATH_MAX in the work dir (2,500 nested folders)',
    body: py(
      'import os\nfor _ in range(2500):\n    os.mkdir("dddddddd")\n    os.chdir("dddddddd")\nopen("deep.txt", "w").write("x")\nprint(len(os.getcwd()) > 4096)',
    ),
    verdicts: ['ACCEPTED'],
    stdout: 'True\n',
  },
  {
    label: 'one-byte writes',
    body: {
      language: 'c',
      code: '#include <unistd.h>\nint main(void) { for (;;) if (write(1, "x", 1) != 1) return 1; }',
      limits: { timeMs: 1_000, memoryMb: 256 },
    },
    verdicts: ['OUTPUT_LIMIT_EXCEEDED', 'TIME_LIMIT_EXCEEDED'],
  },
  {
    label: 'huge output',
    body: {
      language: 'javascript',
      code: 'const block = "x".repeat(1 << 16); for (;;) process.stdout.write(block);',
      limits: { timeMs: 2_000, memoryMb: 256 },
    },
    verdicts: ['OUTPUT_LIMIT_EXCEEDED'],
  },
  {
    label: 'infinite loop',
    body: py('while True:\n    pass', { timeMs: 500 }),
    verdicts: ['TIME_LIMIT_EXCEEDED'],
  },
  {
    label: 'sleeping past the wall clock',
    body: py('import time\ntime.sleep(60)', { timeMs: 300 }),
    verdicts: ['TIME_LIMIT_EXCEEDED'],
  },
  {
    label: 'a TypeScript enum that doubles a string 40 times (compile bomb)',
    body: { language: 'typescript', code: ENUM_BOMB },
    verdicts: ['COMPILE_ERROR'],
  },
  {
    label: '4 KB of TypeScript with 400 errors (compile output that grows with the square of the source)',
    body: { language: 'typescript', code: 'let a = 1; '.repeat(400) },
    verdicts: ['COMPILE_ERROR'],
  },
  {
    label: 'invalid UTF-8 output (each byte triples when decoded)',
    body: py('import sys\nsys.stdout.buffer.write(b"\\xff" * (1 << 20))'),
    verdicts: ['ACCEPTED', 'OUTPUT_LIMIT_EXCEEDED'],
  },
  {
    label: 'reading /proc: the worker, its environment, other runs',
    body: py(
      [
        'import os',
        'pids = [p for p in os.listdir("/proc") if p.isdigit()]',
        'env = open("/proc/1/environ", "rb").read()',
        'mounts = open("/proc/self/mountinfo").read()',
        'print(len(pids) <= 3, b"REDIS" in env, b"DATABASE" in env, "/etc/shadow" in mounts)',
        'print(os.path.exists("/sys/fs/cgroup"), os.path.exists("/proc/sys/kernel/core_pattern") and os.access("/proc/sys/kernel/core_pattern", os.W_OK))',
      ].join('\n'),
    ),
    verdicts: ['ACCEPTED'],
    stdout: 'True False False False\nFalse False\n',
  },
  {
    label: 'descriptors leaked from the worker',
    body: py(
      'import os\nfds = sorted(int(f) for f in os.listdir("/proc/self/fd"))\nprint([f for f in fds if f > 3])',
    ),
    verdicts: ['ACCEPTED'],
    stdout: '[]\n',
  },
  {
    label: 'network: Redis, PostgreSQL and the outside',
    body: py(
      'import socket\nfor host, port in [("127.0.0.1", 6379), ("127.0.0.1", 5432), ("1.1.1.1", 53)]:\n    try:\n        socket.create_connection((host, port), 1)\n        print("CONNECTED", host)\n    except OSError:\n        print("no network")',
    ),
    verdicts: ['ACCEPTED'],
    stdout: 'no network\nno network\nno network\n',
  },
  {
    label: 'host secrets and writes outside the sandbox',
    body: py(
      'import os\nfor path in ["/etc/shadow", "/root/.bashrc"]:\n    try:\n        print(open(path).read()[:20])\n    except OSError:\n        print("denied")\nfor path in ["/usr/lib/evil", "/etc/evil", "/evil", "/var/tmp/evil"]:\n    try:\n        open(path, "w").write("x")\n        print("WROTE", path)\n    except OSError:\n        print("denied")',
    ),
    verdicts: ['ACCEPTED'],
    stdout: 'denied\n'.repeat(6),
  },
  {
    label: 'function harness: reading every descriptor and /run/sandbox for the other tests (two-sum)',
    body: {
      language: 'python',
      problem: 'two-sum',
      mode: 'run',
      code: [
        'import fcntl, glob, os',
        'CALLS = []',
        'class Solution:',
        '    def twoSum(self, nums, target):',
        '        CALLS.append(1)',
        '        if len(CALLS) > 1:',
        '            return [-1, -1]',
        '        seen = b""',
        '        for path in glob.glob("/run/sandbox/*") + glob.glob("/proc/self/fd/*"):',
        '            try:',
        '                seen += open(path, "rb").read(1 << 20)',
        '            except Exception:',
        '                pass',
        '        for fd in range(64):',
        '            try:',
        '                fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)',
        '                seen += os.read(fd, 1 << 20)',
        '            except Exception:',
        '                pass',
        '        print("found", seen.count(b"[["))',
        '        return [-1, -1]',
      ].join('\n'),
    },
    verdicts: ['WRONG_ANSWER'],
    // What it reads off fd 0 may be the harness's next test: that harness process then fails, and a run
    // goes on with the tests left in a fresh one, where the program starts over and looks again.
    stdout: /^(found 0\n)+$/,
  },
  {
    label: 'function harness: forged answers on every descriptor, then a late compile record (two-sum)',
    body: {
      language: 'python',
      problem: 'two-sum',
      mode: 'run',
      code: [
        'import os',
        'class Solution:',
        '    def twoSum(self, nums, target):',
        '        data = b"0 ok [0,1]\\n1 ok [1,2]\\ncompile \\"forged\\"\\n"',
        '        for fd in range(64):',
        '            try:',
        '                os.write(fd, data)',
        '            except Exception:',
        '                pass',
        '        return [-1, -1]',
      ].join('\n'),
    },
    verdicts: ['WRONG_ANSWER', 'RUNTIME_ERROR'],
  },
  {
    label: 'kill -9 -1',
    // Reaches only the run's own processes (a pid namespace of its own): the run may end itself.
    body: py('import os, signal\nos.kill(-1, signal.SIGKILL)\nprint("alive")'),
    verdicts: ['ACCEPTED', 'RUNTIME_ERROR'],
  },
];

/** An ordinary program per language: reads two numbers, prints their sum. */
const SUM: Partial<Record<LanguageId, string>> = {
  python: 'a, b = map(int, input().split())\nprint(a + b)',
  javascript:
    "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a + b);",
  typescript:
    "import { readFileSync } from 'fs';\nconst [a, b]: number[] = readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a + b);",
  c: '#include <stdio.h>\nint main(void) { long a, b; if (scanf("%ld %ld", &a, &b) != 2) return 1; printf("%ld\\n", a + b); return 0; }',
  cpp: '#include <iostream>\nint main() { long a, b; std::cin >> a >> b; std::cout << a + b << std::endl; }',
  java: 'import java.util.Scanner;\npublic class Main { public static void main(String[] x) { Scanner s = new Scanner(System.in); long a = s.nextLong(), b = s.nextLong(); System.out.println(a + b); } }',
};
const LANGUAGES = Object.keys(SUM) as LanguageId[];

/** A Socket.IO client that submits jobs and awaits each one's `result` event. */
class Client {
  private readonly socket: ClientSocket;

  constructor() {
    this.socket = connect(url).socket;
  }

  async judge(body: Record<string, unknown>): Promise<JobResult> {
    const jobId = await submit(url, body);
    const finished = new Promise<void>((resolve) => {
      const onResult = (payload: { jobId: string }): void => {
        if (payload.jobId !== jobId) return;
        this.socket.off('result', onResult);
        resolve();
      };
      this.socket.on('result', onResult);
    });
    // Subscribing replays what already happened: a result that came first is not missed.
    await subscribe(this.socket, jobId);
    await finished;
    return (await getStatus(url, jobId)).body;
  }

  close(): void {
    this.socket.close();
  }
}

interface Finished {
  what: string;
  result: JobResult;
}

describe('a noisy neighbour', () => {
  it("cannot hurt other clients' jobs, in any language, nor take the platform down", async () => {
    const attacker = new Client();
    const neighbours = Array.from({ length: NEIGHBOURS }, () => new Client());
    const attacks: Array<Finished & { attack: Attack }> = [];
    const ordinary: Array<Finished & { expected: string }> = [];
    let attacking = true;
    let serial = 0;

    const neighbourRound = (client: Client, n: number) =>
      Promise.all(
        LANGUAGES.map(async (language) => {
          const a = 1_000 * n + (serial += 1);
          const b = 7 * serial;
          const expected = `${a + b}\n`;
          const result = await client.judge({
            language,
            code: SUM[language],
            stdin: `${a} ${b}\n`,
            expectedOutput: expected,
          });
          ordinary.push({ what: `client ${n}, ${language}`, result, expected });
        }),
      );

    try {
      const attackLoop = (async () => {
        try {
          // Each round sends every attack at once, and the next round starts when all have ended.
          for (let round = 0; round < ATTACK_ROUNDS; round += 1) {
            await Promise.all(
              ATTACKS.map(async (attack) => {
                const result = await attacker.judge(attack.body);
                attacks.push({ what: `round ${round + 1}: ${attack.label}`, result, attack });
              }),
            );
          }
        } finally {
          attacking = false;
        }
      })();
      // Each neighbour keeps sending a job in every language while the attacks go on.
      const neighbourLoops = neighbours.map(async (client, n) => {
        do await neighbourRound(client, n);
        while (attacking);
      });
      await Promise.all([attackLoop, ...neighbourLoops]);
      // And once more after the last attack.
      await Promise.all(neighbours.map((client, n) => neighbourRound(client, n)));
    } finally {
      attacker.close();
      for (const client of neighbours) client.close();
    }

    const contained = attacks.flatMap(({ what, result, attack }) => {
      // Whatever an attack printed, every stored text stays within the one byte cap (plus its marker).
      const capped = [result.stdout, result.stderr, result.compileOutput].every(
        (t) => Buffer.byteLength(t) <= MAX_TEXT_BYTES + 64,
      );
      const ok =
        capped &&
        result.status === 'completed' &&
        result.verdict !== null &&
        attack.verdicts.includes(result.verdict) &&
        (attack.stdout === undefined ||
          (typeof attack.stdout === 'string'
            ? result.stdout === attack.stdout
            : attack.stdout.test(result.stdout)));
      return ok
        ? []
        : [
            `${what}: ${result.status} ${String(result.verdict)} ${JSON.stringify(result.stdout.slice(0, 200))} ${result.error ?? ''}`,
          ];
    });
    expect(contained).toEqual([]);
    expect(attacks).toHaveLength(ATTACK_ROUNDS * ATTACKS.length);

    const wrong = ordinary.flatMap(({ what, result, expected }) =>
      result.status === 'completed' && result.verdict === 'ACCEPTED' && result.stdout === expected
        ? []
        : [
            `${what}: ${result.status} ${String(result.verdict)} ${JSON.stringify(result.stdout)} ${result.error ?? ''}`,
          ],
    );
    expect(wrong).toEqual([]);
    // Every neighbour got at least two rounds in every language: one during the attacks, one after.
    expect(ordinary.length).toBeGreaterThanOrEqual(NEIGHBOURS * LANGUAGES.length * 2);

    // The platform is up: both processes alive, the API answers, the worker never restarted.
    expect(api.child.exitCode).toBeNull();
    expect(worker.child.exitCode).toBeNull();
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(worker.output()).not.toMatch(/uncaught|unhandled/i);
  }, 600_000);
});
