/**
 * Sign-in sessions. The client holds a random token; the table holds only its SHA-256, so a leaked
 * table (or backup) cannot be replayed as anyone's cookie.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { systemClock, type Clock, type Db } from './db.js';
import { sessions, users } from './schema/index.js';
import type { User } from './users-repository.js';

/** Random bytes in a token (256 bits). */
const TOKEN_BYTES = 32;
/** `last_seen_at` is refreshed at most this often, in ms, so reading a session rarely writes. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;
/** Longer strings cannot be tokens we issued (43 base64url characters); refuse before hashing. */
const MAX_TOKEN_LENGTH = 128;

export interface NewSession {
  /** Goes to the client (cookie); never stored. 32 random bytes, base64url. */
  token: string;
  expiresAt: Date;
}

/** The id a token is stored under: hex SHA-256 of the token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class SessionsRepository {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = systemClock,
  ) {}

  /** A new session for `userId`, valid for `ttlMs` (ms) from now. */
  async createSession(userId: string, ttlMs: number): Promise<NewSession> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + ttlMs);
    await this.db.insert(sessions).values({
      id: hashSessionToken(token),
      userId,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
    });
    return { token, expiresAt };
  }

  /** The session's user, or null when the token is unknown or expired, or the account is disabled. */
  async findSessionUser(token: string): Promise<User | null> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
    const id = hashSessionToken(token);
    const now = this.now();
    const [row] = await this.db
      .select({
        user: {
          id: users.id,
          username: users.username,
          passwordHash: users.passwordHash,
          role: users.role,
          createdAt: users.createdAt,
          disabledAt: users.disabledAt,
        },
        lastSeenAt: sessions.lastSeenAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
    if (!row) return null;
    const staleBefore = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
    if (row.lastSeenAt <= staleBefore) {
      // The condition is repeated in SQL so concurrent requests write it once.
      await this.db
        .update(sessions)
        .set({ lastSeenAt: now })
        .where(and(eq(sessions.id, id), lte(sessions.lastSeenAt, staleBefore)));
    }
    return row.user;
  }

  /** Signs out; false when there was no such session. */
  async deleteSession(token: string): Promise<boolean> {
    const deleted = await this.db
      .delete(sessions)
      .where(eq(sessions.id, hashSessionToken(token)))
      .returning({ id: sessions.id });
    return deleted.length > 0;
  }

  /** Signs a user out everywhere (e.g. after a password or role change); how many sessions ended. */
  async deleteUserSessions(userId: string): Promise<number> {
    const deleted = await this.db
      .delete(sessions)
      .where(eq(sessions.userId, userId))
      .returning({ id: sessions.id });
    return deleted.length;
  }

  /** Housekeeping: removes sessions past their expiry; how many were removed. */
  async deleteExpiredSessions(): Promise<number> {
    const deleted = await this.db
      .delete(sessions)
      .where(lte(sessions.expiresAt, this.now()))
      .returning({ id: sessions.id });
    return deleted.length;
  }
}
