/**
 * Fair share end to end (real API, Redis, PostgreSQL, worker and sandbox): while one client floods the
 * queue with runs, another user's submit is judged within a few jobs of the flood, not after it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningWorker } from '@arbiter/worker';
import {
  post,
  signUp,
  startWorkerInProcess,
  testSql,
  waitFor,
  waitForResult,
  USING_PGLITE,
} from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';
import { scaledMs } from '../support/speed-factor.js';

const FLOOD = 200;
// No rate limits: the flood is the point. The test starts its worker itself.
const platform = usePlatform({
  api: { SUBMIT_RATE_PER_MINUTE_USER: '0', SUBMIT_RATE_PER_MINUTE_IP: '0' },
  worker: false,
});
let worker: RunningWorker | undefined;

afterAll(async () => {
  await worker?.stop(1_000);
});

/** Jobs of the anonymous flood a worker has taken so far (the started_at the worker records). */
async function floodStarted(): Promise<number> {
  const result = await testSql(
    platform.prefix,
    `select count(*)::int as n from submissions where user_id is null and started_at is not null`,
  );
  return (result.rows[0] as { n: number }).n;
}

describe('fair share', () => {
  it.skipIf(USING_PGLITE)(
    `judges a user's submit within a few jobs while an anonymous client floods ${FLOOD} runs`,
    async () => {
      const cookie = await signUp(platform.url, 'patient');
      worker = await startWorkerInProcess(platform.prefix);
      const flood: string[] = [];
      for (let sent = 0; sent < FLOOD; sent += 20) {
        const answers = await Promise.all(
          Array.from({ length: 20 }, () =>
            post(platform.url, '/submit', { language: 'python', code: 'print(1)' }),
          ),
        );
        for (const answer of answers) {
          expect(answer.status).toBe(202);
          flood.push((answer.body as { jobId: string }).jobId);
        }
      }
      // The flood is under way: the worker has taken some of it.
      await waitFor(
        async () => (await floodStarted()) > 0,
        scaledMs(30_000),
        () => 'the worker took none of the flood',
      );
      const code = [
        'class Solution:',
        '    def twoSum(self, nums, target):',
        '        seen = {}',
        '        for i, n in enumerate(nums):',
        '            if target - n in seen:',
        '                return [seen[target - n], i]',
        '            seen[n] = i',
      ].join('\n');
      const submitted = await post(
        platform.url,
        '/submit',
        { language: 'python', code, problem: 'two-sum', mode: 'submit' },
        { cookie },
      );
      expect(submitted.status).toBe(202);
      const result = await waitForResult(
        platform.url,
        (submitted.body as { jobId: string }).jobId,
        scaledMs(60_000),
        cookie,
      );
      expect(result.verdict).toBe('ACCEPTED');
      // The flood is not starved either: it all runs.
      await waitFor(
        async () => (await floodStarted()) === FLOOD,
        scaledMs(120_000),
        () => 'the flood did not finish',
      );
      // Counted by the times the worker took each job (the API records them a little later).
      const overtook = await testSql(
        platform.prefix,
        `select count(*)::int as n from submissions
         where user_id is null and started_at > $1::timestamptz and started_at < $2::timestamptz`,
        [
          new Date(result.timings?.enqueuedAt ?? Date.parse(result.createdAt)).toISOString(),
          result.startedAt,
        ],
      );
      const later = await testSql(
        platform.prefix,
        `select count(*)::int as n from submissions where user_id is null and started_at > $1::timestamptz`,
        [result.startedAt],
      );
      // Once the submit is queued (BullMQ's job timestamp), only the flood's run of the round being served
      // goes before it; the worker's other slot may take one more at the same moment, and started_at is
      // written a little after each take: at most 3. Without fair share the rest of the flood (a hundred
      // runs and more) went first.
      expect(overtook.rows[0]).toMatchObject({ n: expect.any(Number) });
      expect((overtook.rows[0] as { n: number }).n).toBeLessThanOrEqual(3);
      expect((later.rows[0] as { n: number }).n).toBeGreaterThan(0);
    },
    scaledMs(240_000),
  );
});
