/**
 * Judges through a running stack's API, as a user would (scripts/ci/images.sh runs it against the compose
 * stack): waits for `/ready` and a sandboxed worker, then submits a program in each language and a few that
 * must hit the sandbox's limits, and checks every verdict. Exits non-zero, saying what differed, otherwise.
 *
 *   node --import tsx scripts/ci/judge-stack.ts <api url> [<web url>]
 */
import {
  adminWorkersResponseSchema,
  authResponseSchema,
  jobResultSchema,
  submitResponseSchema,
  type JobResult,
  type SubmitRequest,
  type Verdict,
} from '@arbiter/contracts';
import type { z } from 'zod';

const [apiUrl, webUrl] = process.argv.slice(2);
if (apiUrl === undefined) {
  console.error('usage: judge-stack.ts <api url> [<web url>]');
  process.exit(2);
}
/** How long the stack may take to come up (a cold worker builds its precompiled C++ header first). */
const READY_WITHIN_MS = 300_000;
/** How long one job may take once submitted (queue, compile, run). */
const JOB_WITHIN_MS = 180_000;
const LANGUAGES = ['python', 'javascript', 'typescript', 'cpp', 'c', 'java'] as const;

interface Case {
  name: string;
  request: SubmitRequest;
  verdict: Verdict;
}

const SUM = { stdin: '2 40\n', expectedOutput: '42' };
const CASES: Case[] = [
  {
    name: 'python',
    request: {
      language: 'python',
      code: 'a, b = map(int, input().split())\nprint(a + b)\n',
      ...SUM,
      mode: 'run',
    },
    verdict: 'ACCEPTED',
  },
  {
    name: 'javascript',
    request: {
      language: 'javascript',
      code: "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n",
      ...SUM,
      mode: 'run',
    },
    verdict: 'ACCEPTED',
  },
  {
    name: 'typescript',
    request: {
      language: 'typescript',
      code:
        "import { readFileSync } from 'fs';\n" +
        "const [a, b]: number[] = readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n",
      ...SUM,
      mode: 'run',
    },
    verdict: 'ACCEPTED',
  },
  {
    name: 'cpp',
    request: {
      language: 'cpp',
      code: '#include <bits/stdc++.h>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b << "\\n"; }\n',
      ...SUM,
      mode: 'run',
    },
    verdict: 'ACCEPTED',
  },
  {
    name: 'c',
    request: {
      language: 'c',
      code: '#include <stdio.h>\nint main(void) { long a, b; if (scanf("%ld %ld", &a, &b) != 2) return 1; printf("%ld\\n", a + b); }\n',
      ...SUM,
      mode: 'run',
    },
    verdict: 'ACCEPTED',
  },
  {
    name: 'java',
    request: {
      language: 'java',
      code:
        'import java.util.Scanner;\npublic class Main {\n  public static void main(String[] args) {\n' +
        '    Scanner in = new Scanner(System.in);\n    System.out.println(in.nextLong() + in.nextLong());\n  }\n}\n',
      ...SUM,
      mode: 'run',
    },
    verdict: 'ACCEPTED',
  },
  // The limits, enforced through the container's cgroups: a wrong answer, CPU time, memory, tasks.
  {
    name: 'python, wrong answer',
    request: { language: 'python', code: 'print(41)\n', ...SUM, mode: 'run' },
    verdict: 'WRONG_ANSWER',
  },
  {
    name: 'c, endless loop',
    request: {
      language: 'c',
      code: 'int main(void) { volatile unsigned long n = 0; for (;;) n++; }\n',
      limits: { timeMs: 1000 },
      mode: 'run',
    },
    verdict: 'TIME_LIMIT_EXCEEDED',
  },
  {
    name: 'python, memory hog',
    request: {
      language: 'python',
      code: 'blocks = []\nwhile True:\n    blocks.append(bytearray(16 << 20))\n',
      limits: { memoryMb: 64 },
      mode: 'run',
    },
    verdict: 'MEMORY_LIMIT_EXCEEDED',
  },
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function call<T>(
  schema: z.ZodType<T>,
  path: string,
  init: RequestInit & { cookie?: string } = {},
): Promise<{ body: T; setCookie: string | null }> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  if (init.cookie !== undefined) headers.set('cookie', init.cookie);
  const answer = await fetch(`${apiUrl}${path}`, { ...init, headers });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${answer.status} ${text.slice(0, 500)}`);
  return { body: schema.parse(JSON.parse(text)), setCookie: answer.headers.get('set-cookie') };
}

/** Retries `attempt` until it resolves, or throws its last error once `withinMs` have passed. */
async function until<T>(what: string, withinMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + withinMs;
  let last: unknown;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${withinMs / 1000} s${last ? ` (${String(last)})` : ''}`);
    }
    await sleep(delay);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  await until('the API answering /ready', READY_WITHIN_MS, async () => {
    const answer = await fetch(`${apiUrl}/ready`);
    return answer.ok ? true : undefined;
  });
  console.log(`    API ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // The first account is an admin: it may list the workers and see which sandbox each one uses. (A stack
  // judged before, e.g. one left running with ARBITER_IMAGES_KEEP, already has it: sign in instead.)
  const account = JSON.stringify({ username: 'ci-admin', password: 'ci-admin-password' });
  const signup = await call(authResponseSchema, '/auth/signup', { method: 'POST', body: account }).catch(
    (error: unknown) => {
      if (error instanceof Error && / 409 /.test(error.message)) {
        return call(authResponseSchema, '/auth/login', { method: 'POST', body: account });
      }
      throw error;
    },
  );
  const cookie = signup.setCookie?.split(';')[0];
  if (cookie === undefined || signup.body.user.role !== 'admin')
    throw new Error('the first account is not an admin');
  const worker = await until('a worker with a sandbox and all six languages', READY_WITHIN_MS, async () => {
    const { body } = await call(adminWorkersResponseSchema, '/admin/workers', { cookie });
    return body.workers.find((w) => LANGUAGES.every((id) => w.languages.some((l) => l.id === id)));
  });
  if (!worker.sandbox.startsWith('bwrap+cgroup-')) {
    throw new Error(`the worker runs code with sandbox "${worker.sandbox}", not bubblewrap with cgroups`);
  }
  console.log(
    `    worker ${worker.id}: sandbox ${worker.sandbox}, ${worker.languages.map((l) => `${l.id} ${l.version}`).join(', ')}`,
  );

  const failures: string[] = [];
  const results = await Promise.all(
    CASES.map(async (c): Promise<[Case, JobResult]> => {
      const { body } = await call(submitResponseSchema, '/submit', {
        method: 'POST',
        body: JSON.stringify(c.request),
        cookie,
      });
      const result = await until(`the verdict of "${c.name}"`, JOB_WITHIN_MS, async () => {
        const status = await call(jobResultSchema, `/status/${body.jobId}`, { cookie });
        return status.body.status === 'completed' || status.body.status === 'failed'
          ? status.body
          : undefined;
      });
      return [c, result];
    }),
  );
  for (const [c, result] of results) {
    const line = `${c.name}: ${String(result.verdict)} (${result.status}, ${String(result.timeMs)} ms CPU, ${String(result.memoryKb)} KiB)`;
    console.log(`    ${line}`);
    if (result.verdict !== c.verdict) {
      failures.push(
        `${c.name}: expected ${c.verdict}, got ${String(result.verdict)}: ` +
          JSON.stringify({
            error: result.error,
            stdout: result.stdout.slice(0, 300),
            stderr: result.stderr.slice(0, 300),
            compileOutput: result.compileOutput.slice(0, 300),
          }),
      );
    }
  }

  if (webUrl !== undefined) {
    const page = await until('the web app answering /', READY_WITHIN_MS, async () => {
      const answer = await fetch(webUrl);
      return answer.ok ? answer.text() : undefined;
    });
    if (!page.includes('<html')) failures.push(`the web app's / is not an HTML page: ${page.slice(0, 200)}`);
    else console.log(`    web app answers / (${page.length} bytes)`);
  }

  if (failures.length > 0) throw new Error(`verdicts differ:\n${failures.join('\n')}`);
  console.log(`    ${CASES.length} verdicts as expected`);
}

main().catch((error: unknown) => {
  console.error(`judge-stack: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
