/** `files` of POST /submit: multi-file programs through the worker and sandbox, and the names and sizes refused. */
import { describe, expect, it } from 'vitest';
import { post, submit, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform();

type Refusal = { error: { code: string; message: string } };

describe('POST /submit with files', () => {
  it('compiles every C++ source beside the entry file, and headers in folders are found', async () => {
    const jobId = await submit(platform.url, {
      language: 'cpp',
      code: '#include <iostream>\n#include "lib/square.h"\nint main() { std::cout << square(7) << "\\n"; }',
      files: [
        { name: 'lib/square.h', content: 'int square(int x);\n' },
        { name: 'square.cpp', content: '#include "lib/square.h"\nint square(int x) { return x * x; }\n' },
      ],
    });
    const result = await waitForResult(platform.url, jobId, 60_000);
    expect(result.compileOutput).toBe('');
    expect(result).toMatchObject({ verdict: 'ACCEPTED', stdout: '49\n' });
  });

  it('lets Python import a module sent beside it and read a Base64 data file', async () => {
    const jobId = await submit(platform.url, {
      language: 'python',
      code: 'import helper\nprint(helper.greet(open("data/name.txt").read().strip()))',
      files: [
        { name: 'helper.py', content: 'def greet(name):\n    return "hello " + name\n' },
        { name: 'data/name.txt', content: Buffer.from('arbiter\n').toString('base64'), encoding: 'base64' },
      ],
    });
    expect(await waitForResult(platform.url, jobId)).toMatchObject({
      verdict: 'ACCEPTED',
      stdout: 'hello arbiter\n',
    });
  });

  it('bundles TypeScript modules sent beside main.ts, and lets JavaScript require its own', async () => {
    const ts = await submit(platform.url, {
      language: 'typescript',
      code: 'import { twice } from "./util";\nconsole.log(twice(21));',
      files: [{ name: 'util.ts', content: 'export const twice = (x: number): number => 2 * x;\n' }],
    });
    const js = await submit(platform.url, {
      language: 'javascript',
      code: 'console.log(require("./lib/util.js").twice(4));',
      files: [{ name: 'lib/util.js', content: 'exports.twice = (x) => 2 * x;\n' }],
    });
    expect(await waitForResult(platform.url, ts, 60_000)).toMatchObject({
      verdict: 'ACCEPTED',
      stdout: '42\n',
    });
    expect(await waitForResult(platform.url, js, 60_000)).toMatchObject({
      verdict: 'ACCEPTED',
      stdout: '8\n',
    });
  });

  it('gives a C program its data files in the run step, after the compile', async () => {
    const jobId = await submit(platform.url, {
      language: 'c',
      code: '#include <stdio.h>\nint main(void) { char s[32]; FILE *f = fopen("in.txt", "r"); fscanf(f, "%31s", s); puts(s); }',
      files: [{ name: 'in.txt', content: 'from-a-file\n' }],
    });
    expect(await waitForResult(platform.url, jobId, 60_000)).toMatchObject({
      verdict: 'ACCEPTED',
      stdout: 'from-a-file\n',
    });
  });

  it.each([
    ['../escape.py', 'relative path'],
    ['/etc/passwd', 'relative path'],
    ['a/../../b', 'relative path'],
    ['.hidden', 'relative path'],
    ['main.py', 'entry file'],
    ['classes/Evil.class', 'entry file'],
  ])('refuses the file name %s with 400', async (name, words) => {
    const answer = await post(platform.url, '/submit', {
      language: 'python',
      code: 'print(1)',
      files: [{ name, content: 'x' }],
    });
    expect(answer.status).toBe(400);
    expect((answer.body as Refusal).error.message).toContain(words);
  });

  it('refuses two files of one name, too many files, bad Base64 and too many bytes', async () => {
    const cases: [unknown[], number, string][] = [
      [
        [
          { name: 'a.py', content: '' },
          { name: 'a.py', content: '' },
        ],
        400,
        'same name',
      ],
      [Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.txt`, content: '' })), 400, 'at most 20 files'],
      [[{ name: 'a.bin', content: 'not base64!', encoding: 'base64' }], 400, 'Base64'],
      [[{ name: 'a.txt', content: 'x'.repeat(300 * 1024) }], 413, 'limit is 262144 bytes'],
    ];
    for (const [files, status, words] of cases) {
      const answer = await post(platform.url, '/submit', { language: 'python', code: 'print(1)', files });
      expect(answer.status, words).toBe(status);
      expect((answer.body as Refusal).error.message).toContain(words);
    }
  });

  it('refuses files on a problem: it judges one source file', async () => {
    const answer = await post(platform.url, '/submit', {
      language: 'python',
      code: 'x',
      problem: 'two-sum',
      files: [{ name: 'a.py', content: '' }],
    });
    expect(answer.status).toBe(400);
    expect((answer.body as Refusal).error.message).toContain('"files" are for free runs');
  });
});
