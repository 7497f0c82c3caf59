/** Sessions on both backends: create, find, expiry, last-seen throttling, sign-out; tokens never stored. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashSessionToken, schema, type User } from '../src/index.js';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/test-database.js';

const HOUR_MS = 3_600_000;

describe.each(BACKENDS)('sessions on %s', (backend) => {
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
    t.clock.set(new Date('2026-01-01T00:00:00.000Z'));
    user = await t.database.users.createUser({ username: 'ada', passwordHash: 'h' });
  });

  async function lastSeen(token: string): Promise<Date | undefined> {
    const [row] = await t.database.db
      .select({ lastSeenAt: schema.sessions.lastSeenAt })
      .from(schema.sessions)
      .where(sql`${schema.sessions.id} = ${hashSessionToken(token)}`);
    return row?.lastSeenAt;
  }

  it('issues a 32-byte base64url token, stores only its SHA-256, and finds the user by it', async () => {
    const { token, expiresAt } = await t.database.sessions.createSession(user.id, HOUR_MS);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(expiresAt).toEqual(new Date('2026-01-01T01:00:00.000Z'));
    const stored = await t.database.db.select().from(schema.sessions);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(hashSessionToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await t.database.sessions.findSessionUser(token)).toEqual(user);
    expect(await t.database.sessions.findSessionUser('not-a-token')).toBeNull();
    expect(await t.database.sessions.findSessionUser('')).toBeNull();
  });

  it('forgets an expired session, and housekeeping deletes it', async () => {
    const { token } = await t.database.sessions.createSession(user.id, HOUR_MS);
    const { token: longer } = await t.database.sessions.createSession(user.id, 3 * HOUR_MS);
    t.clock.advance(HOUR_MS - 1);
    expect(await t.database.sessions.findSessionUser(token)).toEqual(user);
    t.clock.advance(1);
    expect(await t.database.sessions.findSessionUser(token)).toBeNull();
    expect(await t.database.sessions.deleteExpiredSessions()).toBe(1);
    expect(await t.database.sessions.deleteExpiredSessions()).toBe(0);
    expect(await t.database.sessions.findSessionUser(longer)).toEqual(user);
  });

  it('touches last_seen_at at most once a minute', async () => {
    const { token } = await t.database.sessions.createSession(user.id, HOUR_MS);
    const created = t.clock.now();
    t.clock.advance(59_999);
    await t.database.sessions.findSessionUser(token);
    expect(await lastSeen(token)).toEqual(created);
    t.clock.advance(1);
    await t.database.sessions.findSessionUser(token);
    expect(await lastSeen(token)).toEqual(t.clock.now());
    const touched = t.clock.now();
    t.clock.advance(30_000);
    await t.database.sessions.findSessionUser(token);
    expect(await lastSeen(token)).toEqual(touched);
  });

  it('signs out one session, or all of a user', async () => {
    const a = await t.database.sessions.createSession(user.id, HOUR_MS);
    const b = await t.database.sessions.createSession(user.id, HOUR_MS);
    const c = await t.database.sessions.createSession(user.id, HOUR_MS);
    expect(await t.database.sessions.deleteSession(a.token)).toBe(true);
    expect(await t.database.sessions.deleteSession(a.token)).toBe(false);
    expect(await t.database.sessions.findSessionUser(a.token)).toBeNull();
    expect(await t.database.sessions.findSessionUser(b.token)).toEqual(user);
    expect(await t.database.sessions.deleteUserSessions(user.id)).toBe(2);
    expect(await t.database.sessions.findSessionUser(c.token)).toBeNull();
  });
});
