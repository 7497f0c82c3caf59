/**
 * Multi-pass problem packages on real Redis, the database and the sandbox: the import's verification
 * judges the remember fixture's labelled submissions (each case runs the submission twice, the second time
 * on the validator's nextpass.in, the validator keeping its feedback folder between passes), and POST
 * /submit judges an accepted and a wrong submission the same way.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { type JobResult } from '@arbiter/contracts';
import { packageFromFolder } from '@arbiter/problem-package';
import { scaledMs } from '../support/speed-factor.js';
import {
  importPackage,
  submitToPackage,
  usePackagePlatform,
  verdictsByPath,
  verifiedPackage,
} from '../support/packages.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/packages/remember-multipass/', import.meta.url));
/** Four submissions, up to three cases of two passes each (one spins to its limit on a second pass). */
const TIMEOUT = scaledMs(480_000);

const platform = usePackagePlatform('multipass');

const verified = (slug: string) => verifiedPackage(platform.url, platform.admin, slug, scaledMs(420_000));

const submitted = (code: string): Promise<JobResult> =>
  submitToPackage(
    platform.url,
    platform.user,
    { problem: 'remember', language: 'python', code },
    platform.admin,
  );

describe('multi-pass problem packages', () => {
  it(
    'imports, verifies every labelled submission pass by pass, and judges submissions through POST /submit',
    async () => {
      const zip = await writeZip(await packageFromFolder(FIXTURE));
      const imported = await importPackage(platform.url, platform.admin, zip, 'remember');
      expect(imported.report.unsupported).toEqual([]);

      const verification = await verified('remember');
      expect(verification.status).toBe('done');
      const got = verdictsByPath(verification);
      expect(got).toEqual({
        'accepted/letters.py': 'ACCEPTED',
        // Rejected on the first pass: the number is not a note.
        'wrong_answer/digits.py': 'WRONG_ANSWER',
        // A good note, a wrong recall on the second pass.
        'wrong_answer/forgets.py': 'WRONG_ANSWER',
        // The time limit applies to each pass: the second spins past it.
        'time_limit_exceeded/slow_recall.py': 'TIME_LIMIT_EXCEEDED',
      });
      expect(verification.ok).toBe(true);

      const letters = await readFile(join(FIXTURE, 'submissions/accepted/letters.py'), 'utf8');
      const accepted = await submitted(letters);
      expect(accepted).toMatchObject({ verdict: 'ACCEPTED', passed: 3, total: 3 });
      // The judge message spans both passes: the validator appends to the folder's judgemessage.txt.
      expect(accepted.tests?.[0]?.judgeMessage).toBe(
        'Pass 2 of at most 2.\npass 1: noted bcde\npass 2: recalled 1234\n',
      );

      const forgets = await readFile(join(FIXTURE, 'submissions/wrong_answer/forgets.py'), 'utf8');
      const wrong = await submitted(forgets);
      expect(wrong.verdict).toBe('WRONG_ANSWER');
      expect(wrong.failedTest?.name).toBe('sample/1');
      expect(wrong.failedTest?.judgeMessage).toBe(
        'Pass 2 of at most 2.\npass 1: noted bcde\npass 2: recalled 42, the number was 1234\n',
      );
    },
    TIMEOUT,
  );
});
