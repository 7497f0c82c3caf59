/**
 * The teacher's views over HTTP: everyone's submissions (filters, cursor pages, CSV export with
 * formula cells neutralised and a row cap), account management (list, disable, reset password)
 * and who may do what: admins everything, organisers the submissions only, users nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CSV_EXPORT_MAX_ROWS,
  adminSubmissionPageSchema,
  adminUserPageSchema,
  resetPasswordResponseSchema,
  type AdminSubmission,
  type AdminUser,
} from '@arbiter/contracts';
import { USING_PGLITE, signUp, testSql } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({
  api: { AUTH_RATE_PER_MINUTE_IP: '0', SIGNUP_RATE_PER_HOUR_IP: '0', LOGIN_FAILURES_PER_HOUR_USER_IP: '0' },
  worker: false,
});

let admin: string;
let teacher: string;
let alice: string;
let bob: string;
const ids: Record<string, string> = {};

interface Answer {
  status: number;
  body: Record<string, unknown>;
  text: string;
  headers: Headers;
}

async function call(method: string, path: string, cookie?: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (cookie !== undefined) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // CSV and other media.
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

const get = (path: string, cookie?: string) => call('GET', path, cookie);

async function login(username: string, password: string): Promise<Answer & { cookie?: string }> {
  const response = await fetch(`${platform.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return {
    status: response.status,
    body,
    text: '',
    headers: response.headers,
    cookie: response.headers.get('set-cookie')?.split(';')[0],
  };
}

async function page(path: string, cookie = admin): Promise<AdminSubmission[]> {
  const answer = await get(path, cookie);
  expect(answer.status, answer.text).toBe(200);
  return adminSubmissionPageSchema.parse(answer.body).items;
}

async function users(query: string): Promise<AdminUser[]> {
  const answer = await get(`/admin/users${query}`, admin);
  expect(answer.status, answer.text).toBe(200);
  return adminUserPageSchema.parse(answer.body).items;
}

/** Inserts a finished submission `minute` minutes after a fixed start, so the order is known. */
async function insert(
  key: string,
  row: { user: string | null; problem: string | null; language: string; verdict: string; minute: number },
): Promise<void> {
  const id = crypto.randomUUID();
  ids[key] = id;
  const userId =
    row.user === null
      ? null
      : (await users(`?search=${encodeURIComponent(row.user)}`)).find((u) => u.username === row.user)?.id;
  await testSql(
    platform.prefix,
    `insert into submissions (id, user_id, problem_slug, language, mode, code, status, verdict,
       tests_passed, tests_total, time_ms, memory_kb, created_at, finished_at)
     values ($1, $2, $3, $4, $5, 'print(1)', 'completed', $6, 1, 3, 12.5, 2048,
       timestamptz '2026-01-01T10:00:00Z' + make_interval(mins => $7::int),
       timestamptz '2026-01-01T10:00:01Z' + make_interval(mins => $7::int))`,
    [
      id,
      userId ?? null,
      row.problem,
      row.language,
      row.problem === null ? 'run' : 'submit',
      row.verdict,
      row.minute,
    ],
  );
}

describe.skipIf(USING_PGLITE)('admin views', () => {
  beforeAll(async () => {
    admin = await signUp(platform.url, 'views-admin'); // the first account: an admin
    teacher = await signUp(platform.url, 'views-teacher');
    alice = await signUp(platform.url, 'views-alice');
    // A username a spreadsheet would read as a formula.
    bob = await signUp(platform.url, '-views-bob');
    expect((await call('PUT', '/admin/users/views-teacher/role', admin, { role: 'teacher' })).status).toBe(
      200,
    );
    await insert('aliceAccepted', {
      user: 'views-alice',
      problem: 'two-sum',
      language: 'python',
      verdict: 'ACCEPTED',
      minute: 0,
    });
    await insert('aliceWrong', {
      user: 'views-alice',
      problem: 'two-sum',
      language: 'cpp',
      verdict: 'WRONG_ANSWER',
      minute: 1,
    });
    await insert('bobFormula', {
      user: '-views-bob',
      problem: '=HYPERLINK("http://evil.example","x")',
      language: 'python',
      verdict: 'ACCEPTED',
      minute: 2,
    });
    await insert('bobSlow', {
      user: '-views-bob',
      problem: 'climbing-stairs',
      language: 'python',
      verdict: 'TIME_LIMIT_EXCEEDED',
      minute: 3,
    });
    await insert('anonymousRun', {
      user: null,
      problem: null,
      language: 'javascript',
      verdict: 'ACCEPTED',
      minute: 4,
    });
  });

  it("lists everyone's submissions newest first, with each filter and combinations", async () => {
    const all = await page('/admin/submissions');
    expect(all.map((item) => item.id)).toEqual(
      ['anonymousRun', 'bobSlow', 'bobFormula', 'aliceWrong', 'aliceAccepted'].map((key) => ids[key]),
    );
    expect(all[0]).toMatchObject({ username: null, problemSlug: null, mode: 'run' });
    expect(all[1]).toMatchObject({
      username: '-views-bob',
      verdict: 'TIME_LIMIT_EXCEEDED',
      testsPassed: 1,
      testsTotal: 3,
    });

    const byUser = await page('/admin/submissions?user=VIEWS-ALICE');
    expect(byUser.map((item) => item.id)).toEqual([ids.aliceWrong, ids.aliceAccepted]);
    const byProblem = await page('/admin/submissions?problem=two-sum&language=cpp');
    expect(byProblem.map((item) => item.id)).toEqual([ids.aliceWrong]);
    const byVerdict = await page('/admin/submissions?verdict=ACCEPTED');
    expect(byVerdict.map((item) => item.id)).toEqual([ids.anonymousRun, ids.bobFormula, ids.aliceAccepted]);
    const combined = await page('/admin/submissions?user=-views-bob&verdict=ACCEPTED&language=python');
    expect(combined.map((item) => item.id)).toEqual([ids.bobFormula]);
    expect(await page('/admin/submissions?user=nobody-at-all')).toEqual([]);

    expect((await get('/admin/submissions?verdict=SOMETIMES', admin)).status).toBe(400);
    expect((await get('/admin/submissions?cursor=bm90LWEtY3Vyc29y', admin)).status).toBe(400);
  });

  it('pages with a cursor without skipping or repeating a row', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const answer = await get(`/admin/submissions?limit=2${query}`, admin);
      const parsed = adminSubmissionPageSchema.parse(answer.body);
      expect(parsed.items.length).toBeLessThanOrEqual(2);
      seen.push(...parsed.items.map((item) => item.id));
      cursor = parsed.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual((await page('/admin/submissions')).map((item) => item.id));
    expect(seen).toHaveLength(5);
  });

  it('exports the filtered rows as CSV with formula cells neutralised', async () => {
    const answer = await get('/admin/submissions.csv?user=-views-bob', admin);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/csv');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="submissions-.*\.csv"$/);
    const lines = answer.text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'id,created_at,username,problem,language,mode,status,verdict,tests_passed,tests_total,time_ms,memory_kb,rejudge_of',
    );
    expect(lines.slice(1, -1)).toEqual([
      `${ids.bobSlow},2026-01-01T10:03:00.000Z,'-views-bob,climbing-stairs,python,submit,completed,TIME_LIMIT_EXCEEDED,1,3,12.5,2048,`,
      `${ids.bobFormula},2026-01-01T10:02:00.000Z,'-views-bob,"'=HYPERLINK(""http://evil.example"",""x"")",python,submit,completed,ACCEPTED,1,3,12.5,2048,`,
    ]);
    // No cell of any line starts a formula, quoted or not.
    for (const line of lines) expect(line).not.toMatch(/(^|,)"?[=+\-@]/);
    // Every row of the unfiltered export, in the list's order.
    const all = (await get('/admin/submissions.csv', admin)).text.split('\r\n').slice(1, -1);
    expect(all.map((line) => line.split(',')[0])).toEqual(
      (await page('/admin/submissions')).map((item) => item.id),
    );
  });

  it(
    `stops an export at ${CSV_EXPORT_MAX_ROWS} rows and says so`,
    async () => {
      await testSql(
        platform.prefix,
        `insert into submissions (id, problem_slug, language, mode, code, status, verdict, created_at)
       select 'bulk-' || n, 'bulk-problem', 'python', 'submit', '', 'completed', 'ACCEPTED',
              timestamptz '2025-01-01T00:00:00Z' + make_interval(secs => n)
       from generate_series(1, $1::int) as n`,
        [CSV_EXPORT_MAX_ROWS + 5],
      );
      const answer = await get('/admin/submissions.csv?problem=bulk-problem', admin);
      const lines = answer.text.split('\r\n');
      expect(lines).toHaveLength(1 + CSV_EXPORT_MAX_ROWS + 2);
      expect(lines[1]?.startsWith(`bulk-${CSV_EXPORT_MAX_ROWS + 5},`)).toBe(true);
      expect(lines.at(-2)).toBe(`# stopped at ${CSV_EXPORT_MAX_ROWS} rows; narrow the filters`);
      await testSql(platform.prefix, `delete from submissions where problem_slug = 'bulk-problem'`);
    },
    scaledMs(180_000),
  );

  it('lets organisers see submissions but not manage accounts or rejudge; users see neither', async () => {
    expect((await get('/admin/submissions')).status).toBe(401);
    expect((await get('/admin/submissions', alice)).status).toBe(403);
    expect((await get('/admin/submissions.csv', alice)).status).toBe(403);
    expect((await page('/admin/submissions?user=views-alice', teacher)).length).toBe(2);
    expect((await get('/admin/submissions.csv', teacher)).status).toBe(200);
    // Organisers open anyone's submission; users only their own.
    expect((await get(`/submissions/${ids.bobSlow}`, teacher)).body).toMatchObject({
      id: ids.bobSlow,
      code: 'print(1)',
    });
    expect((await get(`/submissions/${ids.bobSlow}`, alice)).status).toBe(404);
    expect((await get(`/submissions/${ids.bobSlow}`, bob)).status).toBe(200);

    for (const cookie of [teacher, alice]) {
      expect((await get('/admin/users', cookie)).body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(
        (await call('PUT', '/admin/users/views-alice/disabled', cookie, { disabled: true })).status,
      ).toBe(403);
      expect((await call('POST', '/admin/users/views-alice/password', cookie, {})).status).toBe(403);
      expect((await call('POST', '/admin/rejudge', cookie, { submissionId: ids.aliceWrong })).status).toBe(
        403,
      );
    }
    expect((await get('/admin/users')).status).toBe(401);
    expect((await get('/auth/me', alice)).status).toBe(200);
  });

  it('rejudges a listed submission; the rejudge shows in the list', async () => {
    const answer = await call('POST', '/admin/rejudge', admin, { submissionId: ids.aliceWrong });
    expect(answer.status, answer.text).toBe(202);
    const [newest] = await page('/admin/submissions?user=views-alice&limit=1');
    expect(newest).toMatchObject({ rejudgeOf: ids.aliceWrong, username: 'views-alice', status: 'queued' });
  });

  it('lists accounts with search, role and disabled filters and submission counts', async () => {
    const all = await users('');
    expect(all.map((user) => user.username)).toEqual([
      '-views-bob',
      'views-alice',
      'views-teacher',
      'views-admin',
    ]);
    expect(all.find((user) => user.username === 'views-alice')).toMatchObject({
      role: 'user',
      disabledAt: null,
      submissions: 3,
    });
    expect(all.find((user) => user.username === '-views-bob')?.submissions).toBe(2);
    expect((await users('?search=BOB')).map((user) => user.username)).toEqual(['-views-bob']);
    expect((await users('?search=%25')).map((user) => user.username)).toEqual([]);
    expect((await users('?role=organiser')).map((user) => user.username)).toEqual(['views-teacher']);
    const first = adminUserPageSchema.parse((await get('/admin/users?limit=3', admin)).body);
    const rest = adminUserPageSchema.parse(
      (await get(`/admin/users?limit=3&cursor=${encodeURIComponent(first.nextCursor ?? '')}`, admin)).body,
    );
    expect([...first.items, ...rest.items].map((user) => user.username)).toEqual(
      all.map((user) => user.username),
    );
    expect(rest.nextCursor).toBeNull();
  });

  it('disabling an account ends its sessions and refuses its sign-in; enabling lets it back', async () => {
    const disabled = await call('PUT', '/admin/users/VIEWS-ALICE/disabled', admin, { disabled: true });
    expect(disabled.status, disabled.text).toBe(200);
    expect(disabled.body).toMatchObject({
      user: { username: 'views-alice', disabledAt: expect.any(String) },
    });
    expect((await get('/auth/me', alice)).status).toBe(401);
    const refused = await login('views-alice', 'a long enough secret');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: {
        code: 'ACCOUNT_DISABLED',
        message: 'This account is disabled. Ask an admin of this site to enable it again.',
      },
    });
    // A wrong password still gets the usual answer: the state is told only to whoever knows the password.
    expect((await login('views-alice', 'not the password')).status).toBe(401);
    expect((await users('?disabled=true')).map((user) => user.username)).toEqual(['views-alice']);
    expect((await users('?disabled=false')).map((user) => user.username)).not.toContain('views-alice');
    // Her submissions stay.
    expect(await page('/admin/submissions?user=views-alice')).toHaveLength(3);

    const self = await call('PUT', '/admin/users/views-admin/disabled', admin, { disabled: true });
    expect(self).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect((await call('PUT', '/admin/users/nobody-here/disabled', admin, { disabled: true })).status).toBe(
      404,
    );
    expect((await call('PUT', '/admin/users/views-alice/disabled', admin, { disabled: 'yes' })).status).toBe(
      400,
    );

    const enabled = await call('PUT', '/admin/users/views-alice/disabled', admin, { disabled: false });
    expect(enabled.body).toMatchObject({ user: { disabledAt: null } });
    const back = await login('views-alice', 'a long enough secret');
    expect(back.status).toBe(200);
    alice = back.cookie ?? '';
    // The session that ended stays ended.
    expect((await get('/auth/me', alice)).status).toBe(200);
  });

  it('resets a password: generated and shown once, or given; the old sessions and password stop working', async () => {
    const generated = await call('POST', '/admin/users/views-alice/password', admin, {});
    expect(generated.status, generated.text).toBe(200);
    expect(generated.headers.get('cache-control')).toBe('no-store');
    const answer = resetPasswordResponseSchema.parse(generated.body);
    expect(answer.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(answer.sessionsEnded).toBe(1);
    expect((await get('/auth/me', alice)).status).toBe(401);
    expect((await login('views-alice', 'a long enough secret')).status).toBe(401);
    expect((await login('views-alice', answer.password ?? '')).status).toBe(200);

    const given = await call('POST', '/admin/users/views-alice/password', admin, {
      password: 'correct horse battery',
    });
    expect(given.body).not.toHaveProperty('password');
    expect((await login('views-alice', 'correct horse battery')).status).toBe(200);
    expect((await login('views-alice', answer.password ?? '')).status).toBe(401);

    const weak = await call('POST', '/admin/users/views-alice/password', admin, { password: 'password123' });
    expect(weak).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
    expect(
      (await call('POST', '/admin/users/views-alice/password', admin, { password: 'short' })).status,
    ).toBe(400);
  });
});
