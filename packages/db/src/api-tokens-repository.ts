/**
 * Personal access tokens: an account's tokens for scripts and API clients (`Authorization: Bearer`),
 * stored as the SHA-256 of the token, listed and revoked by their id.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, count, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Clock, Db } from './db.js';
import { apiTokens, users } from './schema/index.js';
import { hashSessionToken } from './sessions-repository.js';
import type { User } from './users-repository.js';

/** Every personal token starts with this, so it is told apart from a session or a Judge0 token. */
export const API_TOKEN_PREFIX = 'arb_';
/** Random bytes in a token (256 bits). */
const TOKEN_BYTES = 32;
/** Characters of the token kept for display (the prefix and 4 random characters). */
const SHOWN_CHARACTERS = API_TOKEN_PREFIX.length + 4;
/** Longer strings cannot be tokens we issued; refused before hashing. */
const MAX_TOKEN_LENGTH = 128;
/** `last_used_at` is refreshed at most this often, in ms. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

export interface NewApiToken {
  /** Goes to the owner once; never stored. */
  token: string;
  row: ApiTokenRow;
}

const rowColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

export class ApiTokensRepository {
  constructor(
    private readonly db: Db,
    private readonly now: Clock,
  ) {}

  /** A new token for `userId`; `expiresAt` null for one that does not expire. */
  async createToken(userId: string, name: string, expiresAt: Date | null): Promise<NewApiToken> {
    const token = API_TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
    const row: ApiTokenRow = {
      id: randomUUID(),
      name,
      prefix: token.slice(0, SHOWN_CHARACTERS),
      createdAt: this.now(),
      expiresAt,
      lastUsedAt: null,
    };
    await this.db.insert(apiTokens).values({ ...row, userId, tokenHash: hashSessionToken(token) });
    return { token, row };
  }

  /** How many tokens the account holds (expired ones included until revoked). */
  async countTokens(userId: string): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(apiTokens).where(eq(apiTokens.userId, userId));
    return row?.n ?? 0;
  }

  /** The account's tokens, oldest first. */
  async listTokens(userId: string): Promise<ApiTokenRow[]> {
    return this.db
      .select(rowColumns)
      .from(apiTokens)
      .where(eq(apiTokens.userId, userId))
      .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
  }

  /** Revokes one of the account's tokens; false when it has no such token. */
  async revokeToken(userId: string, id: string): Promise<boolean> {
    const deleted = await this.db
      .delete(apiTokens)
      .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id)))
      .returning({ id: apiTokens.id });
    return deleted.length > 0;
  }

  /** Revokes every token of the account (e.g. after an admin resets its password); how many. */
  async revokeUserTokens(userId: string): Promise<number> {
    const deleted = await this.db
      .delete(apiTokens)
      .where(eq(apiTokens.userId, userId))
      .returning({ id: apiTokens.id });
    return deleted.length;
  }

  /** The token's user, or null when the token is unknown, expired or its account disabled. */
  async findTokenUser(token: string): Promise<User | null> {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > MAX_TOKEN_LENGTH) return null;
    const tokenHash = hashSessionToken(token);
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
        id: apiTokens.id,
        lastUsedAt: apiTokens.lastUsedAt,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
          isNull(users.disabledAt),
        ),
      );
    if (!row) return null;
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    if (row.lastUsedAt === null || row.lastUsedAt <= staleBefore) {
      // The condition is repeated in SQL so concurrent requests write it once.
      await this.db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(
          and(
            eq(apiTokens.id, row.id),
            or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, staleBefore)),
          ),
        );
    }
    return row.user;
  }
}
