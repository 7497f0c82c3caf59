/**
 * Accounts: create (the very first account becomes `admin`), look up by id or by username
 * (case-insensitively), count, change role, disable, set a password, list for admins. Password
 * hashing happens before this layer.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db.js';
import { isUniqueViolation } from './pg-error.js';
import { submissions, users, type UserRole } from './schema/index.js';
import { decodeCursor, encodeCursor } from './submission-cursor.js';

export interface User {
  id: string;
  /** As typed at sign-up, for display. */
  username: string;
  passwordHash: string;
  role: UserRole;
  createdAt: Date;
  /** When an admin disabled the account; null: enabled. */
  disabledAt: Date | null;
}

export interface CreateUserInput {
  username: string;
  passwordHash: string;
  /** Default: `admin` for the first account ever created, `user` after that. */
  role?: UserRole;
}

/** Thrown by `createUser` when the username (compared case-insensitively) already exists. */
export class UsernameTakenError extends Error {
  constructor(readonly username: string) {
    super(`The username ${JSON.stringify(username)} is taken`);
    this.name = 'UsernameTakenError';
  }
}

/** What uniqueness and look-ups compare: NFKC-normalised, lowercase. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

/** Taken while deciding whether a sign-up is the first one, so two first sign-ups take turns. */
const FIRST_USER_LOCK = 'arbiter:first-user';

const USERNAME_UNIQUE = 'users_username_key_unique';

const userColumns = {
  id: users.id,
  username: users.username,
  passwordHash: users.passwordHash,
  role: users.role,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
};

export class UsersRepository {
  constructor(private readonly db: Db) {}

  /** Throws `UsernameTakenError` on a duplicate, also when two sign-ups race for one name. */
  async createUser(input: CreateUserInput): Promise<User> {
    const values = {
      id: randomUUID(),
      username: input.username,
      usernameKey: usernameKey(input.username),
      passwordHash: input.passwordHash,
    };
    try {
      return await this.db.transaction(async (tx) => {
        if (input.role) {
          const [created] = await tx
            .insert(users)
            .values({ ...values, role: input.role })
            .returning(userColumns);
          return mustExist(created);
        }
        // Once any account exists the answer is `user` for good; only an empty table needs the lock.
        const [anyone] = await tx.select({ id: users.id }).from(users).limit(1);
        if (!anyone) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${FIRST_USER_LOCK}))`);
        // Read committed: this statement's snapshot is taken after the lock, so it sees a racing
        // first sign-up that committed while we waited.
        const role = sql<UserRole>`case when exists (select 1 from ${users}) then 'user' else 'admin' end`;
        const [created] = await tx
          .insert(users)
          .values({ ...values, role })
          .returning(userColumns);
        return mustExist(created);
      });
    } catch (error) {
      if (isUniqueViolation(error, USERNAME_UNIQUE)) throw new UsernameTakenError(input.username);
      throw error;
    }
  }

  async findUserByUsername(username: string): Promise<User | null> {
    const [user] = await this.db
      .select(userColumns)
      .from(users)
      .where(eq(users.usernameKey, usernameKey(username)));
    return user ?? null;
  }

  async findUserById(id: string): Promise<User | null> {
    const [user] = await this.db.select(userColumns).from(users).where(eq(users.id, id));
    return user ?? null;
  }

  async countUsers(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return row?.n ?? 0;
  }

  /** Accounts of `role` that are not disabled (a disabled admin administers nothing). */
  async countEnabledByRole(role: UserRole): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, role), isNull(users.disabledAt)));
    return row?.n ?? 0;
  }

  /** The updated user, or null when there is no such user. */
  async setRole(userId: string, role: UserRole): Promise<User | null> {
    const [user] = await this.db
      .update(users)
      .set({ role })
      .where(eq(users.id, userId))
      .returning(userColumns);
    return user ?? null;
  }

  /** Disables (now) or enables an account; the updated user, or null when there is no such user. */
  async setDisabled(userId: string, disabledAt: Date | null): Promise<User | null> {
    const [user] = await this.db
      .update(users)
      .set({ disabledAt })
      .where(eq(users.id, userId))
      .returning(userColumns);
    return user ?? null;
  }

  /** Replaces the password hash; the updated user, or null when there is no such user. */
  async setPasswordHash(userId: string, passwordHash: string): Promise<User | null> {
    const [user] = await this.db
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, userId))
      .returning(userColumns);
    return user ?? null;
  }

  /**
   * Accounts for the admin's list, newest first, with how many submissions (runs included) each
   * made; one page at a time. Throws `InvalidCursorError`.
   */
  async listUsers(query: ListUsersQuery): Promise<UserPage> {
    const limit = Math.min(Math.max(Math.trunc(query.limit), 1), MAX_USER_PAGE_SIZE);
    const conditions: SQL[] = [];
    if (query.search !== undefined && query.search !== '') {
      // Substring of the normalised name; LIKE's wildcards in the search are matched literally.
      const pattern = `%${usernameKey(query.search).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      conditions.push(sql`${users.usernameKey} like ${pattern}`);
    }
    if (query.role !== undefined) conditions.push(eq(users.role, query.role));
    if (query.disabled === true) conditions.push(isNotNull(users.disabledAt));
    if (query.disabled === false) conditions.push(isNull(users.disabledAt));
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      conditions.push(
        sql`(${users.createdAt}, ${users.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id})`,
      );
    }
    const rows = await this.db
      .select({
        id: users.id,
        username: users.username,
        role: users.role,
        createdAt: users.createdAt,
        disabledAt: users.disabledAt,
        // Qualified by hand: inside a select list drizzle writes bare column names.
        submissions: sql<number>`(select count(*)::int from ${submissions} as s where s.user_id = ${sql.raw('"users"."id"')})`,
      })
      .from(users)
      .where(and(...conditions))
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit).map((row) => ({ ...row, submissions: Number(row.submissions) }));
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
    return { items, nextCursor };
  }
}

export const MAX_USER_PAGE_SIZE = 100;

export interface ListUsersQuery {
  /** Part of the username (any case). */
  search?: string;
  role?: UserRole;
  /** true: disabled accounts only; false: enabled ones only; absent: both. */
  disabled?: boolean;
  cursor?: string | null;
  /** Rows per page, clamped to 1…MAX_USER_PAGE_SIZE. */
  limit: number;
}

/** One account in the admin's list: never the password hash. */
export interface UserListItem {
  id: string;
  username: string;
  role: UserRole;
  createdAt: Date;
  disabledAt: Date | null;
  /** Runs and submits the account made. */
  submissions: number;
}

export interface UserPage {
  items: UserListItem[];
  nextCursor: string | null;
}

function mustExist<T>(row: T | undefined): T {
  if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
  return row;
}
