/** `compilerOptions` of POST /submit: flags from each language's allow-list reach the compiler as argv entries; others are refused. */
import { describe, expect, it } from 'vitest';
import { post, submit, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform();

type Refusal = { error: { code: string; message: string } };

const PRINT_VALUE =
  '#include <cstdio>\n#ifndef VALUE\n#define VALUE 0\n#endif\nint main() { std::printf("%d %ld\\n", VALUE, __cplusplus); }';

describe('POST /submit with compilerOptions', () => {
  it('passes allowed flags to g++: a macro and a language standard change what the program prints', async () => {
    const plain = await waitForResult(
      platform.url,
      await submit(platform.url, { language: 'cpp', code: PRINT_VALUE }),
      60_000,
    );
    expect(plain.stdout).toBe('0 201703\n');
    const jobId = await submit(platform.url, {
      language: 'cpp',
      code: PRINT_VALUE,
      compilerOptions: ['-DVALUE=5', '-std=c++20', '-O0', '-Wall'],
    });
    const result = await waitForResult(platform.url, jobId, 60_000);
    expect(result).toMatchObject({ verdict: 'ACCEPTED', stdout: '5 202002\n' });
  });

  it('passes -Werror to gcc, which turns a warning into a compile error', async () => {
    const code = 'int main(void) { int unused; return 0; }';
    const jobId = await submit(platform.url, { language: 'c', code, compilerOptions: ['-Wall', '-Werror'] });
    const result = await waitForResult(platform.url, jobId, 60_000);
    expect(result.verdict).toBe('COMPILE_ERROR');
    expect(result.compileOutput).toContain('unused');
  });

  it('passes -Xlint to javac, whose warnings come back in the compile output', async () => {
    const code =
      'import java.util.*;\npublic class Main { public static void main(String[] a) { List l = new ArrayList(); l.add(1); System.out.println(l); } }';
    const jobId = await submit(platform.url, {
      language: 'java',
      code,
      compilerOptions: ['-Xlint:unchecked'],
    });
    const result = await waitForResult(platform.url, jobId, 60_000);
    expect(result).toMatchObject({ verdict: 'ACCEPTED', stdout: '[1]\n' });
    expect(result.compileOutput).toContain('unchecked');
  });

  it.each([
    ['cpp', '-o/tmp/x'],
    ['cpp', '-Wl,-rpath,/tmp'],
    ['cpp', '-fplugin=/tmp/evil.so'],
    ['cpp', '@/etc/passwd'],
    ['c', '-include/etc/passwd'],
    ['cpp', '-DX=$(id)'],
    ['java', '-processorpath'],
  ])('refuses %s flag %s with 400 naming it', async (language, flag) => {
    const allowed = language === 'java' ? '-Xlint' : '-O2';
    const answer = await post(platform.url, '/submit', {
      language,
      code: 'x',
      compilerOptions: [allowed, flag],
    });
    expect(answer.status).toBe(400);
    expect((answer.body as Refusal).error.message).toContain(JSON.stringify(flag));
  });

  it('refuses flags for a language without a compile step, and on a problem', async () => {
    const python = await post(platform.url, '/submit', {
      language: 'python',
      code: 'x',
      compilerOptions: ['-O2'],
    });
    expect(python.status).toBe(400);
    expect((python.body as Refusal).error.message).toContain('python takes no compiler flags');
    const problem = await post(platform.url, '/submit', {
      language: 'cpp',
      code: 'x',
      problem: 'two-sum',
      compilerOptions: ['-O2'],
    });
    expect(problem.status).toBe(400);
    expect((problem.body as Refusal).error.message).toContain('"compilerOptions" are for free runs');
  });
});
