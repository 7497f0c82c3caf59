/**
 * 2025-09 test case files on real Redis, the database and the sandbox: each case of the case-files
 * fixture has an `X.files` folder whose files the submission reads from its working directory (one in a
 * subfolder). The import reads them as the cases' files, the verification runs the input validator with
 * them beside it and gives each labelled submission its label, POST /submit judges with them laid into
 * the sandbox, and the export keeps them. Its case 02-lines sets `full_feedback: true`: the solver sees
 * that case's input, answer and output when it fails there, and nothing of the other secret cases.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { packageFromFolder } from '@arbiter/problem-package';
import { scaledMs } from '../support/speed-factor.js';
import {
  expectExportKeeps,
  importPackage,
  submitToPackage,
  usePackagePlatform,
  verdictsByPath,
  verifiedPackage,
} from '../support/packages.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/packages/case-files/', import.meta.url));

const platform = usePackagePlatform('case-files');

describe('2025-09 test case files (X.files)', () => {
  it(
    "imports each case's X.files, verifies every label, judges POST /submit with them in the working directory and exports them",
    async () => {
      const files = await packageFromFolder(FIXTURE);
      const imported = await importPackage(platform.url, platform.admin, await writeZip(files), 'case-files');
      expect(imported.report.unsupported).toEqual([]);
      // Not test data groups, nor files left aside: the cases' own.
      expect(imported.report.warnings).toEqual([]);
      expect(imported.report.found).toContain(
        'test case files (X.files) for sample/1, secret/01-one-line, secret/02-lines, put in the working directory of the submission and of the input validators',
      );

      const verification = await verifiedPackage(
        platform.url,
        platform.admin,
        'case-files',
        scaledMs(600_000),
      );
      expect(verification.status).toBe('done');
      expect(verdictsByPath(verification)).toEqual({
        'accepted/sum_file.py': 'ACCEPTED',
        'wrong_answer/first_line.py': 'WRONG_ANSWER',
      });
      expect(verification.submissions.every((s) => s.ok)).toBe(true);
      // The validator finds each case's file in its working directory.
      expect(verification.inputValidation).toEqual({
        validators: [{ name: 'file_exists.py', status: 'ran', cases: 3 }],
        invalid: [],
        ok: true,
      });
      expect(verification.ok).toBe(true);

      const source = (path: string) =>
        (files.find((f) => f.path === `submissions/${path}`)?.bytes ?? '').toString();
      const accepted = await submitToPackage(platform.url, platform.user, {
        problem: 'case-files',
        language: 'python',
        code: source('accepted/sum_file.py'),
      });
      expect(accepted.verdict).toBe('ACCEPTED');
      // The numbers span several lines only in 02-lines' file, in a subfolder of its X.files.
      const wrong = await submitToPackage(platform.url, platform.user, {
        problem: 'case-files',
        language: 'python',
        code: source('wrong_answer/first_line.py'),
      });
      expect(wrong.verdict).toBe('WRONG_ANSWER');
      // 02-lines sets full_feedback: its input, answer and the output are the solver's to see.
      expect(wrong.failedTest).toMatchObject({
        name: 'secret/02-lines',
        source: 'hidden',
        input: 'lists/b.txt\n',
        expected: '1000000015\n',
        actual: '10\n',
      });
      // 01-one-line does not: failing there shows nothing of it.
      const offByOne = await submitToPackage(platform.url, platform.user, {
        problem: 'case-files',
        language: 'python',
        code: 'total = sum(int(w) for w in open(input().strip()).read().split())\nprint(total - 1 if total == 100 else total)\n',
      });
      expect(offByOne.verdict).toBe('WRONG_ANSWER');
      expect(offByOne.failedTest).toMatchObject({ name: 'secret/01-one-line', source: 'hidden' });
      for (const field of ['input', 'expected', 'actual', 'message'] as const)
        expect(offByOne.failedTest?.[field], field).toBeUndefined();

      // The export keeps every case's files as they were.
      await expectExportKeeps(platform.url, platform.admin, 'case-files', files, [
        'data/sample/1.files/numbers.txt',
        'data/secret/01-one-line.files/numbers.txt',
        'data/secret/02-lines.files/lists/b.txt',
        'data/secret/02-lines.files/numbers.txt',
        'data/secret/02-lines.yaml',
      ]);
    },
    scaledMs(900_000),
  );
});
