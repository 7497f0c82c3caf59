/**
 * A class assignment's progress matrix through real POST /submit, the real worker and sandbox: best
 * verdict, attempts, first accepted time, submits after the deadline flagged late, runs and
 * submits made before the assignment left out, and the CSV with a username a spreadsheet would
 * read as a formula neutralised.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assignmentSchema,
  classDetailSchema,
  progressMatrixSchema,
  type ProgressMatrix,
} from '@arbiter/contracts';
import { signUp, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';
import { scaledMs } from '../support/speed-factor.js';

const platform = usePlatform({
  api: { AUTH_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0', SUBMIT_RATE_PER_MINUTE_IP: '0' },
});
const users: Record<string, string> = {};

async function call(method: string, path: string, cookie?: string, body?: unknown) {
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie === undefined ? {} : { cookie }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text,
    body: (json && text !== '' ? JSON.parse(text) : null) as Record<string, unknown>,
  };
}

const SOLVE = 'a, b = map(int, input().split())\nprint(a + b)\n';
const WRONG = 'a, b = map(int, input().split())\nprint(a - b)\n';

/** Submits (or runs) a-plus-b and waits for the verdict. */
async function send(user: string, code: string, mode: 'submit' | 'run' = 'submit') {
  const answer = await call('POST', '/submit', users[user], {
    language: 'python',
    code,
    problem: 'a-plus-b',
    mode,
  });
  expect(answer.status, answer.text).toBe(202);
  return waitForResult(platform.url, String(answer.body.jobId), scaledMs(60_000), users[user]);
}

const rowOf = (matrix: ProgressMatrix, user: string) => matrix.rows.find((row) => row.username === user);

beforeAll(async () => {
  for (const name of ['prog-admin', 'prog-teacher', 'prog-ann', '-prog-bob'])
    users[name] = await signUp(platform.url, name);
  expect(
    (await call('PUT', '/admin/users/prog-teacher/role', users['prog-admin'], { role: 'teacher' })).status,
  ).toBe(200);
});

describe('class progress', () => {
  it('computes best verdicts, attempts and late solves from real submits, and exports them as CSV', async () => {
    const created = await call('POST', '/classes', users['prog-teacher'], { title: 'Intro' });
    const cls = classDetailSchema.parse(created.body);
    for (const student of ['prog-ann', '-prog-bob'])
      expect((await call('POST', '/classes/join', users[student], { code: cls.joinCode })).status).toBe(200);

    // Before the assignment exists: not counted.
    expect((await send('prog-ann', SOLVE)).verdict).toBe('ACCEPTED');

    const set = await call('POST', `/classes/${cls.id}/assignments`, users['prog-teacher'], {
      title: 'Sums',
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
      problems: ['a-plus-b', 'two-sum'],
    });
    expect(set.status, set.text).toBe(201);
    const assignment = assignmentSchema.parse(set.body);
    const progress = `/classes/${cls.id}/assignments/${assignment.id}/progress`;

    expect((await send('prog-ann', WRONG)).verdict).toBe('WRONG_ANSWER');
    expect((await send('prog-ann', SOLVE)).verdict).toBe('ACCEPTED');
    expect((await send('prog-ann', WRONG)).verdict).toBe('WRONG_ANSWER');
    // A run is not an attempt.
    expect((await send('-prog-bob', SOLVE, 'run')).status).toBe('completed');
    expect((await send('-prog-bob', WRONG)).verdict).toBe('WRONG_ANSWER');

    const before = progressMatrixSchema.parse((await call('GET', progress, users['prog-teacher'])).body);
    const ann = rowOf(before, 'prog-ann');
    expect(ann).toMatchObject({ solved: 1 });
    expect(ann?.cells[0]).toMatchObject({
      problem: 'a-plus-b',
      verdict: 'ACCEPTED',
      attempts: 3,
      lateAttempts: 0,
      late: false,
    });
    expect(ann?.cells[0]?.firstAcceptedAt).not.toBeNull();
    expect(ann?.cells[1]).toMatchObject({ problem: 'two-sum', verdict: null, attempts: 0 });
    expect(rowOf(before, '-prog-bob')?.cells[0]).toMatchObject({
      verdict: 'WRONG_ANSWER',
      attempts: 1,
      firstAcceptedAt: null,
      late: false,
    });

    // The deadline passes; Bob solves late.
    const moved = await call('PATCH', `${progress.replace('/progress', '')}`, users['prog-teacher'], {
      deadline: new Date().toISOString(),
    });
    expect(moved.status, moved.text).toBe(200);
    expect((await send('-prog-bob', SOLVE)).verdict).toBe('ACCEPTED');

    const after = progressMatrixSchema.parse((await call('GET', progress, users['prog-teacher'])).body);
    expect(rowOf(after, '-prog-bob')).toMatchObject({ solved: 1 });
    expect(rowOf(after, '-prog-bob')?.cells[0]).toMatchObject({
      verdict: 'ACCEPTED',
      attempts: 2,
      lateAttempts: 1,
      late: true,
    });
    expect(rowOf(after, 'prog-ann')?.cells[0]).toMatchObject({ verdict: 'ACCEPTED', late: false });

    // A student sees their own row only.
    const own = progressMatrixSchema.parse((await call('GET', progress, users['-prog-bob'])).body);
    expect(own.rows).toEqual([rowOf(after, '-prog-bob')]);

    const csv = await call('GET', `${progress}.csv`, users['prog-teacher']);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const lines = csv.text.split('\r\n');
    const annCell = rowOf(after, 'prog-ann')?.cells[0]?.firstAcceptedAt;
    const bobCell = rowOf(after, '-prog-bob')?.cells[0]?.firstAcceptedAt;
    expect(lines.slice(1)).toEqual([
      // The username starting with "-" would be a formula: it gets a leading quote.
      `'-prog-bob,1,ACCEPTED,2,${bobCell},late,,0,,`,
      `prog-ann,1,ACCEPTED,3,${annCell},,,0,,`,
      '',
    ]);
  });
});
