/**
 * 2025-09 test case configuration on real Redis, the database and the sandbox: the case-args fixture's
 * cases carry their own `X.yaml` (`args` given to the submission in every language, a tighter
 * `output_validator_args` on one case, the map form of `input_validator_args` per input validator).
 * The import applies them, its verification gives every labelled submission its label and runs each
 * input validator with its own arguments, POST /submit judges by them, and the export keeps the files.
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

const FIXTURE = fileURLToPath(new URL('../fixtures/packages/case-args/', import.meta.url));

const platform = usePackagePlatform('case-config');

describe('2025-09 test case configuration', () => {
  it(
    "imports each case's args and validator args as applied, verifies every label, judges POST /submit by them and exports them",
    async () => {
      const files = await packageFromFolder(FIXTURE);
      const imported = await importPackage(platform.url, platform.admin, await writeZip(files), 'case-args');
      // hint and description are kept, not shown; nothing else is left unapplied.
      expect(imported.report.unsupported).toEqual([
        'data/secret/02-multiply.yaml: description (kept, not shown to solvers)',
        'data/secret/03-precise.yaml: hint (kept, not shown to solvers)',
      ]);
      expect(imported.report.warnings).toEqual([]);

      const verification = await verifiedPackage(
        platform.url,
        platform.admin,
        'case-args',
        scaledMs(600_000),
      );
      expect(verification.status).toBe('done');
      expect(verdictsByPath(verification)).toEqual({
        // The submission's argv carries the case's args in every language.
        'accepted/args.py': 'ACCEPTED',
        'accepted/args.cpp': 'ACCEPTED',
        'accepted/Args.java': 'ACCEPTED',
        'accepted/args.js': 'ACCEPTED',
        'accepted/args.go': 'ACCEPTED',
        'accepted/args.rs': 'ACCEPTED',
        'accepted/args.cs': 'ACCEPTED',
        'accepted/args.kt': 'ACCEPTED',
        // Within the group's 0.1, not within 03-precise's own 1e-6.
        'wrong_answer/two_digits.py': 'WRONG_ANSWER',
        'wrong_answer/always_add.py': 'WRONG_ANSWER',
      });
      expect(verification.submissions.every((s) => s.ok)).toBe(true);
      // range needs --max (the case 04-large's own 1000), tokens refuses range's: each got its own.
      expect(verification.inputValidation).toEqual({
        validators: [
          { name: 'range.py', status: 'ran', cases: 5 },
          { name: 'tokens.py', status: 'ran', cases: 5 },
        ],
        invalid: [],
        ok: true,
      });
      expect(verification.ok).toBe(true);

      // POST /submit: the failing case is the one whose own tolerance the output misses.
      const code = (
        files.find((f) => f.path === 'submissions/wrong_answer/two_digits.py')?.bytes ?? ''
      ).toString();
      const judged = await submitToPackage(
        platform.url,
        platform.user,
        { problem: 'case-args', language: 'python', code },
        platform.admin,
      );
      expect(judged.verdict).toBe('WRONG_ANSWER');
      expect(judged.failedTest).toMatchObject({ name: 'secret/03-precise' });
      const right = (files.find((f) => f.path === 'submissions/accepted/args.py')?.bytes ?? '').toString();
      const accepted = await submitToPackage(platform.url, platform.user, {
        problem: 'case-args',
        language: 'python',
        code: right,
      });
      expect(accepted.verdict).toBe('ACCEPTED');

      // The export keeps every case's configuration file as it was.
      await expectExportKeeps(platform.url, platform.admin, 'case-args', files, [
        'data/secret/02-multiply.yaml',
        'data/secret/03-precise.yaml',
        'data/secret/04-large.yaml',
        'data/secret/test_group.yaml',
      ]);
    },
    scaledMs(900_000),
  );
});
