/**
 * Statistics on both backends over a small seeded data set with known answers: percentiles,
 * runtime distribution, acceptance rates, solved / attempted problems.
 */
import { randomUUID } from 'node:crypto';
import type { JobStatus, LanguageId, SubmissionMode, Verdict } from '@arbiter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/index.js';
import { jobResult } from './support/job-result.js';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/test-database.js';

interface Seed {
  user: 'ada' | 'bob' | null;
  problem: string | null;
  language?: LanguageId;
  mode?: SubmissionMode;
  verdict: Verdict;
  status?: JobStatus;
  timeMs: number;
  memoryKb: number;
}

const SEED: Seed[] = [
  // two-sum / python, accepted submits: times 10 20 20 30 50 ms, memory 1000 2000 3000 3000 5000 KiB.
  { user: 'ada', problem: 'two-sum', verdict: 'ACCEPTED', timeMs: 10, memoryKb: 1000 },
  { user: 'bob', problem: 'two-sum', verdict: 'ACCEPTED', timeMs: 20, memoryKb: 2000 },
  { user: 'bob', problem: 'two-sum', verdict: 'ACCEPTED', timeMs: 20, memoryKb: 3000 },
  { user: null, problem: 'two-sum', verdict: 'ACCEPTED', timeMs: 30, memoryKb: 3000 },
  { user: 'ada', problem: 'two-sum', verdict: 'ACCEPTED', timeMs: 50, memoryKb: 5000 },
  // Not counted in two-sum / python percentiles:
  { user: 'ada', problem: 'two-sum', verdict: 'WRONG_ANSWER', timeMs: 1, memoryKb: 1 }, // not accepted
  { user: 'ada', problem: 'two-sum', mode: 'run', verdict: 'ACCEPTED', timeMs: 1, memoryKb: 1 }, // a run
  { user: 'ada', problem: 'two-sum', status: 'failed', verdict: 'INTERNAL_ERROR', timeMs: 1, memoryKb: 1 },
  // two-sum / cpp, accepted: 5 7 9 ms.
  { user: 'bob', problem: 'two-sum', language: 'cpp', verdict: 'ACCEPTED', timeMs: 5, memoryKb: 800 },
  { user: 'bob', problem: 'two-sum', language: 'cpp', verdict: 'ACCEPTED', timeMs: 7, memoryKb: 900 },
  { user: 'bob', problem: 'two-sum', language: 'cpp', verdict: 'ACCEPTED', timeMs: 9, memoryKb: 900 },
  // fizz-buzz: ada fails twice, bob succeeds once.
  { user: 'ada', problem: 'fizz-buzz', verdict: 'WRONG_ANSWER', timeMs: 3, memoryKb: 100 },
  { user: 'ada', problem: 'fizz-buzz', verdict: 'TIME_LIMIT_EXCEEDED', timeMs: 2000, memoryKb: 100 },
  { user: 'bob', problem: 'fizz-buzz', verdict: 'ACCEPTED', timeMs: 12.7, memoryKb: 100 },
  // ada ran (not submitted) valid-parens: neither solved nor attempted.
  { user: 'ada', problem: 'valid-parens', mode: 'run', verdict: 'ACCEPTED', timeMs: 1, memoryKb: 1 },
];

describe.each(BACKENDS)('submission statistics on %s', (backend) => {
  let t: TestDatabase;
  let people: Record<'ada' | 'bob', User>;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    const ada = await t.database.users.createUser({ username: 'ada', passwordHash: 'h' });
    const bob = await t.database.users.createUser({ username: 'bob', passwordHash: 'h' });
    people = { ada, bob };
    for (const seed of SEED) {
      const id = randomUUID();
      const language = seed.language ?? 'python';
      await t.database.submissions.insertQueued({
        id,
        userId: seed.user ? people[seed.user].id : null,
        problemSlug: seed.problem,
        language,
        mode: seed.mode ?? 'submit',
        code: 'x',
      });
      const { timeMs, memoryKb, verdict } = seed;
      const result = jobResult(id, {
        status: seed.status ?? 'completed',
        language,
        verdict,
        timeMs,
        memoryKb,
      });
      await t.database.submissions.finish(id, result);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    // [time, memory] → [share strictly slower, share using strictly more memory], of 5 accepted.
    [20, 3000, 40, 20],
    [5, 500, 100, 100],
    [50, 5000, 0, 0],
    [25, 2999.6, 40, 20], // memory compared as stored: rounded to whole KiB
    [10, 1000, 80, 80],
  ])(
    'ranks %s ms / %s KiB among accepted python submits of two-sum',
    async (timeMs, memoryKb, runtime, memory) => {
      const rank = await t.database.stats.percentile({
        problem: 'two-sum',
        language: 'python',
        timeMs,
        memoryKb,
      });
      expect(rank).toEqual({ runtime, memory });
    },
  );

  it('ranks per language, rounding shares down to 0.01, and answers null with nothing to compare', async () => {
    const { stats } = t.database;
    expect(await stats.percentile({ problem: 'two-sum', language: 'cpp', timeMs: 6, memoryKb: 850 })).toEqual(
      {
        runtime: 66.66,
        memory: 66.66,
      },
    );
    expect(
      await stats.percentile({ problem: 'two-sum', language: 'java', timeMs: 6, memoryKb: 1 }),
    ).toBeNull();
    expect(
      await stats.percentile({ problem: 'unknown', language: 'python', timeMs: 6, memoryKb: 1 }),
    ).toBeNull();
  });

  it('buckets runtimes of accepted submits into equal whole-ms bars', async () => {
    const { stats } = t.database;
    expect(await stats.runtimeDistribution({ problem: 'two-sum', language: 'python', buckets: 4 })).toEqual({
      total: 5,
      buckets: [
        { fromMs: 10, toMs: 21, count: 3 },
        { fromMs: 21, toMs: 32, count: 1 },
        { fromMs: 32, toMs: 43, count: 0 },
        { fromMs: 43, toMs: 54, count: 1 },
      ],
    });
    const fine = await stats.runtimeDistribution({ problem: 'two-sum', language: 'python', buckets: 100 });
    expect(fine.buckets).toHaveLength(41); // 10…50 ms, 1 ms each
    expect(fine.buckets[0]).toEqual({ fromMs: 10, toMs: 11, count: 1 });
    expect(fine.buckets[10]).toEqual({ fromMs: 20, toMs: 21, count: 2 });
    expect(fine.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(5);
    expect(
      await stats.runtimeDistribution({ problem: 'fizz-buzz', language: 'python', buckets: 10 }),
    ).toEqual({
      total: 1,
      buckets: [{ fromMs: 12, toMs: 13, count: 1 }],
    });
    expect(await stats.runtimeDistribution({ problem: 'unknown', language: 'python', buckets: 10 })).toEqual({
      total: 0,
      buckets: [],
    });
  });

  it('gives acceptance rates of judged submits per problem', async () => {
    const rates = await t.database.stats.problemStats(['two-sum', 'fizz-buzz', 'unknown']);
    // two-sum: 5 python + 3 cpp accepted, 1 wrong answer; the run and the platform failure do not count.
    expect(rates.get('two-sum')).toEqual({ submissions: 9, accepted: 8, acceptanceRate: 88.89 });
    expect(rates.get('fizz-buzz')).toEqual({ submissions: 3, accepted: 1, acceptanceRate: 33.33 });
    expect(rates.get('unknown')).toEqual({ submissions: 0, accepted: 0, acceptanceRate: null });
    expect((await t.database.stats.problemStats([])).size).toBe(0);
  });

  it('tells which problems a user solved and which they only attempted', async () => {
    expect(await t.database.stats.solvedBy(people.ada.id)).toEqual({
      solved: ['two-sum'],
      attempted: ['fizz-buzz'],
    });
    expect(await t.database.stats.solvedBy(people.bob.id)).toEqual({
      solved: ['fizz-buzz', 'two-sum'],
      attempted: [],
    });
    expect(await t.database.stats.solvedBy(randomUUID())).toEqual({ solved: [], attempted: [] });
  });
});
