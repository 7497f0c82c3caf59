/**
 * 2025-09 result aggregation on real Redis, the database and the sandbox: the groups-2025 fixture (secret
 * summing a pass-fail group of 20, a sum group of 30 and a min group of 50 that requires the first) is
 * imported with max_score, score_aggregation and require_pass applied, and its verification gives every
 * submission its label, with the scores those keys give.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { packageFromFolder } from '@arbiter/problem-package';
import { signUp } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';
import { importPackage, submissionsByPath, verifiedPackage } from '../support/packages.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/packages/groups-2025/', import.meta.url));

const platform = usePlatform({ api: { AUTH_RATE_PER_MINUTE_IP: '0' } });
let admin: string;

beforeAll(async () => {
  admin = await signUp(platform.url, 'aggregation-admin');
});

describe('2025-09 result aggregation', () => {
  it(
    'imports max_score, score_aggregation and require_pass as applied and verifies every label by its score',
    async () => {
      const zip = await writeZip(await packageFromFolder(FIXTURE));
      const imported = await importPackage(platform.url, admin, zip, 'groups-2025');
      expect(imported.report.unsupported).toEqual([]);

      const verification = await verifiedPackage(platform.url, admin, 'groups-2025', scaledMs(300_000));
      expect(verification.status).toBe('done');
      const subs = submissionsByPath(verification);
      expect(subs['accepted/sum.py']).toMatchObject({ got: 'ACCEPTED', score: 100, maxScore: 100, ok: true });
      // Group 1 (20) and two of group 2's three cases (2 × 30 / 3); group 3's minimum is 0.
      expect(subs['partially_accepted/int32.py']).toMatchObject({
        got: 'WRONG_ANSWER',
        score: 40,
        maxScore: 100,
        ok: true,
      });
      // Group 1 fails, so group 3 (require_pass: secret/group1) is not run: group 2's 30 only.
      expect(subs['partially_accepted/non_negative.py']).toMatchObject({ score: 30, ok: true });
      expect(subs['wrong_answer/difference.py']).toMatchObject({ got: 'WRONG_ANSWER', score: 0, ok: true });
      expect(verification.submissions.every((s) => s.ok)).toBe(true);
      expect(verification.ok).toBe(true);
    },
    scaledMs(420_000),
  );
});
