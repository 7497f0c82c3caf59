/** Submissions on both backends: lifecycle, first final write wins, history pages and filters. */
import { randomUUID } from 'node:crypto';
import type { Verdict } from '@arbiter/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { InvalidCursorError, type NewSubmission, type SubmissionSummary, type User } from '../src/index.js';
import { jobResult, tests } from './support/job-result.js';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/test-database.js';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');

describe.each(BACKENDS)('submissions on %s', (backend) => {
  let t: TestDatabase;
  let user: User;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t.reset();
    user = await t.database.users.createUser({ username: 'ada', passwordHash: 'h' });
  });

  function submission(overrides: Partial<NewSubmission> = {}): NewSubmission {
    return {
      id: randomUUID(),
      userId: user.id,
      problemSlug: 'two-sum',
      language: 'python',
      mode: 'submit',
      code: 'print(1)',
      createdAt: new Date(T0),
      ...overrides,
    };
  }

  it('goes queued → running → completed with the full result', async () => {
    const { submissions } = t.database;
    const row = submission();
    expect(await submissions.insertQueued(row)).toBe(true);
    expect(await submissions.insertQueued(row)).toBe(false); // idempotent
    expect(await submissions.getSubmission(row.id)).toMatchObject({
      id: row.id,
      userId: user.id,
      problemSlug: 'two-sum',
      status: 'queued',
      verdict: null,
      result: null,
      createdAt: new Date(T0),
      startedAt: null,
    });

    const startedAt = new Date(T0 + 500);
    expect(await submissions.markRunning(row.id, { startedAt, worker: 'w7' })).toBe(true);
    expect(await submissions.getSubmission(row.id)).toMatchObject({
      status: 'running',
      startedAt,
      worker: 'w7',
    });

    const result = jobResult(row.id, {
      verdict: 'WRONG_ANSWER',
      timeMs: 12.5,
      memoryKb: 2048.4,
      compileOutput: 'warning: unused',
      tests: tests('ACCEPTED', 'ACCEPTED', 'WRONG_ANSWER'),
      worker: 'w7',
    });
    const finished = await submissions.finish(row.id, result);
    expect(finished).toMatchObject({
      status: 'completed',
      verdict: 'WRONG_ANSWER',
      timeMs: 12.5,
      memoryKb: 2048,
      testsPassed: 2,
      testsTotal: 3,
      compileOutput: 'warning: unused',
      startedAt, // the worker's own start time is kept
      finishedAt: new Date('2026-01-01T00:00:02.000Z'),
    });
    expect(finished?.result).toEqual(result);
    expect(await submissions.getSubmission(row.id)).toEqual(finished);
    expect(await submissions.getSubmission(randomUUID())).toBeNull();
  });

  it("counts a problem's tests as the judge does: passed of every test of the mode, run or not", async () => {
    const { submissions } = t.database;
    const row = submission();
    await submissions.insertQueued(row);
    // A submit that timed out on its first test: one test listed, 34 in the mode.
    const result = jobResult(row.id, {
      mode: 'submit',
      problem: 'two-sum',
      verdict: 'TIME_LIMIT_EXCEEDED',
      tests: tests('TIME_LIMIT_EXCEEDED'),
      passed: 0,
      total: 34,
    });
    expect(await submissions.finish(row.id, result)).toMatchObject({ testsPassed: 0, testsTotal: 34 });
  });

  it('never overwrites a finished submission, nor marks it running again', async () => {
    const { submissions } = t.database;
    const row = submission();
    await submissions.insertQueued(row);
    const first = await submissions.finish(row.id, jobResult(row.id, { verdict: 'ACCEPTED' }));
    expect(first?.verdict).toBe('ACCEPTED');
    const late = jobResult(row.id, { status: 'failed', verdict: 'INTERNAL_ERROR', error: 'lost' });
    expect(await submissions.finish(row.id, late)).toBeNull();
    expect(await submissions.markRunning(row.id, { startedAt: new Date(), worker: 'w2' })).toBe(false);
    expect(await submissions.getSubmission(row.id)).toEqual(first);
    expect(await submissions.deleteQueued(row.id)).toBe(false);
    expect((await t.database.stats.problemStats(['two-sum'])).get('two-sum')).toEqual({
      submissions: 1,
      accepted: 1,
      acceptanceRate: 100,
    });
  });

  // Each statement is a round trip and a write on the API's side: a job's whole life is three of them.
  it.runIf(backend === 'postgres')(
    'records a job in one statement per step: queued, running, finished with its statistics',
    async () => {
      const { submissions } = t.database;
      const row = submission();
      const sent = vi.spyOn(pg.Client.prototype, 'query');
      try {
        await submissions.insertQueued(row);
        await submissions.markRunning(row.id, { startedAt: new Date(T0 + 1), worker: 'w1' });
        await submissions.finish(row.id, jobResult(row.id, { verdict: 'ACCEPTED' }));
        expect(sent).toHaveBeenCalledTimes(3);
      } finally {
        sent.mockRestore();
      }
      expect((await t.database.stats.problemStats(['two-sum'])).get('two-sum')).toEqual({
        submissions: 1,
        accepted: 1,
        acceptanceRate: 100,
      });
    },
  );

  it('refuses a result that is not final, and ignores an unknown id', async () => {
    const row = submission();
    await t.database.submissions.insertQueued(row);
    await expect(
      t.database.submissions.finish(row.id, jobResult(row.id, { status: 'running' })),
    ).rejects.toThrow('not final');
    expect(await t.database.submissions.finish(randomUUID(), jobResult('x'))).toBeNull();
  });

  it('deletes a still-queued row when the queue refused the job', async () => {
    const row = submission({ userId: null, problemSlug: null, mode: 'run' });
    await t.database.submissions.insertQueued(row);
    expect(await t.database.submissions.deleteQueued(row.id)).toBe(true);
    expect(await t.database.submissions.getSubmission(row.id)).toBeNull();
  });

  it('lists a history newest first, page by page, with filters by problem and verdict', async () => {
    const { submissions } = t.database;
    const other = await t.database.users.createUser({ username: 'bob', passwordHash: 'h' });
    const verdicts: Verdict[] = ['ACCEPTED', 'WRONG_ANSWER', 'TIME_LIMIT_EXCEEDED'];
    const ids: string[] = [];
    // 25 submissions; pairs share a timestamp so the id must break ties.
    for (let i = 0; i < 25; i += 1) {
      const row = submission({
        createdAt: new Date(T0 + Math.floor(i / 2) * 1000),
        problemSlug: i % 2 === 0 ? 'two-sum' : 'fizz-buzz',
      });
      ids.push(row.id);
      await submissions.insertQueued(row);
      await submissions.finish(row.id, jobResult(row.id, { verdict: verdicts[i % 3] ?? null }));
    }
    await submissions.insertQueued(submission({ userId: other.id }));

    const expected = ids
      .map((id, i) => ({ id, at: T0 + Math.floor(i / 2) * 1000 }))
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
      .map((row) => row.id);

    const seen: SubmissionSummary[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await submissions.listSubmissions({ userId: user.id, cursor, limit: 10 });
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((row) => row.id)).toEqual(expected);
    expect(seen[0]).not.toHaveProperty('code');
    expect(seen[0]).not.toHaveProperty('result');

    const exact = await submissions.listSubmissions({ userId: user.id, limit: 25 });
    expect(exact.items).toHaveLength(25);
    expect(exact.nextCursor).toBeNull();

    const twoSum = await submissions.listSubmissions({ userId: user.id, problem: 'two-sum', limit: 100 });
    expect(twoSum.items).toHaveLength(13);
    expect(twoSum.items.every((row) => row.problemSlug === 'two-sum')).toBe(true);

    // Accepted on two-sum: i ∈ {0, 6, 12, 18, 24}; two per page.
    const accepted: string[] = [];
    let page = await submissions.listSubmissions({
      userId: user.id,
      problem: 'two-sum',
      verdict: 'ACCEPTED',
      limit: 2,
    });
    accepted.push(...page.items.map((row) => row.id));
    while (page.nextCursor) {
      page = await submissions.listSubmissions({
        userId: user.id,
        problem: 'two-sum',
        verdict: 'ACCEPTED',
        cursor: page.nextCursor,
        limit: 2,
      });
      accepted.push(...page.items.map((row) => row.id));
    }
    expect(accepted).toEqual([24, 18, 12, 6, 0].map((i) => ids[i]));

    const none = await submissions.listSubmissions({ userId: user.id, verdict: 'COMPILE_ERROR', limit: 5 });
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it('rejects a cursor it did not issue', async () => {
    for (const cursor of [
      'garbage',
      Buffer.from('["x"]').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
    ]) {
      await expect(
        t.database.submissions.listSubmissions({ userId: user.id, cursor, limit: 5 }),
      ).rejects.toBeInstanceOf(InvalidCursorError);
    }
  });
});
