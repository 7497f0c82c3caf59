/**
 * A program of several files through `POST /submit` (`files` without `code`): judged on a problem of the
 * repository and on an imported package, the entry found among the files (Java's main class too), the files
 * kept with the submission; duplicate, unsafe, reserved and too many or too big files refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { post, signUp, waitForResult } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { AUTH_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0' } });
let admin: string;
let user: string;

type Refusal = { error: { code: string; message: string } };
type Detail = { code: string; files?: { name: string; content: string }[] };

beforeAll(async () => {
  // The first account is the site's admin.
  admin = await signUp(platform.url, 'files-admin');
  user = await signUp(platform.url, 'files-user');
});

async function judged(body: Record<string, unknown>) {
  const answer = await post(platform.url, '/submit', { mode: 'submit', ...body }, { cookie: user });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  const jobId = (answer.body as { jobId: string }).jobId;
  return { jobId, result: await waitForResult(platform.url, jobId, scaledMs(120_000), user) };
}

async function detail(jobId: string): Promise<Detail> {
  const answer = await fetch(`${platform.url}/submissions/${jobId}`, { headers: { cookie: user } });
  expect(answer.status).toBe(200);
  return (await answer.json()) as Detail;
}

const HELPER_JAVA = 'public class Adder {\n  static long add(long a, long b) { return a + b; }\n}\n';
const APP_JAVA =
  'import java.util.Scanner;\n' +
  'public class App {\n' +
  '  public static void main(String[] args) {\n' +
  '    Scanner in = new Scanner(System.in);\n' +
  '    System.out.println(Adder.add(in.nextLong(), in.nextLong()));\n' +
  '  }\n' +
  '}\n';
const SUM_H = '#pragma once\nlong long sum(long long a, long long b);\n';
const SUM_CPP = '#include "sum.h"\nlong long sum(long long a, long long b) { return a + b; }\n';
const MAIN_CPP =
  '#include <iostream>\n#include "sum.h"\nint main() { long long a, b; std::cin >> a >> b; std::cout << sum(a, b) << "\\n"; }\n';

describe('POST /submit with a program as files', () => {
  it(
    'judges Java in two files (two classes) ACCEPTED: the class with main is the program, whatever its place',
    async () => {
      const { jobId, result } = await judged({
        language: 'java',
        problem: 'a-plus-b',
        files: [
          { name: 'Adder.java', content: HELPER_JAVA },
          { name: 'App.java', content: APP_JAVA },
        ],
      });
      expect(result.compileOutput).toBe('');
      expect(result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED' });
      // Kept with the submission: every file, the entry first.
      const row = await detail(jobId);
      expect(row.code).toBe(APP_JAVA);
      expect(row.files?.map((file) => file.name)).toEqual(['App.java', 'Adder.java']);
      expect(row.files?.[1]?.content).toBe(HELPER_JAVA);
    },
    scaledMs(180_000),
  );

  it(
    'judges C++ with a header and two sources ACCEPTED, on a repository problem and on an imported package',
    async () => {
      const files = [
        { name: 'sum.h', content: SUM_H },
        { name: 'sum.cpp', content: SUM_CPP },
        { name: 'main.cpp', content: MAIN_CPP },
      ];
      const builtIn = await judged({ language: 'cpp', problem: 'a-plus-b', files });
      expect(builtIn.result.compileOutput).toBe('');
      expect(builtIn.result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED' });
      expect((await detail(builtIn.jobId)).files?.map((file) => file.name)).toEqual([
        'main.cpp',
        'sum.h',
        'sum.cpp',
      ]);

      const zip = await writeZip([
        { path: 'problem.yaml', bytes: 'name: Files Sum\nlimits:\n  time_limit: 2\n' },
        { path: 'data/sample/1.in', bytes: '1 2\n' },
        { path: 'data/sample/1.ans', bytes: '3\n' },
        { path: 'data/secret/1.in', bytes: '4000000000 5\n' },
        { path: 'data/secret/1.ans', bytes: '4000000005\n' },
      ]);
      const imported = await fetch(`${platform.url}/admin/problems?slug=files-sum`, {
        method: 'POST',
        headers: { 'content-type': 'application/zip', cookie: admin },
        body: zip,
      });
      expect(imported.status).toBe(201);
      const packaged = await judged({ language: 'cpp', problem: 'files-sum', files });
      expect(packaged.result.compileOutput).toBe('');
      expect(packaged.result).toMatchObject({
        status: 'completed',
        verdict: 'ACCEPTED',
        passed: 2,
        total: 2,
      });
    },
    scaledMs(180_000),
  );

  it(
    'judges Java whose class with main is not public, and Bash that sources its neighbour by its own path, ACCEPTED',
    async () => {
      // As DOMjudge's and problemtools' example submissions write them.
      const java = await judged({
        language: 'java',
        problem: 'a-plus-b',
        code:
          'import java.util.Scanner;\n\nclass TestSum {\n  public static void main(String[] args) {\n' +
          '    Scanner in = new Scanner(System.in);\n    System.out.println(in.nextLong() + in.nextLong());\n  }\n}\n',
      });
      expect(java.result.compileOutput).toBe('');
      expect(java.result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED' });
      const bash = await judged({
        language: 'bash',
        problem: 'a-plus-b',
        files: [
          { name: 'main.sh', content: '. ${0%/*}/sum.sh\nread a b\nsum "$a" "$b"\n' },
          { name: 'sum.sh', content: 'sum() { echo $(( $1 + $2 )); }\n' },
        ],
      });
      expect(bash.result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED' });
    },
    scaledMs(180_000),
  );

  it('refuses duplicate, unsafe and reserved names, too many and too big files, with what is wrong', async () => {
    const refused = async (files: unknown[], extra: Record<string, unknown> = {}) => {
      const answer = await post(
        platform.url,
        '/submit',
        { mode: 'submit', language: 'cpp', problem: 'a-plus-b', files, ...extra },
        { cookie: user },
      );
      return { status: answer.status, message: (answer.body as Refusal).error.message };
    };
    const main = { name: 'main.cpp', content: MAIN_CPP };
    expect(await refused([main, { ...main }])).toEqual({
      status: 400,
      message: expect.stringContaining('same name'),
    });
    for (const name of ['../x', '/etc/passwd', 'a/../../b', '.hidden', 'C:\\x.cpp']) {
      const answer = await refused([main, { name, content: 'x' }]);
      expect(answer.status, name).toBe(400);
      expect(answer.message, name).toContain('relative path');
    }
    const tooMany = Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.h`, content: '' }));
    expect(await refused([main, ...tooMany])).toEqual({
      status: 400,
      message: expect.stringContaining('at most 20 files'),
    });
    expect(await refused([main, { name: 'big.h', content: 'x'.repeat(300 * 1024) }])).toEqual({
      status: 413,
      message: expect.stringContaining('limit is 262144 bytes'),
    });
    // Beside the entry, the entry's and the compiler's names are taken.
    expect(await refused([main, { name: 'main.c', content: 'int x;' }])).toEqual({
      status: 400,
      message: expect.stringContaining('"main.c" is not the entry file'),
    });
    expect(await refused([])).toEqual({ status: 400, message: expect.stringContaining('code is required') });
    expect(await refused([{ name: 'main.cpp', content: '' }])).toEqual({
      status: 400,
      message: expect.stringContaining('is empty'),
    });
    // A function problem's harness is its program's other file.
    expect(await refused([main], { problem: 'two-sum' })).toEqual({
      status: 400,
      message: expect.stringContaining('send it as "code"'),
    });
  });
});
