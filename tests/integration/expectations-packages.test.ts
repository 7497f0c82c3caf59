/**
 * Expectations outside the folders the format names, on real Redis, the database and the sandbox: a 2025-09
 * package's submissions/submissions.yaml (a folder's defaults replaced, rules per test data glob, keys not
 * applied reported) and DOMjudge @EXPECTED_RESULTS@ headers in folders the format does not name and directly
 * in submissions/ decide whether the verification finds each submission as expected; a submission with no
 * expectation at all is listed and not judged.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { packageFromFolder } from '@arbiter/problem-package';
import { scaledMs } from '../support/speed-factor.js';
import {
  importPackage,
  submissionsByPath,
  usePackagePlatform,
  verifiedPackage,
} from '../support/packages.js';

const PACKAGES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));
/** Six small Python programs judged in the sandbox, on a shared machine. */
const TIMEOUT = scaledMs(300_000);
const SLUG = 'expect-verdicts';

const platform = usePackagePlatform('expect');

describe('submission expectations', () => {
  it(
    'judges the submissions submissions.yaml or a DOMjudge header gives expectations, wherever they lie, and checks them',
    async () => {
      const zip = await writeZip(await packageFromFolder(join(PACKAGES, SLUG)));
      const imported = await importPackage(platform.url, platform.admin, zip, SLUG);
      expect(imported.report.found).toContain(
        'submissions/submissions.yaml: 5 pattern(s), matching 5 submission(s)',
      );
      expect(imported.report.unsupported).toEqual([
        'submissions/submissions.yaml: accepted.use_for_time_limit (not applied)',
        'submissions/submissions.yaml: mixed/{wrong_claim,not_there}.py.message (not applied)',
      ]);

      const verification = await verifiedPackage(platform.url, platform.admin, SLUG, TIMEOUT);
      expect(verification.status).toBe('done');
      const subs = submissionsByPath(verification);
      const summary = Object.fromEntries(
        Object.entries(subs).map(([path, s]) => [path, { label: s.label, got: s.got, ok: s.ok }]),
      );
      expect(summary).toEqual({
        'accepted/sum.py': { label: 'accepted', got: 'ACCEPTED', ok: true },
        // The header's results, in DOMjudge's names and in the specification's (any case).
        'check_manually/header.py': { label: 'check_manually', got: 'WRONG_ANSWER', ok: true },
        'header_direct.py': { label: '', got: 'RUNTIME_ERROR', ok: true },
        // Accepted on the easy cases, wrong on the hard one, as its test data globs say.
        'mixed/easy_only.py': { label: 'mixed', got: 'WRONG_ANSWER', ok: true },
        // Wrong on the easy case, then accepted on the hard one, which its rules require: every case is judged.
        'mixed/hard_only.py': { label: 'mixed', got: 'WRONG_ANSWER', ok: true },
        'mixed/wrong_claim.py': { label: 'mixed', got: 'WRONG_ANSWER', ok: false },
        'mixed-verdicts/no_header.py': { label: 'mixed-verdicts', got: null, ok: true },
        // submissions.yaml lets this wrong_answer submission crash.
        'wrong_answer/crash.py': { label: 'wrong_answer', got: 'RUNTIME_ERROR', ok: true },
      });
      expect(subs['check_manually/header.py']?.expected).toEqual(['WRONG_ANSWER', 'TIME_LIMIT_EXCEEDED']);
      expect(subs['header_direct.py']?.expected).toEqual(['RUNTIME_ERROR', 'MEMORY_LIMIT_EXCEEDED']);
      expect(subs['mixed-verdicts/no_header.py']?.note).toMatch(/not judged/);
      expect(subs['mixed/easy_only.py']?.expectations).toEqual([
        { pattern: 'mixed/easy_only.py sample', permitted: ['AC'], ok: true },
        { pattern: 'mixed/easy_only.py secret/*-easy', permitted: ['AC'], ok: true },
        { pattern: 'mixed/easy_only.py secret/*-hard', permitted: ['AC', 'WA'], required: ['WA'], ok: true },
      ]);
      expect(subs['mixed/wrong_claim.py']?.expectations).toEqual([
        { pattern: 'mixed/{wrong_claim,not_there}.py', permitted: ['AC'], ok: false },
      ]);
      expect(subs['wrong_answer/crash.py']?.expectations).toEqual([
        { pattern: 'wrong_answer', permitted: ['AC', 'WA', 'RTE'], required: ['WA', 'RTE'], ok: true },
      ]);
      // The mislabelled one fails the package's verification.
      expect(verification.ok).toBe(false);
    },
    TIMEOUT,
  );
});
