/**
 * Runs that try to leave their sandbox cell unusable, through `POST /submit` → worker → sandbox: after
 * them, ordinary jobs in every language still get the right verdict on the same worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageId } from '@arbiter/contracts';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  base,
  cleanup,
  startApi,
  startWorkerInProcess,
  submit,
  testPrefix,
  waitForResult,
} from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let worker: RunningWorker;

beforeAll(async () => {
  api = await startApi(prefix);
  worker = await startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '2' });
});

afterAll(async () => {
  await worker?.stop(2_000);
  await api?.close(1_000);
  await cleanup(prefix);
});

/** ~2,500 nested folders: a path far longer than PATH_MAX (4096), which a path-based wipe cannot remove. */
const NESTED = [
  'import os',
  'for _ in range(2500):',
  '    os.mkdir("dddddddd")',
  '    os.chdir("dddddddd")',
  'open("deep.txt", "w").write("x")',
  'print(len(os.getcwd()) > 4096)',
].join('\n');

const HELLO: Record<LanguageId, string> = {
  python: 'print("hello")',
  javascript: 'console.log("hello")',
  typescript: 'const greeting: string = "hello";\nconsole.log(greeting)',
  cpp: '#include <iostream>\nint main() { std::cout << "hello" << std::endl; }',
  c: '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }',
  java: 'public class Main { public static void main(String[] a) { System.out.println("hello"); } }',
};

describe('a run that leaves a path longer than PATH_MAX in its cell', () => {
  it('does not break later jobs: four such runs, then every language is judged right', async () => {
    // Two slots and two spare cells: four runs reach (at least) most cells of the worker.
    const attacks = await Promise.all(
      Array.from({ length: 4 }, async () =>
        waitForResult(base(api), await submit(base(api), { language: 'python', code: NESTED }), 60_000),
      ),
    );
    for (const result of attacks) {
      expect(result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED', stdout: 'True\n' });
    }
    // Twice per language: more jobs than cells, so every cell serves at least one of them.
    const languages = Object.keys(HELLO) as LanguageId[];
    const jobs = await Promise.all(
      [...languages, ...languages].map(async (language) => {
        const jobId = await submit(base(api), { language, code: HELLO[language] });
        return { language, result: await waitForResult(base(api), jobId, 90_000) };
      }),
    );
    for (const { language, result } of jobs) {
      expect(result, `${language}: ${JSON.stringify(result)}`).toMatchObject({
        status: 'completed',
        verdict: 'ACCEPTED',
        stdout: 'hello\n',
      });
    }
  }, 240_000);
});
