/**
 * Roles: admins change roles with `PUT /admin/users/:username/role` (`teacher` is stored as
 * `organiser`); signed-out clients get 401, users and organisers 403; the last admin stays one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setRoleResponseSchema } from '@arbiter/contracts';
import { signUp } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { AUTH_RATE_PER_MINUTE_IP: '0' }, worker: false });
let admin: string;
let bob: string;
let carol: string;

beforeAll(async () => {
  admin = await signUp(platform.url, 'roles-admin'); // the first account
  bob = await signUp(platform.url, 'roles-bob');
  carol = await signUp(platform.url, 'roles-carol');
});

async function setRole(username: string, role: unknown, cookie?: string) {
  const response = await fetch(`${platform.url}/admin/users/${username}/role`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(cookie === undefined ? {} : { cookie }) },
    body: JSON.stringify({ role }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function me(cookie: string): Promise<unknown> {
  return (await fetch(`${platform.url}/auth/me`, { headers: { cookie } })).json();
}

describe('roles', () => {
  it('lets an admin make a user a teacher, stored and shown as organiser, and back', async () => {
    const answer = await setRole('roles-bob', 'teacher', admin);
    expect(answer.status).toBe(200);
    expect(setRoleResponseSchema.parse(answer.body).user).toMatchObject({
      username: 'roles-bob',
      role: 'organiser',
    });
    // Applies to the open session at once.
    expect(await me(bob)).toMatchObject({ user: { role: 'organiser' } });
    expect((await setRole('ROLES-BOB', 'Organiser', admin)).body).toMatchObject({
      user: { role: 'organiser' },
    });
  });

  it('refuses signed-out clients (401), users and organisers (403)', async () => {
    expect((await setRole('roles-carol', 'admin')).status).toBe(401);
    const asUser = await setRole('roles-carol', 'admin', carol);
    expect(asUser).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const asOrganiser = await setRole('roles-carol', 'organiser', bob);
    expect(asOrganiser).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await me(carol)).toMatchObject({ user: { role: 'user' } });
  });

  it('refuses an unknown role (400) and an unknown account (404)', async () => {
    const badRole = await setRole('roles-carol', 'superuser', admin);
    expect(badRole).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
    expect(JSON.stringify(badRole.body)).toContain('teacher');
    expect((await setRole('nobody-here', 'user', admin)).status).toBe(404);
  });

  it('never demotes the last admin', async () => {
    const answer = await setRole('roles-admin', 'organiser', admin);
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect(await me(admin)).toMatchObject({ user: { role: 'admin' } });
    // A disabled admin administers nothing: beside one, the only enabled admin is still the last.
    await signUp(platform.url, 'roles-dora');
    expect((await setRole('roles-dora', 'admin', admin)).status).toBe(200);
    const disable = await fetch(`${platform.url}/admin/users/roles-dora/disabled`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disable.status).toBe(200);
    expect(await setRole('roles-admin', 'user', admin)).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT' } },
    });
    // A disabled admin may be demoted.
    expect((await setRole('roles-dora', 'user', admin)).status).toBe(200);
    // With a second admin, the first may step down.
    expect((await setRole('roles-carol', 'admin', admin)).status).toBe(200);
    expect((await setRole('roles-admin', 'user', admin)).body).toMatchObject({ user: { role: 'user' } });
  });
});
