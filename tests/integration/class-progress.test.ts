/**
 * A class assignment's progress matrix through real POST /submit, the real worker and sandbox: best
 * verdict, attempts, first accepted time, submits after the deadline flagged late, runs and
 * submits made before the assignment left out, and the CSV with a username a spreadsheet would
 * read as a formula neutralised. The matrix pushed live over Socket.IO to a teacher connected to
 * another API instance than the one that saved the verdicts, and refused to a student and to a
 * signed-out socket.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assignmentSchema,
  classDetailSchema,
  progressMatrixSchema,
  type ProgressMatrix,
} from '@arbiter/contracts';
import type { ApiServer } from '@arbiter/api';
import {
  USING_PGLITE,
  base,
  connect,
  signUp,
  startApi,
  waitFor,
  waitForResult,
  type ClientSocket,
} from '../support/platform.js';
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
  for (const name of ['prog-admin', 'prog-teacher', 'prog-ann', '-prog-bob', 'prog-other'])
    users[name] = await signUp(platform.url, name);
  expect(
    (await call('PUT', '/admin/users/prog-teacher/role', users['prog-admin'], { role: 'teacher' })).status,
  ).toBe(200);
  expect(
    (await call('PUT', '/admin/users/prog-other/role', users['prog-admin'], { role: 'teacher' })).status,
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

  it('pushes the matrix live to the class teacher on another API instance, and refuses a student', async () => {
    // A second API instance on the same Redis and database (PGlite has one process: the same one then).
    const other: ApiServer | null = USING_PGLITE
      ? null
      : await startApi(platform.prefix, { AUTH_RATE_PER_MINUTE_IP: '0' });
    const sockets: ClientSocket[] = [];
    const open = (cookie?: string) => {
      const { socket } = connect(other === null ? platform.url : base(other), cookie);
      sockets.push(socket);
      return socket;
    };
    try {
      const created = await call('POST', '/classes', users['prog-teacher'], { title: 'Live' });
      const cls = classDetailSchema.parse(created.body);
      for (const student of ['prog-ann', '-prog-bob'])
        expect((await call('POST', '/classes/join', users[student], { code: cls.joinCode })).status).toBe(
          200,
        );
      const set = await call('POST', `/classes/${cls.id}/assignments`, users['prog-teacher'], {
        title: 'Live sums',
        deadline: new Date(Date.now() + 3_600_000).toISOString(),
        problems: ['a-plus-b'],
      });
      expect(set.status, set.text).toBe(201);
      const assignment = assignmentSchema.parse(set.body);
      const watch = { classId: cls.id, assignmentId: assignment.id };

      const teacher = open(users['prog-teacher']);
      const pushed: ProgressMatrix[] = [];
      teacher.on('progress', (matrix) => pushed.push(progressMatrixSchema.parse(matrix)));
      expect(await teacher.timeout(scaledMs(10_000)).emitWithAck('watchProgress', watch)).toEqual({
        ok: true,
      });
      await waitFor(
        async () => pushed.length > 0,
        scaledMs(10_000),
        () => 'no first matrix',
      );
      expect(pushed[0]?.rows.map((row) => [row.username, row.cells[0]?.attempts])).toEqual([
        ['-prog-bob', 0],
        ['prog-ann', 0],
      ]);

      // A student of the class, another teacher and a signed-out socket are refused and get nothing.
      const refused: ProgressMatrix[] = [];
      const answers: unknown[] = [];
      for (const cookie of [users['prog-ann'], users['prog-other'], undefined]) {
        const socket = open(cookie);
        socket.on('progress', (matrix) => refused.push(matrix));
        answers.push(await socket.timeout(scaledMs(10_000)).emitWithAck('watchProgress', watch));
      }
      expect(answers).toMatchObject([
        { ok: false, error: { code: 'FORBIDDEN' } },
        { ok: false, error: { code: 'FORBIDDEN' } },
        { ok: false, error: { code: 'UNAUTHENTICATED' } },
      ]);

      // Verdicts saved by whichever instance takes them reach the teacher's socket without a request.
      expect((await send('prog-ann', SOLVE)).verdict).toBe('ACCEPTED');
      await waitFor(
        async () => pushed.some((matrix) => rowOf(matrix, 'prog-ann')?.cells[0]?.verdict === 'ACCEPTED'),
        scaledMs(20_000),
        () => `no pushed matrix with ann's solve: ${JSON.stringify(pushed.at(-1))}`,
      );
      expect((await send('-prog-bob', WRONG)).verdict).toBe('WRONG_ANSWER');
      await waitFor(
        async () =>
          pushed.some(
            (matrix) =>
              rowOf(matrix, '-prog-bob')?.cells[0]?.verdict === 'WRONG_ANSWER' &&
              rowOf(matrix, 'prog-ann')?.solved === 1,
          ),
        scaledMs(20_000),
        () => `no pushed matrix with bob's wrong answer: ${JSON.stringify(pushed.at(-1))}`,
      );
      expect(refused).toEqual([]);
    } finally {
      for (const socket of sockets) socket.disconnect();
      await other?.close(1_000);
    }
  });
});
