/** Users on both backends: create, case-insensitive uniqueness (also under a race), first user is admin. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UsernameTakenError } from '../src/index.js';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/test-database.js';

describe.each(BACKENDS)('users on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t.reset();
  });

  it('creates users, the first one admin, and finds them by id and by username in any case', async () => {
    const { users } = t.database;
    expect(await users.countUsers()).toBe(0);
    const ada = await users.createUser({ username: 'Ada', passwordHash: 'h1' });
    const bob = await users.createUser({ username: 'bob', passwordHash: 'h2' });
    expect(ada).toMatchObject({ username: 'Ada', passwordHash: 'h1', role: 'admin' });
    expect(ada.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ada.createdAt).toBeInstanceOf(Date);
    expect(bob.role).toBe('user');
    expect(await users.countUsers()).toBe(2);
    expect(await users.findUserByUsername('ADA')).toEqual(ada);
    expect(await users.findUserById(bob.id)).toEqual(bob);
    expect(await users.findUserByUsername('nobody')).toBeNull();
    expect(await users.findUserById('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('honours an explicit role', async () => {
    const first = await t.database.users.createUser({ username: 'first', passwordHash: 'h', role: 'user' });
    expect(first.role).toBe('user');
    const admin = await t.database.users.createUser({ username: 'boss', passwordHash: 'h', role: 'admin' });
    expect(admin.role).toBe('admin');
  });

  it('refuses a username that differs only in case with UsernameTakenError', async () => {
    await t.database.users.createUser({ username: 'Grace', passwordHash: 'h' });
    const duplicate = t.database.users.createUser({ username: 'gRACE', passwordHash: 'h' });
    await expect(duplicate).rejects.toBeInstanceOf(UsernameTakenError);
    await expect(duplicate).rejects.toThrow('"gRACE" is taken');
    expect(await t.database.users.countUsers()).toBe(1);
  });

  it('lets exactly one of concurrent sign-ups with one name win', async () => {
    const attempts = await Promise.allSettled(
      ['Linus', 'LINUS', 'linus', 'LiNuS'].map((username) =>
        t.database.users.createUser({ username, passwordHash: 'h' }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') expect(attempt.reason).toBeInstanceOf(UsernameTakenError);
    }
  });

  it('makes exactly one admin when the first sign-ups arrive at once', async () => {
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.database.users.createUser({ username: `u${i}`, passwordHash: 'h' }),
      ),
    );
    expect(created.filter((user) => user.role === 'admin')).toHaveLength(1);
    expect(await t.database.users.countUsers()).toBe(8);
  });

  it('changes a role', async () => {
    await t.database.users.createUser({ username: 'root', passwordHash: 'h' });
    const user = await t.database.users.createUser({ username: 'pat', passwordHash: 'h' });
    expect(await t.database.users.setRole(user.id, 'admin')).toMatchObject({ id: user.id, role: 'admin' });
    expect((await t.database.users.findUserById(user.id))?.role).toBe('admin');
    expect(await t.database.users.setRole('00000000-0000-0000-0000-000000000000', 'admin')).toBeNull();
  });
});
