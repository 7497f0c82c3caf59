/**
 * Every verdict, in every language, through `POST /submit` to the result: the real API,
 * worker and sandbox. What a user sees for hello, stdin, compile errors, crashes, time,
 * memory and output limits.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWorkersResponseSchema, type LanguageId, type JobResult } from '@arbiter/contracts';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  base,
  cleanup,
  signUp,
  startApi,
  startWorkerInProcess,
  submit,
  testPrefix,
  waitFor,
  waitForResult,
} from '../support/platform.js';
import { cpuScaledMs, scaledMs } from '../support/speed-factor.js';

const prefix = testPrefix();
/**
 * The CPU limit of a case, chosen for the reference machine and scaled by the start-up factor: room for the
 * language's start (docs/DEPLOY.md, "How cgroup v2 is tested").
 */
const TIME_MS = scaledMs(1_000);
/** The CPU a busy loop gets past the language's start before its time limit: scaled by the CPU factor. */
const BUSY_MS = cpuScaledMs(1_000);
/** The CPU time of each language's `hello` here (its start), measured by the sandbox in the first case. */
const startCpuMs = new Map<LanguageId, number>();

/**
 * The CPU limit of the cases that wait for a limit, which no longer needs the start-up factor's room once the
 * language's start is measured: `busy` gets its start plus BUSY_MS, so the loop itself reaches the limit;
 * `sleep` gets 3 × its start (at least BUSY_MS), so the wall clock (3 × the CPU limit + 1 s) stops it and
 * not the CPU limit. Never more than TIME_MS (and TIME_MS when `hello` did not run).
 */
function waitedLimitMs(language: LanguageId, which: 'busy' | 'sleep'): number {
  const start = startCpuMs.get(language);
  if (start === undefined) return TIME_MS;
  return Math.min(TIME_MS, which === 'busy' ? start + BUSY_MS : Math.max(BUSY_MS, 3 * start));
}
let api: ApiServer;
let worker: RunningWorker;

beforeAll(async () => {
  api = await startApi(prefix, { MAX_TIME_MS: String(Math.max(15_000, scaledMs(10_000))) });
  // Compiles get the same room as on the reference machine.
  worker = await startWorkerInProcess(prefix, {
    WORKER_CONCURRENCY: '2',
    COMPILE_TIME_MS: String(Math.max(15_000, scaledMs(15_000))),
  });
});

afterAll(async () => {
  await worker?.stop(2_000);
  await api?.close(1_000);
  await cleanup(prefix);
});

interface Program {
  code: string;
  stdin?: string;
}

type Case = 'hello' | 'echo' | 'compile' | 'crash' | 'busy' | 'sleep' | 'memory' | 'output';

const PROGRAMS: Partial<Record<LanguageId, Record<Case, Program>>> = {
  python: {
    hello: { code: 'print("hello")' },
    echo: { code: 'import sys\nsys.stdout.write(sys.stdin.read())', stdin: 'line 1\nline 2\n' },
    compile: { code: 'def broken(:\n    pass' },
    crash: { code: 'print("before")\nraise SystemExit(3)' },
    busy: { code: 'while True:\n    pass' },
    sleep: { code: 'import time\ntime.sleep(3600)' },
    memory: { code: 'block = "x" * (600 * 1024 * 1024)\nprint(len(block))' },
    output: { code: 'while True:\n    print("spam" * 100)' },
  },
  javascript: {
    hello: { code: 'console.log("hello")' },
    echo: { code: "process.stdout.write(require('fs').readFileSync(0, 'utf8'))", stdin: 'line 1\nline 2\n' },
    compile: { code: 'function broken( {' },
    crash: { code: 'console.log("before"); process.exit(3)' },
    busy: { code: 'for (;;) {}' },
    sleep: { code: 'setTimeout(() => {}, 3_600_000)' },
    memory: { code: 'const keep = []; for (;;) keep.push(new Array(1e6).fill(7));' },
    output: { code: 'for (;;) console.log("spam".repeat(100))' },
  },
  typescript: {
    hello: { code: 'const greeting: string = "hello";\nconsole.log(greeting)' },
    echo: {
      code: "process.stdout.write(require('fs').readFileSync(0, 'utf8') as string)",
      stdin: 'line 1\nline 2\n',
    },
    compile: { code: 'const x: number = ;' },
    crash: { code: 'console.log("before"); process.exit(3)' },
    busy: { code: 'for (;;) {}' },
    sleep: { code: 'setTimeout(() => {}, 3_600_000)' },
    memory: { code: 'const keep: number[][] = []; for (;;) keep.push(new Array(1e6).fill(7));' },
    output: { code: 'for (;;) console.log("spam".repeat(100))' },
  },
  cpp: {
    hello: { code: '#include <iostream>\nint main() { std::cout << "hello" << std::endl; }' },
    echo: {
      code: '#include <bits/stdc++.h>\nint main() { std::cout << std::cin.rdbuf(); }',
      stdin: 'line 1\nline 2\n',
    },
    compile: { code: 'int main() { return missing; }' },
    crash: {
      code: '#include <cstdio>\nint main() { puts("before"); fflush(stdout); int *p = nullptr; *p = 1; return *p; }',
    },
    busy: { code: 'int main() { volatile unsigned long x = 0; for (;;) x++; }' },
    sleep: { code: '#include <unistd.h>\nint main() { sleep(3600); }' },
    memory: {
      code: '#include <bits/stdc++.h>\nint main() { std::vector<char> v(600u << 20, 1); std::cout << (int)v[rand() % v.size()] << std::endl; }',
    },
    output: { code: '#include <cstdio>\nint main() { for (;;) puts("spamspamspamspamspamspamspamspam"); }' },
  },
  c: {
    hello: { code: '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }' },
    echo: {
      code: '#include <stdio.h>\nint main(void) { int c; while ((c = getchar()) != EOF) putchar(c); return 0; }',
      stdin: 'line 1\nline 2\n',
    },
    compile: { code: 'int main(void) { return missing; }' },
    crash: { code: '#include <stdio.h>\n#include <stdlib.h>\nint main(void) { puts("before"); exit(3); }' },
    busy: { code: 'int main(void) { volatile unsigned long x = 0; for (;;) x++; }' },
    sleep: { code: '#include <unistd.h>\nint main(void) { sleep(3600); return 0; }' },
    memory: {
      code: '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nint main(void) { size_t n = 600u << 20; char *p = malloc(n); memset(p, 1, n); printf("%d\\n", p[rand() % n]); return 0; }',
    },
    output: {
      code: '#include <stdio.h>\nint main(void) { for (;;) puts("spamspamspamspamspamspamspamspam"); }',
    },
  },
  java: {
    hello: {
      code: 'public class Main { public static void main(String[] a) { System.out.println("hello"); } }',
    },
    echo: {
      code: 'public class Main { public static void main(String[] a) throws Exception { System.out.write(System.in.readAllBytes()); System.out.flush(); } }',
      stdin: 'line 1\nline 2\n',
    },
    compile: { code: 'public class Main { public static void main(String[] a) { int x = "s"; } }' },
    crash: {
      code: 'public class Main { public static void main(String[] a) { System.out.println("before"); System.exit(3); } }',
    },
    busy: {
      code: 'public class Main { public static void main(String[] a) { long x = 0; while (true) x++; } }',
    },
    sleep: {
      code: 'public class Main { public static void main(String[] a) throws Exception { Thread.sleep(3_600_000); } }',
    },
    memory: {
      code: 'public class Main { public static void main(String[] a) { int[] big = new int[200_000_000]; big[7] = 1; System.out.println(big[7]); } }',
    },
    output: {
      code: 'public class Main { public static void main(String[] a) { while (true) System.out.println("spamspamspamspam"); } }',
    },
  },
};

const EXPECTED: Record<Case, Partial<JobResult>> = {
  hello: { verdict: 'ACCEPTED', stdout: 'hello\n', exitCode: 0 },
  echo: { verdict: 'ACCEPTED', stdout: 'line 1\nline 2\n' },
  compile: { verdict: 'COMPILE_ERROR' },
  crash: { verdict: 'RUNTIME_ERROR' },
  busy: { verdict: 'TIME_LIMIT_EXCEEDED' },
  sleep: { verdict: 'TIME_LIMIT_EXCEEDED' },
  memory: { verdict: 'MEMORY_LIMIT_EXCEEDED' },
  output: { verdict: 'OUTPUT_LIMIT_EXCEEDED' },
};

/** The CPU limit of a case. */
function timeLimitMs(language: LanguageId, which: Case): number {
  // Filling 256 MiB costs over a second of CPU in page faults on some VMs here: in the memory case the CPU
  // limit is not the subject, so it leaves room for the memory limit to be what stops the program.
  if (which === 'memory') return scaledMs(10_000);
  if (which === 'busy' || which === 'sleep') return waitedLimitMs(language, which);
  return TIME_MS;
}

async function judge(language: LanguageId, which: Case, timeMs: number): Promise<JobResult> {
  const program = PROGRAMS[language]?.[which];
  if (program === undefined) throw new Error(`no ${which} program for ${language}`);
  const jobId = await submit(base(api), {
    language,
    code: program.code,
    stdin: program.stdin,
    limits: { timeMs, memoryMb: 256 },
  });
  return waitForResult(base(api), jobId, scaledMs(60_000));
}

describe.each(Object.keys(PROGRAMS) as LanguageId[])('%s', (language) => {
  // In order: `hello` first, whose CPU time the waiting cases build on.
  it.each(Object.keys(EXPECTED) as Case[])('%s', async (which) => {
    const timeMs = timeLimitMs(language, which);
    const result = await judge(language, which, timeMs);
    expect(result).toMatchObject({ status: 'completed', ...EXPECTED[which] });
    switch (which) {
      case 'hello':
        if (result.timeMs !== null) startCpuMs.set(language, Math.ceil(result.timeMs));
        break;
      case 'compile':
        expect(result.compileOutput.length).toBeGreaterThan(0);
        expect(result.timeMs).toBeNull();
        break;
      case 'crash':
        expect(result.stdout).toBe('before\n');
        if (language === 'cpp') expect(result.signal).toBe('SIGSEGV');
        else expect(result.exitCode).toBe(3);
        break;
      case 'busy':
        expect(
          result.timeMs,
          JSON.stringify({ timeMs, start: startCpuMs.get(language), result }),
        ).toBeGreaterThanOrEqual(timeMs);
        break;
      case 'sleep':
        // Sleeping costs no CPU: the wall clock (3 × CPU + 1 s) stops it.
        expect(result.wallTimeMs).toBeGreaterThanOrEqual(3 * timeMs + 1_000);
        expect(result.timeMs).toBeLessThan(timeMs);
        break;
      case 'output':
        expect(result.stdout.length).toBeLessThanOrEqual(result.limits.outputBytes);
        break;
      default:
        break;
    }
  });
});

describe('compiled languages', () => {
  it(
    'compile C++ with the precompiled header and serve resubmissions from the cache',
    async () => {
      const started = Date.now();
      while (worker.compile.pchDir === undefined && Date.now() - started < scaledMs(60_000)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(worker.compile.pchDir).toBeDefined();
      const hitsBefore = worker.compile.cache?.hits ?? 0;
      const code = `#include <bits/stdc++.h>\nint main() { std::cout << ${Date.now()} % 7 << std::endl; }`;
      const first = await waitForResult(
        base(api),
        await submit(base(api), { language: 'cpp', code }),
        scaledMs(20_000),
      );
      const again = await waitForResult(
        base(api),
        await submit(base(api), { language: 'cpp', code }),
        scaledMs(20_000),
      );
      expect(again.stdout).toBe(first.stdout);
      expect(worker.compile.cache?.hits).toBe(hitsBefore + 1);
      // The header is built in the background while the worker starts: on a busy machine that alone can take
      // longer than a test's default time, so the budget is the waits' own.
    },
    scaledMs(60_000 + 2 * 20_000 + 10_000),
  );
});

describe('the worker that judged them', () => {
  it("shows the host's cgroup driver in GET /admin/workers", async () => {
    // cgroup v2 when the unified hierarchy is mounted at /sys/fs/cgroup (the guest of npm run test:cgroup-v2),
    // v1 on a v1 or hybrid host.
    const expected =
      process.env.TEST_SANDBOX === 'none'
        ? 'none'
        : existsSync('/sys/fs/cgroup/cgroup.controllers')
          ? 'cgroup-v2'
          : 'cgroup-v1';
    const admin = await signUp(base(api), 'verdicts-admin'); // the first account of this prefix's database
    let answer = adminWorkersResponseSchema.parse({ workers: [] });
    await waitFor(
      async () => {
        const response = await fetch(`${base(api)}/admin/workers`, { headers: { cookie: admin } });
        answer = adminWorkersResponseSchema.parse(await response.json());
        return answer.workers.some((listed) => listed.id === worker.id);
      },
      scaledMs(10_000),
      () => `worker ${worker.id} not listed: ${JSON.stringify(answer)}`,
    );
    const listed = answer.workers.find((candidate) => candidate.id === worker.id);
    expect(listed?.sandboxDriver).toBe(expected);
    if (expected !== 'none') expect(listed?.sandbox).toBe(`bwrap+${expected}`);
  });
});
