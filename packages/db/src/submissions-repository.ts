/**
 * Submissions over their life: written `queued` when the API accepts a job (before it is
 * enqueued), `running` when a worker takes it, then finished once with its result. A finished row
 * is never overwritten, so a late or duplicate writer cannot undo a verdict; the submit's problem
 * statistics move in the same transaction as its final verdict.
 */
import { and, desc, eq, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import {
  isFinalStatus,
  type JobResult,
  type JobStatus,
  type LanguageId,
  type SubmissionMode,
  type Verdict,
} from '@arbiter/contracts';
import { systemClock, type Clock, type Db } from './db.js';
import { problemStats, submissions, users, type SubmissionRequest } from './schema/index.js';
import { decodeCursor, encodeCursor } from './submission-cursor.js';

/** What the API records when it accepts a job. */
export interface NewSubmission {
  /** The job id (a UUID). */
  id: string;
  /** null: anonymous. */
  userId: string | null;
  /** null: a free-form run, not about a problem. */
  problemSlug: string | null;
  language: LanguageId;
  mode: SubmissionMode;
  code: string;
  /** Stdin, custom tests and limits: enough to queue the job again from the row. */
  request?: SubmissionRequest | null;
  /** The submission this one judges again; absent: an original submission. */
  rejudgeOf?: string | null;
  /** The contest it is submitted in (a rejudge: its original's); absent: none. */
  contestId?: string | null;
  /** Default: now. */
  createdAt?: Date;
}

export interface SubmissionSummary {
  id: string;
  userId: string | null;
  problemSlug: string | null;
  language: LanguageId;
  mode: SubmissionMode;
  status: JobStatus;
  verdict: Verdict | null;
  /** CPU time, in ms. */
  timeMs: number | null;
  /** Peak memory, in KiB. */
  memoryKb: number | null;
  testsPassed: number | null;
  testsTotal: number | null;
  worker: string | null;
  /** The submission this row judges again; null: an original submission. */
  rejudgeOf: string | null;
  /** The contest it was submitted in; null: none. */
  contestId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface Submission extends SubmissionSummary {
  code: string;
  /** null on rows written before requests were kept. */
  request: SubmissionRequest | null;
  /** Times the job was queued again after Redis lost it. */
  requeues: number;
  /** The final result as `GET /status/:jobId` returns it; null until finished. */
  result: JobResult | null;
  compileOutput: string | null;
}

export interface ListSubmissionsQuery {
  userId: string;
  problem?: string;
  verdict?: Verdict;
  /** `nextCursor` of the previous page; absent for the first page. */
  cursor?: string | null;
  /** Rows per page, clamped to 1…MAX_PAGE_SIZE. */
  limit: number;
}

/** Everyone's submissions (the admin's list and export): each filter optional. */
export interface ListAllSubmissionsQuery {
  /** The account's id. */
  userId?: string;
  problem?: string;
  verdict?: Verdict;
  language?: string;
  cursor?: string | null;
  /** Rows per page, clamped to 1…MAX_EXPORT_BATCH. */
  limit: number;
}

/** A row of everyone's submissions: who made it too (null: anonymous or deleted account). */
export interface AdminSubmissionSummary extends SubmissionSummary {
  username: string | null;
}

export interface AdminSubmissionPage {
  items: AdminSubmissionSummary[];
  nextCursor: string | null;
}

/** Rows one query of `listAll` reads at most (an export reads batches of this size). */
export const MAX_EXPORT_BATCH = 1000;

/** Which submits a similarity report compares. */
export interface LatestSubmitsQuery {
  problem: string;
  /** Only submits made in this contest; null: only submits outside any contest. */
  contestId: string | null;
  /** Only these authors (a class's members). */
  userIds?: readonly string[];
  /** Only submits made at or after this time. */
  since?: Date;
  limit: number;
}

/** An author's latest submit on a problem, with its source. */
export interface LatestSubmit {
  id: string;
  userId: string;
  username: string;
  language: LanguageId;
  code: string;
  verdict: Verdict | null;
  createdAt: Date;
}

export interface SubmissionPage {
  /** Newest first. Summaries: no code, result or compiler output (fetch one with getSubmission). */
  items: SubmissionSummary[];
  /** Pass back for the next page; null on the last page. */
  nextCursor: string | null;
}

export const MAX_PAGE_SIZE = 100;

const summaryColumns = {
  id: submissions.id,
  userId: submissions.userId,
  problemSlug: submissions.problemSlug,
  language: submissions.language,
  mode: submissions.mode,
  status: submissions.status,
  verdict: submissions.verdict,
  timeMs: submissions.timeMs,
  memoryKb: submissions.memoryKb,
  testsPassed: submissions.testsPassed,
  testsTotal: submissions.testsTotal,
  worker: submissions.worker,
  rejudgeOf: submissions.rejudgeOf,
  contestId: submissions.contestId,
  createdAt: submissions.createdAt,
  startedAt: submissions.startedAt,
  finishedAt: submissions.finishedAt,
};

const submissionColumns = {
  ...summaryColumns,
  code: submissions.code,
  request: submissions.request,
  requeues: submissions.requeues,
  result: submissions.result,
  compileOutput: submissions.compileOutput,
};

const UNFINISHED: JobStatus[] = ['queued', 'running'];

/** An ISO timestamp as a timestamptz parameter (identical on both drivers). */
function timestamptz(iso: string): SQL {
  return sql`${iso}::timestamptz`;
}

export class SubmissionsRepository {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = systemClock,
  ) {
    this.perJob = perJobStatements(db);
  }

  /**
   * The statements every job runs, built once (query building was a tenth of the API's CPU per job)
   * and sent as named prepared statements, so PostgreSQL parses and plans each once per connection.
   */
  private readonly perJob: ReturnType<typeof perJobStatements>;

  /**
   * Records an accepted job. Idempotent: false (and nothing changes) when the id already exists,
   * so the API may retry it.
   */
  async insertQueued(row: NewSubmission): Promise<boolean> {
    const inserted = await this.perJob.insertQueued.execute({
      id: row.id,
      userId: row.userId,
      problemSlug: row.problemSlug,
      language: row.language,
      mode: row.mode,
      code: row.code,
      request: row.request ?? null,
      rejudgeOf: row.rejudgeOf ?? null,
      contestId: row.contestId ?? null,
      createdAt: row.createdAt ?? this.now(),
    });
    return inserted.length > 0;
  }

  /** Undoes `insertQueued` when the queue refused the job; only a still-queued row is removed. */
  async deleteQueued(id: string): Promise<boolean> {
    const deleted = await this.db
      .delete(submissions)
      .where(and(eq(submissions.id, id), eq(submissions.status, 'queued')))
      .returning({ id: submissions.id });
    return deleted.length > 0;
  }

  /**
   * A worker took the job (again, after a retry or hand-back). False when the row is missing or
   * already finished.
   */
  async markRunning(id: string, run: { startedAt: Date; worker: string | null }): Promise<boolean> {
    const updated = await this.perJob.markRunning.execute({
      id,
      startedAt: run.startedAt.toISOString(),
      worker: run.worker,
    });
    return updated.length > 0;
  }

  /**
   * Stores the final result (status `completed` or `failed`). Writes only an unfinished row: the
   * first final write wins and later ones return null. A `completed` submit on a problem also
   * counts in that problem's statistics, in the same statement (so the same transaction).
   */
  async finish(id: string, result: JobResult): Promise<Submission | null> {
    if (!isFinalStatus(result.status)) {
      throw new Error(`finish(${id}): status ${result.status} is not final`);
    }
    // One definition everywhere: the judge's passed / total (every test of the mode, whether it ran or
    // not, as the result itself shows); results without them (free runs) count the tests they list.
    const testsTotal = result.total ?? result.tests.length;
    const testsPassed = result.passed ?? result.tests.filter((test) => test.verdict === 'ACCEPTED').length;
    const [row] = await this.perJob.finish.execute({
      id,
      status: result.status,
      verdict: result.verdict ?? (result.status === 'failed' ? 'INTERNAL_ERROR' : null),
      timeMs: result.timeMs,
      memoryKb: result.memoryKb === null ? null : Math.round(result.memoryKb),
      testsPassed: testsTotal > 0 ? testsPassed : null,
      testsTotal: testsTotal > 0 ? testsTotal : null,
      result: submissions.result.mapToDriverValue(result),
      compileOutput:
        result.compileOutput === '' ? null : submissions.compileOutput.mapToDriverValue(result.compileOutput),
      worker: result.worker,
      startedAt: result.startedAt ?? null,
      finishedAt: (result.finishedAt ? new Date(result.finishedAt) : this.now()).toISOString(),
    });
    return row ?? null;
  }

  /**
   * Rows still `queued` or `running` that were accepted before `before`, oldest first: what the
   * reconciler checks against the queue.
   */
  async listUnfinished(before: Date, limit: number): Promise<Submission[]> {
    return this.db
      .select(submissionColumns)
      .from(submissions)
      .where(
        and(
          inArray(submissions.status, UNFINISHED),
          sql`${submissions.createdAt} < ${before.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(submissions.createdAt)
      .limit(limit);
  }

  /** Records that a lost job was queued again (back to `queued`); false if it finished meanwhile. */
  async markRequeued(id: string): Promise<boolean> {
    const updated = await this.db
      .update(submissions)
      .set({ status: 'queued', startedAt: null, requeues: sql`${submissions.requeues} + 1` })
      .where(and(eq(submissions.id, id), inArray(submissions.status, UNFINISHED)))
      .returning({ id: submissions.id });
    return updated.length > 0;
  }

  /**
   * Finished original submits to judge again: one by id, or every one of a problem (optionally in
   * one language), oldest first, at most `limit`.
   */
  async listRejudgeable(
    target: { id: string } | { problem: string; language?: LanguageId },
    limit: number,
  ): Promise<Submission[]> {
    const conditions: SQL[] = [
      eq(submissions.mode, 'submit'),
      isNull(submissions.rejudgeOf),
      notInArray(submissions.status, UNFINISHED),
    ];
    if ('id' in target) conditions.push(eq(submissions.id, target.id));
    else {
      conditions.push(eq(submissions.problemSlug, target.problem));
      if (target.language !== undefined) conditions.push(eq(submissions.language, target.language));
    }
    return this.db
      .select(submissionColumns)
      .from(submissions)
      .where(and(...conditions))
      .orderBy(submissions.createdAt, submissions.id)
      .limit(limit);
  }

  /**
   * Each author's latest submit (not a run, not a rejudge) on a problem, newest first: what a similarity
   * report compares.
   */
  async latestSubmitsPerUser(query: LatestSubmitsQuery): Promise<LatestSubmit[]> {
    if (query.userIds !== undefined && query.userIds.length === 0) return [];
    const conditions: SQL[] = [
      eq(submissions.problemSlug, query.problem),
      eq(submissions.mode, 'submit'),
      isNull(submissions.rejudgeOf),
      query.contestId === null ? isNull(submissions.contestId) : eq(submissions.contestId, query.contestId),
    ];
    if (query.userIds !== undefined) conditions.push(inArray(submissions.userId, [...query.userIds]));
    if (query.since !== undefined)
      conditions.push(sql`${submissions.createdAt} >= ${timestamptz(query.since.toISOString())}`);
    // One row per author (their latest), then the most recent authors first.
    const rows = await this.db
      .selectDistinctOn([submissions.userId], {
        id: submissions.id,
        userId: users.id,
        username: users.username,
        language: submissions.language,
        code: submissions.code,
        verdict: submissions.verdict,
        createdAt: submissions.createdAt,
      })
      .from(submissions)
      .innerJoin(users, eq(users.id, submissions.userId))
      .where(and(...conditions))
      .orderBy(submissions.userId, desc(submissions.createdAt), desc(submissions.id));
    return rows
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .slice(0, Math.max(1, Math.trunc(query.limit)));
  }

  async getSubmission(id: string): Promise<Submission | null> {
    const [row] = await this.db.select(submissionColumns).from(submissions).where(eq(submissions.id, id));
    return row ?? null;
  }

  /** A user's submissions, newest first, one page at a time. Throws `InvalidCursorError`. */
  async listSubmissions(query: ListSubmissionsQuery): Promise<SubmissionPage> {
    const limit = Math.min(Math.max(Math.trunc(query.limit), 1), MAX_PAGE_SIZE);
    const conditions: SQL[] = [eq(submissions.userId, query.userId)];
    if (query.problem !== undefined) conditions.push(eq(submissions.problemSlug, query.problem));
    if (query.verdict !== undefined) conditions.push(eq(submissions.verdict, query.verdict));
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      // Row comparison: strictly older, or as old with a smaller id; walks the index in order.
      conditions.push(
        sql`(${submissions.createdAt}, ${submissions.id}) < (${timestamptz(after.createdAt.toISOString())}, ${after.id})`,
      );
    }
    // One extra row tells whether another page exists.
    const rows = await this.db
      .select(summaryColumns)
      .from(submissions)
      .where(and(...conditions))
      .orderBy(desc(submissions.createdAt), desc(submissions.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
    return { items, nextCursor };
  }

  /**
   * Everyone's submissions, newest first, with the author's username; filters and cursor as in
   * `listSubmissions`. Throws `InvalidCursorError`.
   */
  async listAll(query: ListAllSubmissionsQuery): Promise<AdminSubmissionPage> {
    const limit = Math.min(Math.max(Math.trunc(query.limit), 1), MAX_EXPORT_BATCH);
    const conditions: SQL[] = [];
    if (query.userId !== undefined) conditions.push(eq(submissions.userId, query.userId));
    if (query.problem !== undefined) conditions.push(eq(submissions.problemSlug, query.problem));
    if (query.verdict !== undefined) conditions.push(eq(submissions.verdict, query.verdict));
    if (query.language !== undefined) conditions.push(eq(submissions.language, query.language as LanguageId));
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      conditions.push(
        sql`(${submissions.createdAt}, ${submissions.id}) < (${timestamptz(after.createdAt.toISOString())}, ${after.id})`,
      );
    }
    const rows = await this.db
      .select({ ...summaryColumns, username: users.username })
      .from(submissions)
      .leftJoin(users, eq(users.id, submissions.userId))
      .where(and(...conditions))
      .orderBy(desc(submissions.createdAt), desc(submissions.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
    return { items, nextCursor };
  }

  /**
   * Submissions made through a compatible API (their request keeps `key`'s parameters), newest
   * first, by page number (the Judge0-compatible admin listing).
   */
  async listByPage(
    key: 'judge0',
    page: number,
    perPage: number,
  ): Promise<{ items: Submission[]; total: number }> {
    const madeThere = sql`(${submissions.request} -> ${key}) is not null`;
    const [rows, [count]] = await Promise.all([
      this.db
        .select(submissionColumns)
        .from(submissions)
        .where(madeThere)
        .orderBy(desc(submissions.createdAt), desc(submissions.id))
        .limit(perPage)
        .offset((page - 1) * perPage),
      this.db
        .select({ total: sql<number>`count(*)::int` })
        .from(submissions)
        .where(madeThere),
    ]);
    return { items: rows, total: Number(count?.total ?? 0) };
  }

  /**
   * Deletes a submission (the Judge0-compatible `DELETE`, for a job the caller knows is finished:
   * its row may still say `running` until the result is persisted, which then finds nothing to write).
   */
  async deleteSubmission(id: string): Promise<boolean> {
    const deleted = await this.db
      .delete(submissions)
      .where(eq(submissions.id, id))
      .returning({ id: submissions.id });
    return deleted.length > 0;
  }

  /**
   * Counts per language, per status and verdict, and per day of the last `days` days (UTC), and the
   * size of the database holding them.
   */
  async counts(days: number): Promise<SubmissionCounts> {
    const since = new Date(this.now().getTime() - days * 86_400_000);
    const day = sql<string>`to_char(${submissions.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
    const [total, byLanguage, byOutcome, byDay, size] = await Promise.all([
      this.db.select({ count: sql<number>`count(*)::int` }).from(submissions),
      this.db
        .select({ language: submissions.language, count: sql<number>`count(*)::int` })
        .from(submissions)
        .groupBy(submissions.language),
      this.db
        .select({
          status: submissions.status,
          verdict: submissions.verdict,
          count: sql<number>`count(*)::int`,
        })
        .from(submissions)
        .groupBy(submissions.status, submissions.verdict),
      this.db
        .select({ day, count: sql<number>`count(*)::int` })
        .from(submissions)
        .where(sql`${submissions.createdAt} >= ${timestamptz(since.toISOString())}`)
        .groupBy(day),
      this.db.execute(
        sql`select pg_size_pretty(pg_database_size(current_database())) as pretty, pg_database_size(current_database())::text as bytes`,
      ),
    ]);
    // node-postgres and PGlite both answer `{rows}`.
    const sizeRow = (size as unknown as { rows: { pretty: string; bytes: string }[] }).rows[0];
    return {
      total: Number(total[0]?.count ?? 0),
      byLanguage: byLanguage.map((row) => ({ language: row.language, count: Number(row.count) })),
      byOutcome: byOutcome.map((row) => ({
        status: row.status,
        verdict: row.verdict,
        count: Number(row.count),
      })),
      byDay: byDay.map((row) => ({ day: row.day, count: Number(row.count) })),
      database: { sizePretty: sizeRow?.pretty ?? '0 bytes', sizeBytes: Number(sizeRow?.bytes ?? 0) },
    };
  }
}

export interface SubmissionCounts {
  total: number;
  byLanguage: { language: LanguageId; count: number }[];
  byOutcome: { status: JobStatus; verdict: Verdict | null; count: number }[];
  /** `YYYY-MM-DD` (UTC) → submissions created that day. */
  byDay: { day: string; count: number }[];
  /** The database's size, as PostgreSQL's `pg_database_size` and `pg_size_pretty` give it. */
  database: { sizePretty: string; sizeBytes: number };
}

/**
 * The per-job statements, prepared. `finish` is one statement: the update of an unfinished row and, when
 * that row is a completed original submit on a problem, its problem's statistics (a data-modifying `with`
 * runs to completion whether or not the outer query reads it), instead of begin, update, insert, commit.
 */
function perJobStatements(db: Db) {
  const p = sql.placeholder;
  const insertQueued = db
    .insert(submissions)
    .values({
      id: p('id'),
      userId: p('userId'),
      problemSlug: p('problemSlug'),
      language: p('language'),
      mode: p('mode'),
      code: p('code'),
      request: p('request'),
      rejudgeOf: p('rejudgeOf'),
      contestId: p('contestId'),
      status: 'queued',
      createdAt: p('createdAt'),
    })
    .onConflictDoNothing()
    .returning({ id: submissions.id })
    .prepare('submissions_insert_queued');
  const unfinished = (): SQL | undefined =>
    and(eq(submissions.id, p('id')), inArray(submissions.status, UNFINISHED));
  const markRunning = db
    .update(submissions)
    // `set` takes placeholders only inside SQL, whose values are sent as given (already encoded).
    .set({
      status: 'running',
      startedAt: sql`${p('startedAt')}::timestamptz`,
      worker: sql`${p('worker')}::text`,
    })
    .where(unfinished())
    .returning({ id: submissions.id })
    .prepare('submissions_mark_running');
  const updated = db.$with('updated').as(
    db
      .update(submissions)
      .set({
        status: sql`${p('status')}::text`,
        verdict: sql`${p('verdict')}::text`,
        timeMs: sql`${p('timeMs')}::double precision`,
        memoryKb: sql`${p('memoryKb')}::integer`,
        testsPassed: sql`${p('testsPassed')}::integer`,
        testsTotal: sql`${p('testsTotal')}::integer`,
        result: sql`${p('result')}::jsonb`,
        compileOutput: sql`${p('compileOutput')}::text`,
        worker: sql`coalesce(${p('worker')}::text, ${submissions.worker})`,
        startedAt: sql`coalesce(${submissions.startedAt}, ${p('startedAt')}::timestamptz)`,
        finishedAt: sql`${p('finishedAt')}::timestamptz`,
      })
      .where(unfinished())
      .returning(submissionColumns),
  );
  // A rejudge does not count again: its original already did.
  const counted = db.$with('counted').as(
    db
      .insert(problemStats)
      .select(
        sql`select problem_slug, 1, case when verdict = 'ACCEPTED' then 1 else 0 end from ${updated}
            where mode = 'submit' and rejudge_of is null and status = 'completed' and problem_slug is not null`,
      )
      .onConflictDoUpdate({
        target: problemStats.problemSlug,
        set: {
          submissions: sql`${problemStats.submissions} + 1`,
          accepted: sql`${problemStats.accepted} + excluded.accepted`,
        },
      }),
  );
  const finish = db.with(updated, counted).select().from(updated).prepare('submissions_finish');
  return { insertQueued, markRunning, finish };
}
