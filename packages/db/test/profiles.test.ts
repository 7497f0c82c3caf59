/**
 * Profile figures on both backends over seeded submits at known instants: solved problems, submits
 * per UTC day, streaks across midnight, and contest submits kept private until the contest ends.
 */
import { randomUUID } from 'node:crypto';
import type { SubmissionMode, Verdict } from '@arbiter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/index.js';
import { jobResult } from './support/job-result.js';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/test-database.js';

interface Seed {
  at: string;
  problem: string;
  verdict: Verdict;
  mode?: SubmissionMode;
  rejudge?: boolean;
  contest?: boolean;
  user?: 'ada' | 'bob';
}

/** The contest runs 2026-03-08 00:00 → 2026-03-10 20:00 UTC. */
const CONTEST_ENDS = '2026-03-10T20:00:00.000Z';
const NOW = '2026-03-10T12:00:00.000Z';

const SEED: Seed[] = [
  // Over a year before NOW: solved, part of no day in range.
  { at: '2025-03-01T10:00:00Z', problem: 'old-one', verdict: 'ACCEPTED' },
  // An ended contest's submit is public.
  { at: '2026-01-15T09:00:00Z', problem: 'contest-past', verdict: 'ACCEPTED', contest: false },
  // Three days in a row (twice on the 2nd): the longest streak, 3.
  { at: '2026-02-01T08:00:00Z', problem: 'two-sum', verdict: 'WRONG_ANSWER' },
  { at: '2026-02-01T08:05:00Z', problem: 'two-sum', verdict: 'ACCEPTED' },
  { at: '2026-02-02T01:00:00Z', problem: 'fizz-buzz', verdict: 'ACCEPTED' },
  { at: '2026-02-02T22:00:00Z', problem: 'two-sum', verdict: 'ACCEPTED' },
  { at: '2026-02-03T23:59:59Z', problem: 'climb', verdict: 'ACCEPTED' },
  // 2026-03-08 counts for nothing: a run, a rejudge, and a submit of the running contest.
  { at: '2026-03-08T10:00:00Z', problem: 'reverse', verdict: 'ACCEPTED', mode: 'run' },
  { at: '2026-03-08T11:00:00Z', problem: 'fizz-buzz', verdict: 'ACCEPTED', rejudge: true },
  { at: '2026-03-08T12:00:00Z', problem: 'secret', verdict: 'ACCEPTED', contest: true },
  // Across midnight: two days, the current streak.
  { at: '2026-03-09T23:59:30Z', problem: 'climb', verdict: 'ACCEPTED' },
  { at: '2026-03-10T00:00:30Z', problem: 'valid-parens', verdict: 'ACCEPTED' },
  { at: '2026-03-10T00:10:00Z', problem: 'reverse', verdict: 'WRONG_ANSWER' },
  // Someone else's.
  { at: '2026-03-10T01:00:00Z', problem: 'reverse', verdict: 'ACCEPTED', user: 'bob' },
];

describe.each(BACKENDS)('profiles on %s', (backend) => {
  let t: TestDatabase;
  let ada: User;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ada = await t.database.users.createUser({ username: 'ada', passwordHash: 'h' });
    const bob = await t.database.users.createUser({ username: 'bob', passwordHash: 'h' });
    const settings = {
      description: '',
      durationMinutes: null,
      visibility: 'public' as const,
      inviteCode: null,
      scoring: 'icpc' as const,
      freezeMinutes: 0,
      penaltyMinutes: 20,
    };
    const running = await t.database.contests.create(
      ada.id,
      {
        ...settings,
        title: 'Running',
        startsAt: new Date('2026-03-08T00:00:00Z'),
        endsAt: new Date(CONTEST_ENDS),
      },
      [{ letter: 'A', problemSlug: 'secret', points: 100 }],
    );
    const ended = await t.database.contests.create(
      ada.id,
      {
        ...settings,
        title: 'Ended',
        startsAt: new Date('2026-01-15T00:00:00Z'),
        endsAt: new Date('2026-01-16T00:00:00Z'),
      },
      [{ letter: 'A', problemSlug: 'contest-past', points: 100 }],
    );
    // The original of the rejudge, left queued: one more submit on 2026-02-02.
    const original = randomUUID();
    await t.database.submissions.insertQueued({
      id: original,
      userId: ada.id,
      problemSlug: 'fizz-buzz',
      language: 'python',
      mode: 'submit',
      code: 'x',
      createdAt: new Date('2026-02-02T01:00:00Z'),
    });
    for (const seed of SEED) {
      const id = randomUUID();
      await t.database.submissions.insertQueued({
        id,
        userId: seed.user === 'bob' ? bob.id : ada.id,
        problemSlug: seed.problem,
        language: 'python',
        mode: seed.mode ?? 'submit',
        code: 'x',
        rejudgeOf: seed.rejudge ? original : null,
        contestId: seed.contest === undefined ? null : seed.contest ? running.id : ended.id,
        createdAt: new Date(seed.at),
      });
      await t.database.submissions.finish(
        id,
        jobResult(id, { mode: seed.mode ?? 'submit', verdict: seed.verdict }),
      );
    }
    t.clock.set(new Date(NOW));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the solved problems with their latest accepted submit, contest ones once the contest ended', async () => {
    const stats = await t.database.profiles.profile(ada.id, 365);
    const solved = Object.fromEntries(
      stats.solved.map((s) => [s.problemSlug, s.lastAcceptedAt.toISOString()]),
    );
    expect(solved).toEqual({
      'old-one': '2025-03-01T10:00:00.000Z',
      'contest-past': '2026-01-15T09:00:00.000Z',
      'two-sum': '2026-02-02T22:00:00.000Z',
      // The rejudge's acceptance is the latest.
      'fizz-buzz': '2026-03-08T11:00:00.000Z',
      climb: '2026-03-09T23:59:30.000Z',
      'valid-parens': '2026-03-10T00:00:30.000Z',
    });
  });

  it('counts submits per UTC day over the last 365 days, without runs, rejudges and running contests', async () => {
    const stats = await t.database.profiles.profile(ada.id, 365);
    expect(stats.from).toBe('2025-03-11');
    expect(stats.to).toBe('2026-03-10');
    expect(stats.days).toEqual([
      { date: '2026-01-15', count: 1 },
      { date: '2026-02-01', count: 2 },
      { date: '2026-02-02', count: 3 },
      { date: '2026-02-03', count: 1 },
      { date: '2026-03-09', count: 1 },
      { date: '2026-03-10', count: 2 },
    ]);
  });

  it('computes the current and the longest streak of days with an accepted submit', async () => {
    // Across midnight: 2026-03-09 23:59:30 and 2026-03-10 00:00:30 are two days.
    expect(await t.database.profiles.profile(ada.id, 365)).toMatchObject({
      currentStreak: 2,
      longestStreak: 3,
    });
    // Still before the contest's end: its submit of the 8th stays out.
    t.clock.set(new Date(new Date(CONTEST_ENDS).getTime() - 1));
    expect(await t.database.profiles.profile(ada.id, 365)).toMatchObject({
      currentStreak: 2,
      longestStreak: 3,
    });
    t.clock.set(new Date(NOW));
  });

  it('shows a contest submit once its contest has ended', async () => {
    t.clock.set(new Date(CONTEST_ENDS));
    const after = await t.database.profiles.profile(ada.id, 365);
    expect(after.solved.map((s) => s.problemSlug)).toContain('secret');
    expect(after.days).toContainEqual({ date: '2026-03-08', count: 1 });
    // The 8th, 9th and 10th of March in a row now.
    expect(after).toMatchObject({ currentStreak: 3, longestStreak: 3 });
    // The next day, before any submit: the streak still stands.
    t.clock.set(new Date('2026-03-11T23:59:59Z'));
    expect(await t.database.profiles.profile(ada.id, 365)).toMatchObject({
      currentStreak: 3,
      longestStreak: 3,
    });
    // A whole day without one: broken.
    t.clock.set(new Date('2026-03-12T00:00:01Z'));
    expect(await t.database.profiles.profile(ada.id, 365)).toMatchObject({
      currentStreak: 0,
      longestStreak: 3,
    });
    t.clock.set(new Date(NOW));
  });

  it('answers zeros for a user without submits', async () => {
    const nobody = await t.database.users.createUser({ username: 'nobody', passwordHash: 'h' });
    expect(await t.database.profiles.profile(nobody.id, 365)).toEqual({
      solved: [],
      from: '2025-03-11',
      to: '2026-03-10',
      days: [],
      currentStreak: 0,
      longestStreak: 0,
    });
  });
});
