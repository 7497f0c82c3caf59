/**
 * Classes over HTTP, role by role: who may create a class, join it with its code, see it, its
 * members, set and change assignments, and read or export the progress matrix (signed out: 401; a
 * student on a teacher's route, a student outside the class, another teacher: 403; admins: allowed).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assignmentSchema,
  classDetailSchema,
  classListSchema,
  classMemberListSchema,
  progressMatrixSchema,
  type ClassDetail,
} from '@arbiter/contracts';
import { signUp } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { AUTH_RATE_PER_MINUTE_IP: '0' }, worker: false });
let admin: string;
let teacher: string;
let otherTeacher: string;
let ann: string;
let outsider: string;

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

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const assignmentBody = { title: 'Week 1', deadline: minutesFromNow(60), problems: ['a-plus-b', 'two-sum'] };

async function createClass(cookie: string, title = 'Algorithms 101'): Promise<ClassDetail> {
  const answer = await call('POST', '/classes', cookie, { title });
  expect(answer.status, answer.text).toBe(201);
  return classDetailSchema.parse(answer.body);
}

beforeAll(async () => {
  admin = await signUp(platform.url, 'class-admin');
  teacher = await signUp(platform.url, 'class-teacher');
  otherTeacher = await signUp(platform.url, 'class-teacher2');
  ann = await signUp(platform.url, 'class-ann');
  outsider = await signUp(platform.url, 'class-outsider');
  for (const name of ['class-teacher', 'class-teacher2'])
    expect((await call('PUT', `/admin/users/${name}/role`, admin, { role: 'teacher' })).status).toBe(200);
});

describe('classes: roles', () => {
  it('lets teachers and admins create classes; students get 403, signed-out clients 401', async () => {
    expect((await call('POST', '/classes', undefined, { title: 'x' })).status).toBe(401);
    expect(await call('POST', '/classes', ann, { title: 'x' })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
    const created = await createClass(teacher);
    expect(created).toMatchObject({
      title: 'Algorithms 101',
      teacher: 'class-teacher',
      canManage: true,
      member: false,
      memberCount: 0,
      assignments: [],
    });
    expect(created.joinCode).toMatch(/^[A-Z2-9]{8}$/);
    expect((await createClass(admin, 'Admin class')).canManage).toBe(true);
    expect((await call('POST', '/classes', teacher, { title: '' })).status).toBe(400);
  });

  it('lets signed-in users join with the code, in any case, and shows members the class without its code', async () => {
    const cls = await createClass(teacher);
    expect((await call('POST', '/classes/join', undefined, { code: cls.joinCode })).status).toBe(401);
    expect((await call('POST', '/classes/join', ann, { code: 'NOSUCHCODE' })).status).toBe(404);
    expect((await call('GET', `/classes/${cls.id}`, ann)).status).toBe(403);
    const joined = await call('POST', '/classes/join', ann, { code: ` ${cls.joinCode?.toLowerCase()} ` });
    expect(joined.status, joined.text).toBe(200);
    expect(classDetailSchema.parse(joined.body)).toMatchObject({
      id: cls.id,
      member: true,
      canManage: false,
      joinCode: null,
      memberCount: 1,
    });
    // Joining again changes nothing.
    expect((await call('POST', '/classes/join', ann, { code: cls.joinCode })).body).toMatchObject({
      memberCount: 1,
    });
    expect((await call('GET', `/classes/${cls.id}`, ann)).body).toMatchObject({
      member: true,
      joinCode: null,
    });
    expect((await call('GET', `/classes/${cls.id}`)).status).toBe(401);
    expect((await call('GET', `/classes/${cls.id}`, outsider)).status).toBe(403);
    expect((await call('GET', `/classes/${cls.id}`, otherTeacher)).status).toBe(403);
    expect((await call('GET', `/classes/${cls.id}`, admin)).body).toMatchObject({
      canManage: true,
      joinCode: cls.joinCode,
    });
    expect((await call('GET', '/classes/00000000-0000-4000-8000-000000000000', admin)).status).toBe(404);
    expect((await call('GET', '/classes/not-an-id', admin)).status).toBe(404);

    const annList = classListSchema.parse((await call('GET', '/classes', ann)).body);
    expect(annList.classes.map((c) => c.id)).toContain(cls.id);
    const otherList = classListSchema.parse((await call('GET', '/classes', otherTeacher)).body);
    expect(otherList.classes.map((c) => c.id)).not.toContain(cls.id);
    const adminList = classListSchema.parse((await call('GET', '/classes', admin)).body);
    expect(adminList.classes.find((c) => c.id === cls.id)).toMatchObject({ canManage: true, member: false });
    expect((await call('GET', '/classes')).status).toBe(401);
  });

  it('shows the members to the teacher and admins only', async () => {
    const cls = await createClass(teacher);
    await call('POST', '/classes/join', ann, { code: cls.joinCode });
    const path = `/classes/${cls.id}/members`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', path, ann)).status).toBe(403);
    expect((await call('GET', path, otherTeacher)).status).toBe(403);
    for (const cookie of [teacher, admin]) {
      const answer = await call('GET', path, cookie);
      expect(answer.status).toBe(200);
      expect(classMemberListSchema.parse(answer.body).members.map((m) => m.username)).toEqual(['class-ann']);
    }
  });

  it('lets the teacher and admins set and change assignments, with catalog problems only', async () => {
    const cls = await createClass(teacher);
    await call('POST', '/classes/join', ann, { code: cls.joinCode });
    const path = `/classes/${cls.id}/assignments`;
    expect((await call('POST', path, undefined, assignmentBody)).status).toBe(401);
    expect((await call('POST', path, ann, assignmentBody)).status).toBe(403);
    expect((await call('POST', path, otherTeacher, assignmentBody)).status).toBe(403);
    const unknown = await call('POST', path, teacher, { ...assignmentBody, problems: ['no-such-problem'] });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'UNKNOWN_PROBLEM' } } });
    const twice = await call('POST', path, teacher, {
      ...assignmentBody,
      problems: ['a-plus-b', 'a-plus-b'],
    });
    expect(twice).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
    const created = await call('POST', path, teacher, assignmentBody);
    expect(created.status, created.text).toBe(201);
    const assignment = assignmentSchema.parse(created.body);
    expect(assignment.problems.map((p) => p.problem)).toEqual(['a-plus-b', 'two-sum']);
    expect((await call('POST', path, admin, { ...assignmentBody, title: 'Week 2' })).status).toBe(201);

    const one = `${path}/${assignment.id}`;
    expect((await call('PATCH', one, undefined, { title: 'x' })).status).toBe(401);
    expect((await call('PATCH', one, ann, { title: 'x' })).status).toBe(403);
    expect((await call('PATCH', one, otherTeacher, { title: 'x' })).status).toBe(403);
    const deadline = minutesFromNow(120);
    const changed = await call('PATCH', one, teacher, { deadline, problems: ['two-sum'] });
    expect(changed.status, changed.text).toBe(200);
    expect(assignmentSchema.parse(changed.body)).toMatchObject({
      title: 'Week 1',
      deadline: new Date(deadline).toISOString(),
      problems: [{ problem: 'two-sum' }],
    });
    expect((await call('PATCH', one, admin, { title: 'Week one' })).body).toMatchObject({
      title: 'Week one',
    });
    expect(
      (await call('PATCH', `${path}/00000000-0000-4000-8000-000000000000`, teacher, { title: 'x' })).status,
    ).toBe(404);

    // Members see the assignments on the class page, nearest deadline first.
    const page = classDetailSchema.parse((await call('GET', `/classes/${cls.id}`, ann)).body);
    expect(page.assignments.map((a) => a.title)).toEqual(['Week 2', 'Week one']);
  });

  it('shows the whole matrix and its CSV to the teacher and admins, a member their own row', async () => {
    const cls = await createClass(teacher);
    await call('POST', '/classes/join', ann, { code: cls.joinCode });
    await call('POST', '/classes/join', outsider, { code: cls.joinCode });
    const created = await call('POST', `/classes/${cls.id}/assignments`, teacher, assignmentBody);
    const assignment = assignmentSchema.parse(created.body);
    const progress = `/classes/${cls.id}/assignments/${assignment.id}/progress`;

    expect((await call('GET', progress)).status).toBe(401);
    expect((await call('GET', progress, otherTeacher)).status).toBe(403);
    const own = progressMatrixSchema.parse((await call('GET', progress, ann)).body);
    expect(own.rows.map((row) => row.username)).toEqual(['class-ann']);
    expect(own.rows[0]?.cells).toEqual([
      {
        problem: 'a-plus-b',
        verdict: null,
        attempts: 0,
        lateAttempts: 0,
        firstAcceptedAt: null,
        late: false,
      },
      { problem: 'two-sum', verdict: null, attempts: 0, lateAttempts: 0, firstAcceptedAt: null, late: false },
    ]);
    for (const cookie of [teacher, admin]) {
      const all = progressMatrixSchema.parse((await call('GET', progress, cookie)).body);
      expect(all.rows.map((row) => row.username)).toEqual(['class-ann', 'class-outsider']);
    }

    const csv = `${progress}.csv`;
    expect((await call('GET', csv)).status).toBe(401);
    expect(await call('GET', csv, ann)).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
    expect((await call('GET', csv, otherTeacher)).status).toBe(403);
    for (const cookie of [teacher, admin]) {
      const answer = await call('GET', csv, cookie);
      expect(answer.status).toBe(200);
      expect(answer.type).toMatch(/^text\/csv/);
      expect(answer.text.split('\r\n')[0]).toBe(
        'username,solved,a-plus-b verdict,a-plus-b attempts,a-plus-b first accepted,a-plus-b late,' +
          'two-sum verdict,two-sum attempts,two-sum first accepted,two-sum late',
      );
    }
    const elsewhere = await createClass(otherTeacher);
    expect(
      (await call('GET', `/classes/${elsewhere.id}/assignments/${assignment.id}/progress`, teacher)).status,
    ).toBe(403);
    const mine = await createClass(teacher, 'Another');
    expect(
      (await call('GET', `/classes/${mine.id}/assignments/${assignment.id}/progress`, teacher)).status,
    ).toBe(404);
  });
});
