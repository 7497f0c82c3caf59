/**
 * Judging programs in every language, end to end through a real runner: hello, stdin,
 * compile errors, runtime errors, wrong answers, limits. Runs on the development runner;
 * the sandbox's own suite proves isolation.
 */
import { describe, expect, it } from 'vitest';
import { createUnsandboxedSandbox } from '@arbiter/sandbox';
import { resolveLimits, type LanguageId } from '@arbiter/contracts';
import { compileStepLimits, COMPILE_STEP_LIMITS, judgeProgram, type ProgramJob } from '../src/index.js';

const sandbox = createUnsandboxedSandbox();
const limits = resolveLimits({ timeMs: 5_000 });

function job(language: LanguageId, code: string, extra: Partial<ProgramJob> = {}): ProgramJob {
  return { language, code, stdin: '', limits, ...extra };
}

/** The languages this file judges. */
type Tested = 'python' | 'javascript' | 'typescript' | 'cpp' | 'c' | 'java';

const HELLO: Record<Tested, string> = {
  python: 'import sys\nprint("hello", sys.stdin.read().strip())',
  javascript: "console.log('hello', require('fs').readFileSync(0, 'utf8').trim())",
  typescript:
    "const input: string = require('fs').readFileSync(0, 'utf8').trim();\nconsole.log('hello', input)",
  cpp: '#include <bits/stdc++.h>\nint main(){std::string s;std::cin>>s;std::cout<<"hello "<<s<<"\\n";}',
  c: '#include <stdio.h>\nint main(void){char s[64];scanf("%63s",s);printf("hello %s\\n",s);return 0;}',
  java: 'import java.util.*;\npublic class Greeter { public static void main(String[] a){ System.out.println("hello " + new Scanner(System.in).next()); } }',
};

const BROKEN: Record<Tested, string> = {
  python: 'print("x"',
  javascript: 'console.log(1 +;',
  typescript: 'let x: number = ;',
  cpp: 'int main() { return undefined_name; }',
  c: 'int main(void) { return undefined_name; }',
  java: 'class Main { public static void main(String[] a) { int x = "s"; } }',
};

const CRASH: Record<Tested, string> = {
  python: 'raise ValueError("boom")',
  javascript: 'throw new Error("boom")',
  typescript: 'throw new Error("boom")',
  cpp: '#include <cstdlib>\nint main(){ std::exit(3); }',
  c: '#include <stdlib.h>\nint main(void){ exit(3); }',
  java: 'class Main { public static void main(String[] a){ throw new RuntimeException("boom"); } }',
};

describe.each(Object.keys(HELLO) as Tested[])('%s', (language) => {
  it('runs hello with stdin and matches the expected output', async () => {
    const outcome = await judgeProgram(
      job(language, HELLO[language], { stdin: 'judge\n', expectedOutput: 'hello judge' }),
      sandbox,
    );
    expect(outcome).toMatchObject({ verdict: 'ACCEPTED', stdout: 'hello judge\n', exitCode: 0 });
  });

  it('reports a wrong answer', async () => {
    const outcome = await judgeProgram(
      job(language, HELLO[language], { stdin: 'judge\n', expectedOutput: 'hello world' }),
      sandbox,
    );
    expect(outcome.verdict).toBe('WRONG_ANSWER');
  });

  it('reports a compile error with the compiler output, streamed as compile log', async () => {
    const logs: string[] = [];
    const outcome = await judgeProgram(job(language, BROKEN[language]), sandbox, {
      onLog: (stream, chunk) => stream === 'compile' && logs.push(chunk),
    });
    expect(outcome.verdict).toBe('COMPILE_ERROR');
    expect(outcome.compileOutput).toMatch(/error|Error/);
    expect(logs.join('')).toMatch(/error|Error/);
    expect(outcome.timeMs).toBeNull();
  });

  it('reports a runtime error with a non-zero exit', async () => {
    const outcome = await judgeProgram(job(language, CRASH[language]), sandbox);
    expect(outcome.verdict).toBe('RUNTIME_ERROR');
    expect(outcome.exitCode).not.toBe(0);
  });
});

describe('limits and output', () => {
  it('stops a busy loop with TIME_LIMIT_EXCEEDED', async () => {
    const outcome = await judgeProgram(
      job('python', 'while True: pass', { limits: resolveLimits({ timeMs: 300 }) }),
      sandbox,
    );
    expect(outcome.verdict).toBe('TIME_LIMIT_EXCEEDED');
  });

  it('streams stdout and stderr as they come, and keeps them apart', async () => {
    const seen: [string, string][] = [];
    const outcome = await judgeProgram(
      job('python', 'import sys\nprint("out", flush=True)\nprint("err", file=sys.stderr, flush=True)'),
      sandbox,
      { onLog: (stream, chunk) => seen.push([stream, chunk]) },
    );
    expect(outcome).toMatchObject({ stdout: 'out\n', stderr: 'err\n' });
    // Unbuffered, print() may reach the pipe as two writes ("out", then "\n"): compare each stream whole.
    const streamed = (name: string) => seen.filter(([stream]) => stream === name).map(([, chunk]) => chunk);
    expect(streamed('stdout').join('')).toBe('out\n');
    expect(streamed('stderr').join('')).toBe('err\n');
  });

  it('streams Python output without flush, before the program ends (unbuffered)', async () => {
    const seen: string[] = [];
    const stop = new AbortController();
    // Buffered, "first" would only come out with "second", at exit; unbuffered it comes at once and
    // the run is stopped there.
    const code = 'import time\nprint("first")\ntime.sleep(20)\nprint("second")\n';
    const judged = judgeProgram(job('python', code), sandbox, {
      signal: stop.signal,
      onLog: (stream, chunk) => {
        if (stream !== 'stdout') return;
        seen.push(chunk);
        stop.abort();
      },
    });
    await expect(judged).rejects.toThrow(/abort/i);
    expect(seen.join('')).toMatch(/^first\n?$/);
  });

  it("shows a Python traceback from the program's own frames, without the runner's", async () => {
    const code = 'def f():\n    raise ValueError("boom")\n\nf()\n';
    const outcome = await judgeProgram(job('python', code), sandbox);
    expect(outcome.verdict).toBe('RUNTIME_ERROR');
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "main.py", line 4/);
    expect(outcome.stderr).toContain('ValueError: boom');
    expect(outcome.stderr).not.toContain('<string>');
  });

  it('stops unbounded output with OUTPUT_LIMIT_EXCEEDED', async () => {
    const outcome = await judgeProgram(job('python', 'while True: print("x" * 1000)'), sandbox);
    expect(outcome.verdict).toBe('OUTPUT_LIMIT_EXCEEDED');
    expect(outcome.stdout.length).toBeLessThanOrEqual(limits.outputBytes);
  });
});

describe('compile limits', () => {
  it("compile steps take the context's limits (the worker's COMPILE_TIME_MS), else the defaults", async () => {
    const seen: { argv: readonly string[]; cpuMs: number; wallMs: number }[] = [];
    const recording: typeof sandbox = {
      kind: sandbox.kind,
      driver: sandbox.driver,
      run: (request) => {
        seen.push({ argv: request.argv, cpuMs: request.limits.cpuMs, wallMs: request.limits.wallMs });
        return sandbox.run(request);
      },
      runGroup: (requests, onReport) => sandbox.runGroup(requests, onReport),
      close: () => sandbox.close(),
    };
    const code = HELLO.c;
    const slow = await judgeProgram(
      job('c', code, { stdin: 'x' }),
      recording,
      {},
      { limits: compileStepLimits(90_000) },
    );
    expect(slow.verdict).toBe('ACCEPTED');
    const fast = await judgeProgram(job('c', code, { stdin: 'x' }), recording);
    expect(fast.verdict).toBe('ACCEPTED');
    const compiles = seen.filter((run) => run.argv.includes('-o'));
    expect(compiles.map(({ cpuMs, wallMs }) => ({ cpuMs, wallMs }))).toEqual([
      { cpuMs: 90_000, wallMs: 180_000 },
      { cpuMs: COMPILE_STEP_LIMITS.cpuMs, wallMs: COMPILE_STEP_LIMITS.wallMs },
    ]);
  });
});

describe('Java main class', () => {
  it('runs a program whose file declares a package, by its qualified name', async () => {
    const code =
      'package org.example.app;\n\npublic class Hello {\n  public static void main(String[] a) {\n    System.out.println("hello from a package");\n  }\n}\n';
    const outcome = await judgeProgram(
      job('java', code, { expectedOutput: 'hello from a package' }),
      sandbox,
    );
    expect(outcome).toMatchObject({ verdict: 'ACCEPTED', exitCode: 0 });
  });

  it('is the top-level public class, not a nested one', async () => {
    const { javaMainClass } = await import('../src/index.js');
    expect(
      javaMainClass(
        'public class Outer {\n  public class Inner {}\n  public static void main(String[] a) {}\n}',
      ),
    ).toBe('Outer');
    expect(javaMainClass('class Solution {}\n')).toBe('Main');
  });
});
