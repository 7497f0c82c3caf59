/**
 * A package with sample data only (no data/secret), on real Redis, the database and the sandbox: imported with
 * a warning in its report, verified and judged on its samples.
 */
import { describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { post, waitForResult } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { importPackage, usePackagePlatform, verifiedPackage } from '../support/packages.js';

/** A few Python programs judged in the sandbox, on a shared machine. */
const TIMEOUT = scaledMs(240_000);

const platform = usePackagePlatform('samples');

async function judged(code: string) {
  const answer = await post(
    platform.url,
    '/submit',
    { mode: 'submit', problem: 'samples-only', language: 'python', code },
    { cookie: platform.user },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return waitForResult(
    platform.url,
    (answer.body as { jobId: string }).jobId,
    scaledMs(120_000),
    platform.user,
  );
}

describe('a package with sample data only', () => {
  it(
    'is imported with a warning, verified and judged on its samples',
    async () => {
      const zip = await writeZip([
        { path: 'problem.yaml', bytes: 'name: Samples Only\nlimits:\n  time_limit: 2\n' },
        { path: 'data/sample/1.in', bytes: '2 3\n' },
        { path: 'data/sample/1.ans', bytes: '5\n' },
        { path: 'data/sample/2.in', bytes: '10 -4\n' },
        { path: 'data/sample/2.ans', bytes: '6\n' },
        { path: 'submissions/accepted/sum.py', bytes: 'print(sum(map(int, input().split())))\n' },
        { path: 'submissions/wrong_answer/first.py', bytes: 'print(input().split()[0])\n' },
      ]);
      const imported = await importPackage(platform.url, platform.admin, zip, 'samples-only');
      expect(imported.report.warnings.join('\n')).toMatch(/data\/secret: no secret test case/);

      const verification = await verifiedPackage(
        platform.url,
        platform.admin,
        'samples-only',
        scaledMs(200_000),
      );
      expect(verification.ok, JSON.stringify(verification)).toBe(true);

      const right = await judged('print(sum(map(int, input().split())))\n');
      expect(right.verdict).toBe('ACCEPTED');
      expect([right.passed, right.total]).toEqual([2, 2]);
      const wrong = await judged('print(5)\n');
      expect(wrong.verdict).toBe('WRONG_ANSWER');
      expect(wrong.failedTest?.name).toBe('sample/2');
    },
    TIMEOUT,
  );
});
