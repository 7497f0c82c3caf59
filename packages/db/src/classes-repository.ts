/**
 * Classes over their life: created by a teacher (with a fresh join code), joined by students,
 * assignments set and changed (problems replaced as a whole), and the progress matrix, computed
 * by one query over `submissions` per read.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, VERDICTS, type Verdict } from '@arbiter/contracts';
import { systemClock, type Clock, type Db } from './db.js';
import { isUniqueViolation } from './pg-error.js';
import { assignmentProblems, assignments, classMembers, classes, users } from './schema/index.js';

export interface ClassRow {
  id: string;
  title: string;
  description: string;
  ownerId: string | null;
  /** The teacher's username; null once that account is deleted. */
  teacher: string | null;
  joinCode: string;
  memberCount: number;
  assignmentCount: number;
  createdAt: Date;
}

export interface ClassMemberRow {
  userId: string;
  username: string;
  joinedAt: Date;
}

export interface AssignmentSettings {
  title: string;
  description: string;
  deadline: Date;
}

export interface AssignmentRow extends AssignmentSettings {
  id: string;
  classId: string;
  createdAt: Date;
  /** Catalog slugs, in the order students see them. */
  problems: string[];
}

/** One student on one problem of an assignment; only pairs with at least one submit. */
export interface ProgressCellRow {
  userId: string;
  problemSlug: string;
  attempts: number;
  lateAttempts: number;
  firstAcceptedAt: Date | null;
  /** Accepted if any; else the judged try that passed most tests (latest on ties); null before a verdict. */
  verdict: Verdict | null;
}

const JOIN_CODE_UNIQUE = 'classes_join_code_unique';

function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1)
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

const memberCount = sql<number>`(select count(*)::int from ${classMembers} where ${classMembers.classId} = ${classes.id})`;
const assignmentCount = sql<number>`(select count(*)::int from ${assignments} where ${assignments.classId} = ${classes.id})`;

const classColumns = {
  id: classes.id,
  title: classes.title,
  description: classes.description,
  ownerId: classes.ownerId,
  teacher: users.username,
  joinCode: classes.joinCode,
  memberCount,
  assignmentCount,
  createdAt: classes.createdAt,
};

const isVerdict = (value: unknown): value is Verdict =>
  typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);

export class ClassesRepository {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = systemClock,
  ) {}

  /** A new class with a join code no other class has. */
  async create(ownerId: string, settings: { title: string; description: string }): Promise<ClassRow> {
    const id = randomUUID();
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.db
          .insert(classes)
          .values({ id, ownerId, ...settings, joinCode: newJoinCode(), createdAt: this.now() });
        break;
      } catch (error) {
        // 31^8 codes: a clash is rare, and three in a row means something else is wrong.
        if (!isUniqueViolation(error, JOIN_CODE_UNIQUE) || attempt >= 2) throw error;
      }
    }
    const created = await this.get(id);
    if (created === null) throw new Error(`class ${id} vanished after insert`);
    return created;
  }

  async get(id: string): Promise<ClassRow | null> {
    const [row] = await this.select(eq(classes.id, id));
    return row ?? null;
  }

  async byJoinCode(code: string): Promise<ClassRow | null> {
    const [row] = await this.select(eq(classes.joinCode, code));
    return row ?? null;
  }

  /** Every class (`userId` null: an admin's view), or those `userId` teaches or has joined; newest first. */
  async list(userId: string | null): Promise<ClassRow[]> {
    if (userId === null) return this.select(undefined);
    const joined = this.db
      .select({ classId: classMembers.classId })
      .from(classMembers)
      .where(eq(classMembers.userId, userId));
    return this.select(or(eq(classes.ownerId, userId), inArray(classes.id, joined)));
  }

  private async select(where: SQL | undefined): Promise<ClassRow[]> {
    const rows = await this.db
      .select(classColumns)
      .from(classes)
      .leftJoin(users, eq(users.id, classes.ownerId))
      .where(where)
      .orderBy(sql`${classes.createdAt} desc`, asc(classes.id));
    return rows.map((row) => ({
      ...row,
      memberCount: Number(row.memberCount),
      assignmentCount: Number(row.assignmentCount),
    }));
  }

  /** Adds a member; false (and nothing changes) when already one. */
  async join(classId: string, userId: string): Promise<boolean> {
    const inserted = await this.db
      .insert(classMembers)
      .values({ classId, userId, joinedAt: this.now() })
      .onConflictDoNothing()
      .returning({ userId: classMembers.userId });
    return inserted.length > 0;
  }

  /** The classes `userId` has joined. */
  async joinedBy(userId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ classId: classMembers.classId })
      .from(classMembers)
      .where(eq(classMembers.userId, userId));
    return new Set(rows.map((row) => row.classId));
  }

  async isMember(classId: string, userId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ userId: classMembers.userId })
      .from(classMembers)
      .where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)));
    return row !== undefined;
  }

  /** Members by username. */
  async members(classId: string): Promise<ClassMemberRow[]> {
    return this.db
      .select({ userId: classMembers.userId, username: users.username, joinedAt: classMembers.joinedAt })
      .from(classMembers)
      .innerJoin(users, eq(users.id, classMembers.userId))
      .where(eq(classMembers.classId, classId))
      .orderBy(asc(users.usernameKey));
  }

  async createAssignment(
    classId: string,
    settings: AssignmentSettings,
    problems: readonly string[],
  ): Promise<AssignmentRow> {
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await tx.insert(assignments).values({ id, classId, ...settings, createdAt: this.now() });
      await tx
        .insert(assignmentProblems)
        .values(problems.map((problemSlug, position) => ({ assignmentId: id, position, problemSlug })));
    });
    const created = await this.assignment(classId, id);
    if (created === null) throw new Error(`assignment ${id} vanished after insert`);
    return created;
  }

  /** Changes the given settings and, when given, replaces the problems. null: no such assignment in the class. */
  async updateAssignment(
    classId: string,
    id: string,
    settings: Partial<AssignmentSettings>,
    problems?: readonly string[],
  ): Promise<AssignmentRow | null> {
    const where = and(eq(assignments.id, id), eq(assignments.classId, classId));
    const found = await this.db.transaction(async (tx) => {
      const [row] =
        Object.keys(settings).length > 0
          ? await tx.update(assignments).set(settings).where(where).returning({ id: assignments.id })
          : await tx.select({ id: assignments.id }).from(assignments).where(where);
      if (!row) return false;
      if (problems !== undefined) {
        await tx.delete(assignmentProblems).where(eq(assignmentProblems.assignmentId, id));
        await tx
          .insert(assignmentProblems)
          .values(problems.map((problemSlug, position) => ({ assignmentId: id, position, problemSlug })));
      }
      return true;
    });
    return found ? this.assignment(classId, id) : null;
  }

  async assignment(classId: string, id: string): Promise<AssignmentRow | null> {
    const [row] = await this.assignmentQuery(and(eq(assignments.classId, classId), eq(assignments.id, id)));
    return row ?? null;
  }

  /** The class's assignments, nearest deadline first. */
  async assignments(classId: string): Promise<AssignmentRow[]> {
    return this.assignmentQuery(eq(assignments.classId, classId));
  }

  private async assignmentQuery(where: SQL | undefined): Promise<AssignmentRow[]> {
    const rows = await this.db
      .select({
        id: assignments.id,
        classId: assignments.classId,
        title: assignments.title,
        description: assignments.description,
        deadline: assignments.deadline,
        createdAt: assignments.createdAt,
      })
      .from(assignments)
      .where(where)
      .orderBy(asc(assignments.deadline), asc(assignments.id));
    if (rows.length === 0) return [];
    const problems = await this.db
      .select({ assignmentId: assignmentProblems.assignmentId, problemSlug: assignmentProblems.problemSlug })
      .from(assignmentProblems)
      .where(
        inArray(
          assignmentProblems.assignmentId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(assignmentProblems.assignmentId), asc(assignmentProblems.position));
    return rows.map((row) => ({
      ...row,
      problems: problems.filter((p) => p.assignmentId === row.id).map((p) => p.problemSlug),
    }));
  }

  /**
   * The assignments whose matrix a submit of `userId` to `problemSlug` may change: those holding that
   * problem in the classes `userId` has joined (one indexed read per saved verdict).
   */
  async assignmentsTouchedBy(
    userId: string,
    problemSlug: string,
  ): Promise<{ classId: string; assignmentId: string }[]> {
    return this.db
      .select({ classId: assignments.classId, assignmentId: assignments.id })
      .from(classMembers)
      .innerJoin(assignments, eq(assignments.classId, classMembers.classId))
      .innerJoin(
        assignmentProblems,
        and(
          eq(assignmentProblems.assignmentId, assignments.id),
          eq(assignmentProblems.problemSlug, problemSlug),
        ),
      )
      .where(eq(classMembers.userId, userId));
  }

  /**
   * The progress of the class's members (or of `userId` alone) on an assignment, from their submits
   * (not runs, not contest submits) to its problems since it was set. A submit counts with the verdict
   * of its latest finished rejudge, if any; platform failures do not count as attempts.
   */
  async progress(assignment: AssignmentRow, userId?: string): Promise<ProgressCellRow[]> {
    if (assignment.problems.length === 0) return [];
    const deadline = assignment.deadline.toISOString();
    const onlyUser = userId === undefined ? sql`` : sql`and m.user_id = ${userId}`;
    const problems = sql.join(
      assignment.problems.map((problem) => sql`${problem}`),
      sql`, `,
    );
    const result = await this.db.execute(sql`
      with tries as (
        select s.user_id, s.problem_slug, s.created_at,
          coalesce(r.status, s.status) as status,
          case when r.id is null then s.verdict else r.verdict end as verdict,
          case when r.id is null then s.tests_passed else r.tests_passed end as tests_passed
        from class_members m
        join submissions s on s.user_id = m.user_id
        left join lateral (
          select j.id, j.status, j.verdict, j.tests_passed from submissions j
          where j.rejudge_of = s.id and j.status in ('completed', 'failed')
          order by j.finished_at desc, j.id desc limit 1
        ) r on true
        where m.class_id = ${assignment.classId} ${onlyUser}
          and s.problem_slug in (${problems})
          and s.mode = 'submit' and s.rejudge_of is null and s.contest_id is null
          and s.created_at >= ${assignment.createdAt.toISOString()}::timestamptz
      )
      select user_id, problem_slug,
        count(*)::int as attempts,
        (count(*) filter (where created_at > ${deadline}::timestamptz))::int as late_attempts,
        (extract(epoch from min(created_at) filter (where verdict = 'ACCEPTED')) * 1000)::float8
          as first_accepted_ms,
        (array_agg(verdict order by (verdict = 'ACCEPTED') desc, tests_passed desc nulls last, created_at desc)
          filter (where verdict is not null))[1] as verdict
      from tries
      where status <> 'failed'
      group by user_id, problem_slug
    `);
    const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
    return rows.map((row) => ({
      userId: String(row.user_id),
      problemSlug: String(row.problem_slug),
      attempts: Number(row.attempts),
      lateAttempts: Number(row.late_attempts),
      firstAcceptedAt: row.first_accepted_ms === null ? null : new Date(Number(row.first_accepted_ms)),
      verdict: isVerdict(row.verdict) ? row.verdict : null,
    }));
  }
}
