/**
 * Runs that try to leave their sandbox cell unusable, through `POST /submit` → worker → sandbox: after
 * them, ordinary jobs in every language still get the right verdict on the same worker.
 */
import { describe, expect, it } from 'vitest';
import type { LanguageId } from '@arbiter/contracts';
import { base, submit, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ worker: { WORKER_CONCURRENCY: '2' } });

/** ~2,500 nested folders: a path far longer than PATH_MAX (4096), which a path-based wipe cannot remove. */
const NESTED = [
  'import os',
  'for _ in range(2500):',
  '    os.mkdir("dddddddd")',
  '    os.chdir("dddddddd")',
  'open("deep.txt", "w").write("x")',
  'print(len(os.getcwd()) > 4096)',
].join('\n');

const HELLO: Partial<Record<LanguageId, string>> = {
  python: 'print("hello")',
  javascript: 'console.log("hello")',
  typescript: 'const greeting: string = "hello";\nconsole.log(greeting)',
  cpp: '#include <iostream>\nint main() { std::cout << "hello" << std::endl; }',
  c: '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }',
  java: 'public class Main { public static void main(String[] a) { System.out.println("hello"); } }',
};

describe('a run that leaves a path longer than PATH_MAX in its cell', () => {
  it('does not break later jobs: four such runs, then every language is judged right', async () => {
    // Two slots and two spare cells: four runs reach (at least) most cells of the platform.worker.
    const attacks = await Promise.all(
      Array.from({ length: 4 }, async () =>
        waitForResult(
          base(platform.api),
          await submit(base(platform.api), { language: 'python', code: NESTED }),
          60_000,
        ),
      ),
    );
    for (const result of attacks) {
      expect(result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED', stdout: 'True\n' });
    }
    // Twice per language: more jobs than cells, so every cell serves at least one of them.
    const languages = Object.keys(HELLO) as LanguageId[];
    const jobs = await Promise.all(
      [...languages, ...languages].map(async (language) => {
        const jobId = await submit(base(platform.api), { language, code: HELLO[language] });
        return { language, result: await waitForResult(base(platform.api), jobId, 90_000) };
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
