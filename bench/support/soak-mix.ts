/**
 * The soak's submissions: every language with a program for every verdict a program can earn
 * (accepted, wrong answer, compile error, runtime error, time limit by CPU and by sleeping,
 * memory limit, output limit), attacks on the sandbox (fork bombs, reading /etc/shadow, the
 * network, writing outside the work dir, a flood of output), and problem submissions; each with
 * the verdict (and, where it proves something, the output) it must end with. A seeded shuffle
 * makes the same mix every time; every fifth job carries a unique comment, so compiled languages
 * compile afresh instead of hitting the compile cache.
 */
import type { LanguageId, Verdict } from '@arbiter/contracts';
import { benchSolution } from './catalog.js';
import type { SubmitBody } from './client.js';

export interface SoakCase {
  /** e.g. `python/busy`, `attack/shadow`. */
  label: string;
  body: SubmitBody;
  verdict: Verdict;
  /** The exact stdout, when it proves the attack failed or the program really ran. */
  stdout?: string;
  /** Mode `submit`: needs a signed-in client. */
  signedIn: boolean;
}

export interface SoakJob extends SoakCase {
  index: number;
}

type Kind = 'hello' | 'wrong' | 'compile' | 'crash' | 'busy' | 'sleep' | 'memory' | 'output';

const PROGRAMS: Partial<Record<LanguageId, Record<Kind, string>>> = {
  python: {
    hello: 'print("hello")',
    wrong: 'print("hello")',
    compile: 'def broken(:\n    pass',
    crash: 'print("before")\nraise SystemExit(3)',
    busy: 'while True:\n    pass',
    sleep: 'import time\ntime.sleep(30)',
    memory: 'block = "x" * (600 * 1024 * 1024)\nprint(len(block))',
    output: 'while True:\n    print("spam" * 100)',
  },
  javascript: {
    hello: 'console.log("hello")',
    wrong: 'console.log("hello")',
    compile: 'function broken( {',
    crash: 'console.log("before"); process.exit(3)',
    busy: 'for (;;) {}',
    sleep: 'setTimeout(() => {}, 30000)',
    memory: 'const keep = []; for (;;) keep.push(new Array(1e6).fill(7));',
    output: 'for (;;) console.log("spam".repeat(100))',
  },
  typescript: {
    hello: 'const greeting: string = "hello";\nconsole.log(greeting)',
    wrong: 'const greeting: string = "hello";\nconsole.log(greeting)',
    compile: 'const x: number = ;',
    crash: 'console.log("before"); process.exit(3)',
    busy: 'for (;;) {}',
    sleep: 'setTimeout(() => {}, 30000)',
    memory: 'const keep: number[][] = []; for (;;) keep.push(new Array(1e6).fill(7));',
    output: 'for (;;) console.log("spam".repeat(100))',
  },
  cpp: {
    hello: '#include <iostream>\nint main() { std::cout << "hello" << std::endl; }',
    wrong: '#include <iostream>\nint main() { std::cout << "hello" << std::endl; }',
    compile: 'int main() { return missing; }',
    crash:
      '#include <cstdio>\nint main() { puts("before"); fflush(stdout); int *p = nullptr; *p = 1; return *p; }',
    busy: 'int main() { volatile unsigned long x = 0; for (;;) x++; }',
    sleep: '#include <unistd.h>\nint main() { sleep(30); }',
    memory:
      '#include <bits/stdc++.h>\nint main() { std::vector<char> v(600u << 20, 1); std::cout << (int)v[rand() % v.size()] << std::endl; }',
    output: '#include <cstdio>\nint main() { for (;;) puts("spamspamspamspamspamspamspamspam"); }',
  },
  c: {
    hello: '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }',
    wrong: '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }',
    compile: 'int main(void) { return missing; }',
    crash: '#include <stdio.h>\n#include <stdlib.h>\nint main(void) { puts("before"); exit(3); }',
    busy: 'int main(void) { volatile unsigned long x = 0; for (;;) x++; }',
    sleep: '#include <unistd.h>\nint main(void) { sleep(30); return 0; }',
    memory:
      '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nint main(void) { size_t n = 600u << 20; char *p = malloc(n); memset(p, 1, n); printf("%d\\n", p[rand() % n]); return 0; }',
    output: '#include <stdio.h>\nint main(void) { for (;;) puts("spamspamspamspamspamspamspamspam"); }',
  },
  java: {
    hello: 'public class Main { public static void main(String[] a) { System.out.println("hello"); } }',
    wrong: 'public class Main { public static void main(String[] a) { System.out.println("hello"); } }',
    compile: 'public class Main { public static void main(String[] a) { int x = "s"; } }',
    crash:
      'public class Main { public static void main(String[] a) { System.out.println("before"); System.exit(3); } }',
    busy: 'public class Main { public static void main(String[] a) { long x = 0; while (true) x++; } }',
    sleep:
      'public class Main { public static void main(String[] a) throws Exception { Thread.sleep(30000); } }',
    memory:
      'public class Main { public static void main(String[] a) { int[] big = new int[200_000_000]; big[7] = 1; System.out.println(big[7]); } }',
    output:
      'public class Main { public static void main(String[] a) { while (true) System.out.println("spamspamspamspam"); } }',
  },
};

const VERDICTS: Record<Kind, Verdict> = {
  hello: 'ACCEPTED',
  wrong: 'WRONG_ANSWER',
  compile: 'COMPILE_ERROR',
  crash: 'RUNTIME_ERROR',
  busy: 'TIME_LIMIT_EXCEEDED',
  sleep: 'TIME_LIMIT_EXCEEDED',
  memory: 'MEMORY_LIMIT_EXCEEDED',
  output: 'OUTPUT_LIMIT_EXCEEDED',
};

/** Short CPU limits keep the soak's time limits cheap; the JVM alone needs more to start. */
function limitsOf(language: LanguageId, kind: Kind): { timeMs: number; memoryMb: number } {
  const slow = language === 'java';
  const timeMs = kind === 'busy' || kind === 'sleep' ? (slow ? 1_000 : 300) : 2_000;
  const memoryMb = kind === 'memory' && !slow ? 64 : 256;
  return { timeMs, memoryMb };
}

function languageCases(): SoakCase[] {
  return (Object.entries(PROGRAMS) as [LanguageId, Record<Kind, string>][]).flatMap(([language, programs]) =>
    (Object.keys(VERDICTS) as Kind[]).map((kind): SoakCase => ({
      label: `${language}/${kind}`,
      body: {
        language,
        code: programs[kind],
        limits: limitsOf(language, kind),
        ...(kind === 'wrong' ? { expectedOutput: 'goodbye\n' } : {}),
      },
      verdict: VERDICTS[kind],
      ...(kind === 'hello' || kind === 'wrong' ? { stdout: 'hello\n' } : {}),
      signedIn: false,
    })),
  );
}

const py = (code: string) => ({ language: 'python', code, limits: { timeMs: 2_000, memoryMb: 256 } });

/** Attacks: each must fail in a way the verdict and output prove. */
const ATTACKS: SoakCase[] = [
  {
    // Forks until the task limit refuses; the children die with the run.
    label: 'attack/fork-bomb-python',
    body: py(
      'import os, sys, time\nfor _ in range(500):\n    try:\n        pid = os.fork()\n    except OSError:\n        print("fork refused", flush=True)\n        sys.exit(0)\n    if pid == 0:\n        time.sleep(5)\n        os._exit(0)\nprint("forked 500")',
    ),
    verdict: 'ACCEPTED',
    stdout: 'fork refused\n',
    signedIn: false,
  },
  {
    // Every process forks forever: the whole run's CPU limit ends it.
    label: 'attack/fork-bomb-c',
    body: {
      language: 'c',
      code: '#include <unistd.h>\nint main(void) { for (;;) fork(); }',
      limits: { timeMs: 300, memoryMb: 256 },
    },
    verdict: 'TIME_LIMIT_EXCEEDED',
    signedIn: false,
  },
  {
    label: 'attack/shadow',
    body: py(
      'try:\n    print(open("/etc/shadow").read()[:20])\nexcept OSError:\n    print("denied")\ntry:\n    print(open("/root/.bashrc").read()[:20])\nexcept OSError:\n    print("denied")',
    ),
    verdict: 'ACCEPTED',
    stdout: 'denied\ndenied\n',
    signedIn: false,
  },
  {
    // Redis and PostgreSQL on the host, and the outside world.
    label: 'attack/network',
    body: py(
      'import socket\nfor host, port in [("127.0.0.1", 6379), ("127.0.0.1", 5432), ("1.1.1.1", 53)]:\n    try:\n        socket.create_connection((host, port), 1)\n        print("CONNECTED", host)\n    except OSError:\n        print("no network")',
    ),
    verdict: 'ACCEPTED',
    stdout: 'no network\nno network\nno network\n',
    signedIn: false,
  },
  {
    label: 'attack/write-outside',
    body: py(
      'import os\nfor path in ["/usr/lib/evil", "/etc/evil", "/evil", "/var/tmp/evil"]:\n    try:\n        open(path, "w").write("x")\n        print("WROTE", path)\n    except OSError:\n        print("denied")\nopen("/tmp/fine", "w").write("ok")\nprint(open("/tmp/fine").read())',
    ),
    verdict: 'ACCEPTED',
    stdout: 'denied\ndenied\ndenied\ndenied\nok\n',
    signedIn: false,
  },
  {
    label: 'attack/output-flood',
    body: {
      language: 'javascript',
      code: 'const block = "x".repeat(1 << 16); for (;;) process.stdout.write(block);',
      limits: { timeMs: 2_000, memoryMb: 256 },
    },
    verdict: 'OUTPUT_LIMIT_EXCEEDED',
    signedIn: false,
  },
];

const PROBLEMS: SoakCase[] = [
  {
    label: 'two-sum/python',
    body: { language: 'python', code: benchSolution('py'), problem: 'two-sum', mode: 'submit' },
    verdict: 'ACCEPTED',
    signedIn: true,
  },
  {
    label: 'two-sum/python-wrong',
    body: {
      language: 'python',
      code: 'class Solution:\n    def twoSum(self, nums, target):\n        return [0, 0]\n',
      problem: 'two-sum',
      mode: 'submit',
    },
    verdict: 'WRONG_ANSWER',
    signedIn: true,
  },
  {
    label: 'two-sum/cpp',
    body: { language: 'cpp', code: benchSolution('cpp'), problem: 'two-sum', mode: 'submit' },
    verdict: 'ACCEPTED',
    signedIn: true,
  },
];

export function soakCases(): SoakCase[] {
  return [...languageCases(), ...ATTACKS, ...PROBLEMS];
}

/** A small seeded generator (mulberry32), so a mix can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` jobs: the cases in a fresh shuffled order each round, so any `count` of at least the
 * number of cases covers every one of them.
 */
export function generateSoak(count: number, seed = 1): SoakJob[] {
  const cases = soakCases();
  const random = seeded(seed);
  const run = Date.now().toString(36);
  const jobs: SoakJob[] = [];
  while (jobs.length < count) {
    const order = cases.map((c) => ({ c, key: random() })).sort((a, b) => a.key - b.key);
    for (const { c } of order) {
      if (jobs.length === count) break;
      const index = jobs.length;
      const comment = c.body.language === 'python' ? '#' : '//';
      const code = index % 5 === 0 ? `${comment} soak ${run}-${index}\n${c.body.code}` : c.body.code;
      jobs.push({ ...c, index, body: { ...c.body, code } });
    }
  }
  return jobs;
}
