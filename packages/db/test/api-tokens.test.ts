/** Personal access tokens on both backends: only hashes stored, expiry, disabled accounts, revocation. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashSessionToken, schema, type User } from '../src/index.js';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/test-database.js';

const DAY_MS = 86_400_000;

describe.each(BACKENDS)('access tokens on %s', (backend) => {
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

  it('issues an arb_ token, stores only its SHA-256 and finds the user by it', async () => {
    const { token, row } = await t.database.apiTokens.createToken(user.id, 'bot', null);
    expect(token).toMatch(/^arb_[A-Za-z0-9_-]{43}$/);
    expect(row.prefix).toBe(token.slice(0, 8));
    const stored = await t.database.db.select().from(schema.apiTokens);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashSessionToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await t.database.apiTokens.findTokenUser(token)).toEqual(user);
    expect(await t.database.apiTokens.findTokenUser(`${token}x`)).toBeNull();
    expect(await t.database.apiTokens.findTokenUser(token.slice(4))).toBeNull();
    const [listed] = await t.database.apiTokens.listTokens(user.id);
    expect(listed?.lastUsedAt).toEqual(t.clock.now());
  });

  it('stops at its expiry, for a disabled account, and once revoked', async () => {
    const short = await t.database.apiTokens.createToken(
      user.id,
      'short',
      new Date(t.clock.now().getTime() + DAY_MS),
    );
    const other = await t.database.apiTokens.createToken(user.id, 'other', null);
    t.clock.advance(DAY_MS - 1);
    expect(await t.database.apiTokens.findTokenUser(short.token)).toEqual(user);
    t.clock.advance(1);
    expect(await t.database.apiTokens.findTokenUser(short.token)).toBeNull();

    await t.database.users.setDisabled(user.id, t.clock.now());
    expect(await t.database.apiTokens.findTokenUser(other.token)).toBeNull();
    await t.database.users.setDisabled(user.id, null);
    expect(await t.database.apiTokens.findTokenUser(other.token)).toEqual(user);

    const mallory = await t.database.users.createUser({ username: 'mallory', passwordHash: 'h' });
    expect(await t.database.apiTokens.revokeToken(mallory.id, other.row.id)).toBe(false);
    expect(await t.database.apiTokens.revokeToken(user.id, other.row.id)).toBe(true);
    expect(await t.database.apiTokens.findTokenUser(other.token)).toBeNull();
    expect(await t.database.apiTokens.countTokens(user.id)).toBe(1);
    expect(await t.database.apiTokens.revokeUserTokens(user.id)).toBe(1);
    expect(await t.database.apiTokens.listTokens(user.id)).toEqual([]);
  });
});
