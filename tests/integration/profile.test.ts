/**
 * `GET /users/:username/profile` over HTTP: a real accepted submit shows on the profile; seeded
 * submits at known UTC instants give the counts by difficulty and tag, the day counts and the
 * streaks across midnight; a running contest's submits stay hidden until it ends; problems of a
 * contest yet to start stay out; an unknown user is a 404 that says so.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { userProfileSchema, type UserProfile } from '@arbiter/contracts';
import { CATALOG_ROOT, loadCatalog, type Catalog } from '@arbiter/problems';
import { USING_PGLITE, signUp, testSql, waitFor, waitForResult } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { SUBMIT_RATE_PER_MINUTE_IP: '0', AUTH_RATE_PER_MINUTE_IP: '0' } });

const DAY_MS = 86_400_000;

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(CATALOG_ROOT);
});

async function get(
  path: string,
  cookie?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${platform.url}${path}`, { headers: cookie === undefined ? {} : { cookie } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function profile(username: string): Promise<UserProfile> {
  const answer = await get(`/users/${encodeURIComponent(username)}/profile`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return userProfileSchema.parse(answer.body);
}

/** `YYYY-MM-DD` of a UTC instant. */
const utcDay = (at: Date) => at.toISOString().slice(0, 10);

describe('profile', () => {
  it('shows an accepted submit made through POST /submit', async () => {
    const cookie = await signUp(platform.url, 'prof-live');
    const code = catalog.get('two-sum')?.solutions.find((s) => s.language === 'python')?.code ?? '';
    const response = await fetch(`${platform.url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ language: 'python', code, problem: 'two-sum', mode: 'submit' }),
    });
    const { jobId } = (await response.json()) as { jobId: string };
    expect((await waitForResult(platform.url, jobId, scaledMs(60_000), cookie)).verdict).toBe('ACCEPTED');
    // The profile is the database: wait until the result is saved there.
    await waitFor(
      async () => (await get(`/submissions/${jobId}`, cookie)).body.status === 'completed',
      scaledMs(10_000),
      () => jobId,
    );

    // Any case finds the account; the answer spells it as it signed up.
    const seen = await profile('PROF-LIVE');
    const today = utcDay(new Date());
    expect(seen.username).toBe('prof-live');
    expect(seen.solved.total).toBe(1);
    expect(seen.solved.of).toBe(catalog.size);
    expect(seen.solved.byDifficulty.find((d) => d.difficulty === 'easy')).toMatchObject({ solved: 1 });
    expect(seen.solved.byTag.map((t) => t.tag).sort()).toEqual(['array', 'hash-table']);
    expect(seen.recentAccepted).toEqual([
      expect.objectContaining({ slug: 'two-sum', title: catalog.get('two-sum')?.title, difficulty: 'easy' }),
    ]);
    expect(seen.activity.to).toBe(today);
    expect(seen.activity.days).toEqual([{ date: today, count: 1 }]);
    expect(seen.streak).toEqual({ current: 1, longest: 1 });
  });

  it('answers 404 for an unknown user, saying so', async () => {
    const unknown = await get('/users/nobody-by-that-name/profile');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'No user named "nobody-by-that-name".' },
    });
    const malformed = await get('/users/not%20a%20name/profile');
    expect(malformed.status).toBe(404);
    expect(malformed.body).toMatchObject({
      error: { code: 'NOT_FOUND', message: 'No user named "not a name".' },
    });
  });
});

describe.skipIf(USING_PGLITE)('profile over seeded submits', () => {
  /** Midnight (UTC) that starts today. */
  const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  /** An instant `days` days before today's midnight, at `time` (UTC). */
  const at = (days: number, time: string) =>
    new Date(`${utcDay(new Date(today.getTime() - days * DAY_MS))}T${time}Z`);
  const runningContest = randomUUID();
  let userId: string;

  async function seed(row: { problem: string; at: Date; verdict: string; mode?: string; contest?: string }) {
    await testSql(
      platform.prefix,
      `insert into submissions (id, user_id, problem_slug, language, mode, code, status, verdict,
         contest_id, created_at, finished_at)
       values ($1, $2, $3, 'python', $4, 'x', 'completed', $5, $6, $7::timestamptz, $7::timestamptz)`,
      [
        randomUUID(),
        userId,
        row.problem,
        row.mode ?? 'submit',
        row.verdict,
        row.contest ?? null,
        row.at.toISOString(),
      ],
    );
  }

  async function contest(id: string, startsAt: Date, endsAt: Date, problem: string) {
    await testSql(
      platform.prefix,
      `insert into contests (id, title, starts_at, ends_at) values ($1, 'Profile contest', $2, $3)`,
      [id, startsAt.toISOString(), endsAt.toISOString()],
    );
    await testSql(
      platform.prefix,
      `insert into contest_problems (contest_id, letter, problem_slug) values ($1, 'A', $2)`,
      [id, problem],
    );
  }

  beforeAll(async () => {
    await signUp(platform.url, 'prof-seeded');
    const rows = await testSql(platform.prefix, `select id from users where username = 'prof-seeded'`);
    userId = (rows.rows[0] as { id: string }).id;
    // Across midnight: yesterday and the day before are two days of a streak that still stands today.
    await seed({ problem: 'two-sum', at: at(1, '00:00:10'), verdict: 'ACCEPTED' });
    await seed({ problem: 'climbing-stairs', at: at(2, '23:59:50'), verdict: 'ACCEPTED' });
    await seed({ problem: 'climbing-stairs', at: at(2, '12:00:00'), verdict: 'WRONG_ANSWER' });
    // A run is no submit.
    await seed({ problem: 'two-sum', at: at(3, '10:00:00'), verdict: 'ACCEPTED', mode: 'run' });
    // Three days in a row a month ago: the longest streak.
    await seed({ problem: 'house-robber', at: at(30, '08:00:00'), verdict: 'ACCEPTED' });
    await seed({ problem: 'coin-change', at: at(29, '08:00:00'), verdict: 'ACCEPTED' });
    await seed({ problem: 'trapping-rain-water', at: at(28, '08:00:00'), verdict: 'ACCEPTED' });
    await seed({ problem: 'trapping-rain-water', at: at(28, '09:00:00'), verdict: 'ACCEPTED' });
    // Over a year ago: solved, but outside the activity.
    await seed({ problem: 'binary-search', at: at(400, '08:00:00'), verdict: 'ACCEPTED' });
    // A contest running now: its submit stays hidden until the end.
    await contest(runningContest, at(1, '00:00:00'), new Date(Date.now() + DAY_MS), 'first-missing-positive');
    await seed({
      problem: 'first-missing-positive',
      at: at(1, '12:00:00'),
      verdict: 'ACCEPTED',
      contest: runningContest,
    });
    // A problem of a contest yet to start is no one's to see, solved or not.
    await contest(
      randomUUID(),
      new Date(Date.now() + DAY_MS),
      new Date(Date.now() + 2 * DAY_MS),
      'median-of-two-sorted-arrays',
    );
    await seed({ problem: 'median-of-two-sorted-arrays', at: at(5, '08:00:00'), verdict: 'ACCEPTED' });
  });

  it('counts solved problems by difficulty and tag against the visible catalog', async () => {
    const seen = await profile('prof-seeded');
    const visible = [...catalog.values()].filter((p) => p.slug !== 'median-of-two-sorted-arrays');
    const total = (difficulty: string) => visible.filter((p) => p.difficulty === difficulty).length;
    expect(seen.solved.total).toBe(6);
    expect(seen.solved.of).toBe(visible.length);
    expect(seen.solved.byDifficulty).toEqual([
      { difficulty: 'easy', solved: 3, total: total('easy') },
      { difficulty: 'medium', solved: 2, total: total('medium') },
      { difficulty: 'hard', solved: 1, total: total('hard') },
    ]);
    // array: two-sum, binary-search, house-robber, coin-change, trapping-rain-water.
    expect(seen.solved.byTag[0]).toEqual({
      tag: 'array',
      solved: 5,
      total: visible.filter((p) => p.tags.includes('array')).length,
    });
    expect(seen.solved.byTag[1]).toMatchObject({ tag: 'dynamic-programming', solved: 4 });
    expect(seen.recentAccepted.map((r) => r.slug)).toEqual([
      'two-sum',
      'climbing-stairs',
      'trapping-rain-water',
      'coin-change',
      'house-robber',
      'binary-search',
    ]);
    expect(seen.recentAccepted[2]?.acceptedAt).toBe(at(28, '09:00:00').toISOString());
  });

  it('counts submits per UTC day and the streaks across midnight', async () => {
    const seen = await profile('prof-seeded');
    expect(seen.activity.from).toBe(utcDay(new Date(today.getTime() - 364 * DAY_MS)));
    expect(seen.activity.to).toBe(utcDay(today));
    expect(seen.activity.days).toEqual([
      { date: utcDay(at(30, '00:00:00')), count: 1 },
      { date: utcDay(at(29, '00:00:00')), count: 1 },
      { date: utcDay(at(28, '00:00:00')), count: 2 },
      { date: utcDay(at(5, '00:00:00')), count: 1 },
      { date: utcDay(at(2, '00:00:00')), count: 2 },
      { date: utcDay(at(1, '00:00:00')), count: 1 },
    ]);
    expect(seen.activity.total).toBe(8);
    expect(seen.streak).toEqual({ current: 2, longest: 3 });
  });

  it("keeps a running contest's submits hidden until the contest ends", async () => {
    const during = await profile('prof-seeded');
    expect(during.recentAccepted.map((r) => r.slug)).not.toContain('first-missing-positive');
    await testSql(
      platform.prefix,
      `update contests set ends_at = now() - interval '1 second' where id = $1`,
      [runningContest],
    );
    const after = await profile('prof-seeded');
    expect(after.recentAccepted[0]).toMatchObject({
      slug: 'first-missing-positive',
      acceptedAt: at(1, '12:00:00').toISOString(),
    });
    expect(after.solved.byDifficulty.find((d) => d.difficulty === 'hard')).toMatchObject({ solved: 2 });
    expect(after.activity.days.at(-1)).toEqual({ date: utcDay(at(1, '00:00:00')), count: 2 });
  });
});
