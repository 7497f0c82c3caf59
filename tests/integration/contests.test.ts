/**
 * Contests over HTTP: who may create and change them (admins and organisers; an organiser only
 * their own), what the list and page show (invite contests unlisted, problems hidden until the
 * start, and kept out of the problem list meanwhile), registration with an invite code, virtual
 * registration after the end, and which contest submits are refused (not registered, not a
 * contest problem, a run, before the start, after the end).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { contestDetailSchema, contestListSchema } from '@arbiter/contracts';
import { signUp } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({
  api: { AUTH_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0', SUBMIT_RATE_PER_MINUTE_IP: '0' },
  worker: false,
});
let admin: string;
let organiser: string;
let otherOrganiser: string;
let ann: string;
let bob: string;

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
  return {
    status: response.status,
    body: (text === '' ? null : JSON.parse(text)) as Record<string, unknown>,
  };
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

function contestBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Winter Cup',
    startsAt: minutesFromNow(-5),
    endsAt: minutesFromNow(120),
    freezeMinutes: 30,
    problems: [
      { letter: 'A', problem: 'a-plus-b' },
      { letter: 'B', problem: 'two-sum', points: 200 },
    ],
    ...overrides,
  };
}

async function create(cookie: string, overrides: Record<string, unknown> = {}) {
  const answer = await call('POST', '/contests', cookie, contestBody(overrides));
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return contestDetailSchema.parse(answer.body);
}

beforeAll(async () => {
  admin = await signUp(platform.url, 'contest-admin');
  organiser = await signUp(platform.url, 'contest-teacher');
  otherOrganiser = await signUp(platform.url, 'contest-org2');
  ann = await signUp(platform.url, 'contest-ann');
  bob = await signUp(platform.url, 'contest-bob');
  for (const name of ['contest-teacher', 'contest-org2'])
    expect((await call('PUT', `/admin/users/${name}/role`, admin, { role: 'teacher' })).status).toBe(200);
});

describe('contests: roles', () => {
  it('lets admins and organisers create contests; users get 403, signed-out clients 401', async () => {
    expect((await call('POST', '/contests', undefined, contestBody())).status).toBe(401);
    const asUser = await call('POST', '/contests', ann, contestBody());
    expect(asUser).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const byOrganiser = await create(organiser);
    expect(byOrganiser).toMatchObject({
      canManage: true,
      scoring: 'icpc',
      phase: 'running',
      problemCount: 2,
    });
    expect((await create(admin)).canManage).toBe(true);
  });

  it('lets only the contest’s organiser and admins change it or answer for it', async () => {
    const contest = await create(organiser);
    const path = `/contests/${contest.id}`;
    expect((await call('PATCH', path, undefined, { title: 'x' })).status).toBe(401);
    expect((await call('PATCH', path, ann, { title: 'x' })).status).toBe(403);
    expect((await call('PATCH', path, otherOrganiser, { title: 'x' })).status).toBe(403);
    expect((await call('PATCH', path, organiser, { title: 'Renamed' })).body).toMatchObject({
      title: 'Renamed',
    });
    expect((await call('PATCH', path, admin, { penaltyMinutes: 10 })).body).toMatchObject({
      penaltyMinutes: 10,
    });
    expect((await call('POST', `${path}/announcements`, otherOrganiser, { body: 'hi' })).status).toBe(403);
    expect((await call('POST', `${path}/announcements`, ann, { body: 'hi' })).status).toBe(403);
    expect((await call('POST', `${path}/announcements`, organiser, { body: 'Good luck' })).status).toBe(201);
    expect((await call('GET', `${path}/announcements`)).body).toMatchObject({
      announcements: [{ body: 'Good luck' }],
    });
    // The whole contest must stay valid.
    const bad = await call('PATCH', path, organiser, { endsAt: minutesFromNow(-10) });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
  });

  it('refuses invalid contests and unknown problems', async () => {
    const invite = await call('POST', '/contests', organiser, contestBody({ visibility: 'invite' }));
    expect(invite).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
    const twice = await call(
      'POST',
      '/contests',
      organiser,
      contestBody({
        problems: [
          { letter: 'A', problem: 'a-plus-b' },
          { letter: 'A', problem: 'two-sum' },
        ],
      }),
    );
    expect(twice.status).toBe(400);
    const unknown = await call(
      'POST',
      '/contests',
      organiser,
      contestBody({ problems: [{ letter: 'A', problem: 'no-such' }] }),
    );
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'UNKNOWN_PROBLEM' } } });
  });
});

describe('contests: visibility and registration', () => {
  it('hides an upcoming contest’s problems from its page and from the problem list, except to its managers', async () => {
    const upcoming = await create(organiser, {
      startsAt: minutesFromNow(60),
      endsAt: minutesFromNow(120),
      problems: [{ letter: 'A', problem: 'climbing-stairs' }],
    });
    const asAnn = contestDetailSchema.parse((await call('GET', `/contests/${upcoming.id}`, ann)).body);
    expect(asAnn).toMatchObject({ phase: 'upcoming', problems: null, canManage: false, inviteCode: null });
    const asOwner = contestDetailSchema.parse(
      (await call('GET', `/contests/${upcoming.id}`, organiser)).body,
    );
    expect(asOwner.problems).toEqual([
      { letter: 'A', problem: 'climbing-stairs', title: expect.any(String), points: 100 },
    ]);
    const slugs = (body: unknown) => (body as { slug: string }[]).map((problem) => problem.slug);
    expect(slugs((await call('GET', '/problems', ann)).body)).not.toContain('climbing-stairs');
    expect(slugs((await call('GET', '/problems', organiser)).body)).toContain('climbing-stairs');
    expect((await call('GET', '/problems/climbing-stairs')).status).toBe(404);
    const early = await call('POST', '/submit', ann, {
      language: 'python',
      code: 'x',
      problem: 'climbing-stairs',
      mode: 'submit',
    });
    expect(early).toMatchObject({ status: 400, body: { error: { code: 'UNKNOWN_PROBLEM' } } });
    // Once it starts, everyone sees them.
    await call('PATCH', `/contests/${upcoming.id}`, organiser, { startsAt: minutesFromNow(-1) });
    expect(slugs((await call('GET', '/problems', ann)).body)).toContain('climbing-stairs');
  });

  it('lists invite contests only to their participants and managers; registering needs the code', async () => {
    const invite = await create(organiser, {
      title: 'Club night',
      visibility: 'invite',
      inviteCode: 'secret-42',
    });
    const titles = async (cookie?: string) =>
      contestListSchema.parse((await call('GET', '/contests', cookie)).body).contests.map((c) => c.id);
    expect(await titles()).not.toContain(invite.id);
    expect(await titles(bob)).not.toContain(invite.id);
    expect(await titles(organiser)).toContain(invite.id);
    expect(await titles(admin)).toContain(invite.id);
    const path = `/contests/${invite.id}/register`;
    expect((await call('POST', path, undefined, {})).status).toBe(401);
    expect((await call('POST', path, bob, {})).status).toBe(403);
    expect((await call('POST', path, bob, { inviteCode: 'wrong' })).status).toBe(403);
    const registered = contestDetailSchema.parse(
      (await call('POST', path, bob, { inviteCode: 'secret-42' })).body,
    );
    expect(registered.participation).toMatchObject({
      virtual: false,
      windowStart: invite.startsAt,
      windowEnd: invite.endsAt,
    });
    expect(await titles(bob)).toContain(invite.id);
    // Only managers see the code.
    expect(registered.inviteCode).toBeNull();
    expect((await call('GET', `/contests/${invite.id}`, organiser)).body).toMatchObject({
      inviteCode: 'secret-42',
    });
  });

  it('registers after the end as a virtual participant whose window starts then', async () => {
    const past = await create(organiser, {
      startsAt: minutesFromNow(-120),
      endsAt: minutesFromNow(-60),
      freezeMinutes: 0,
    });
    const detail = contestDetailSchema.parse(
      (await call('POST', `/contests/${past.id}/register`, ann, {})).body,
    );
    expect(detail.phase).toBe('ended');
    expect(detail.participation?.virtual).toBe(true);
    const start = Date.parse(detail.participation?.windowStart ?? '');
    expect(Date.parse(detail.participation?.windowEnd ?? '') - start).toBe(60 * 60_000);
  });
});

describe('contests: submitting', () => {
  it('accepts a registered participant’s submit in the window, and refuses everything else', async () => {
    const contest = await create(organiser);
    const body = (extra: Record<string, unknown> = {}) => ({
      language: 'python',
      code: 'print(1)',
      problem: 'a-plus-b',
      mode: 'submit',
      contestId: contest.id,
      ...extra,
    });
    const notRegistered = await call('POST', '/submit', bob, body());
    expect(notRegistered).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(JSON.stringify(notRegistered.body)).toContain('Register');
    await call('POST', `/contests/${contest.id}/register`, bob, {});
    expect((await call('POST', '/submit', bob, body())).status).toBe(202);
    expect((await call('POST', '/submit', bob, body({ problem: 'climbing-stairs' }))).body).toMatchObject({
      error: { code: 'UNKNOWN_PROBLEM' },
    });
    expect((await call('POST', '/submit', bob, body({ mode: 'run' }))).status).toBe(400);
    expect((await call('POST', '/submit', undefined, body())).status).toBe(401);
    const unknown = await call(
      'POST',
      '/submit',
      bob,
      body({ contestId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.status).toBe(400);
    // Over: no more submits.
    await call('PATCH', `/contests/${contest.id}`, organiser, {
      endsAt: minutesFromNow(-1),
      startsAt: minutesFromNow(-10),
      freezeMinutes: 0,
    });
    const late = await call('POST', '/submit', bob, body());
    expect(late).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(JSON.stringify(late.body)).toContain('ended');
  });

  it('opens a duration contest’s window when the participant starts it', async () => {
    const timed = await create(organiser, { durationMinutes: 30 });
    await call('POST', `/contests/${timed.id}/register`, ann, {});
    const submit = {
      language: 'python',
      code: 'print(1)',
      problem: 'a-plus-b',
      mode: 'submit',
      contestId: timed.id,
    };
    expect((await call('POST', '/submit', ann, submit)).status).toBe(403);
    const started = contestDetailSchema.parse((await call('POST', `/contests/${timed.id}/start`, ann)).body);
    const start = Date.parse(started.participation?.windowStart ?? '');
    expect(Date.parse(started.participation?.windowEnd ?? '') - start).toBe(30 * 60_000);
    expect((await call('POST', '/submit', ann, submit)).status).toBe(202);
  });

  it('lets participants ask and the organiser answer, publicly or to the asker alone', async () => {
    const contest = await create(organiser);
    const path = `/contests/${contest.id}/clarifications`;
    expect((await call('POST', path, bob, { question: 'Is n > 0?' })).status).toBe(403);
    await call('POST', `/contests/${contest.id}/register`, bob, {});
    await call('POST', `/contests/${contest.id}/register`, ann, {});
    const asked = await call('POST', path, bob, { letter: 'A', question: 'Is n > 0?' });
    expect(asked).toMatchObject({ status: 201, body: { askedBy: 'contest-bob', answer: null } });
    const id = String(asked.body.id);
    expect((await call('GET', path, ann)).body).toEqual({ clarifications: [] });
    expect((await call('POST', `${path}/${id}/answer`, ann, { answer: 'yes' })).status).toBe(403);
    expect((await call('POST', `${path}/${id}/answer`, otherOrganiser, { answer: 'yes' })).status).toBe(403);
    const answered = await call('POST', `${path}/${id}/answer`, organiser, { answer: 'Yes.', public: true });
    expect(answered).toMatchObject({ status: 200, body: { answer: 'Yes.', public: true } });
    expect((await call('GET', path, ann)).body).toMatchObject({
      clarifications: [{ question: 'Is n > 0?', answer: 'Yes.', askedBy: null }],
    });
  });
});
