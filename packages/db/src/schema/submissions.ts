/**
 * The `submissions` table: every job the API accepted (runs and submits), from `queued` to its
 * final result. The row id is the job id.
 */
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import {
  JOB_STATUSES,
  SUBMISSION_MODES,
  VERDICTS,
  type JobResult,
  type JobStatus,
  type LanguageId,
  type SubmissionMode,
  type Verdict,
} from '@arbiter/contracts';
import type { EffectiveLimits, Judge0Params, PackageRef, ProgramOptions } from '@arbiter/contracts';
import { nulSafeJsonb, nulSafeText, sqlList, timestampMs } from './columns.js';
import { users } from './users.js';

/** The part of a job's payload that is not in other columns. */
export interface SubmissionRequest {
  stdin: string;
  expectedOutput?: string;
  tests: string[];
  limits: EffectiveLimits;
  /** A free run's program arguments (absent: none). */
  args?: string[];
  /** A free run's files, compiler flags, stderr redirection and number of runs (absent: defaults). */
  options?: ProgramOptions;
  /** An imported problem's job: the version and package it is judged on (a requeue keeps them). */
  package?: PackageRef;
  /** Submissions made through the Judge0-compatible API: the Judge0 parameters, after defaults. */
  judge0?: Judge0Params;
}

/** Rows that feed runtime and memory percentiles: accepted submits. */
const acceptedSubmit = sql.raw(`mode = 'submit' and verdict = 'ACCEPTED'`);

export const submissions = pgTable(
  'submissions',
  {
    /** The job id (a UUID). */
    id: text('id').primaryKey(),
    /** null: an anonymous run. Kept (set to null) when the user is deleted, for the statistics. */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** null: a free-form run, not about a problem. */
    problemSlug: text('problem_slug'),
    /** A language id; not constrained here so adding a language needs no migration. */
    language: text('language').$type<LanguageId>().notNull(),
    mode: text('mode').$type<SubmissionMode>().notNull(),
    code: nulSafeText('code').notNull(),
    /**
     * What else the job needs besides the code (stdin, custom tests, limits), so a job Redis lost
     * can be queued again from the row alone. null on rows written before it existed.
     */
    request: nulSafeJsonb('request').$type<SubmissionRequest>(),
    /** The submission this row judges again (an admin's rejudge); null: an original submission. */
    rejudgeOf: text('rejudge_of'),
    /** The contest it was submitted in (a rejudge keeps its original's); null: outside any contest. */
    contestId: text('contest_id'),
    /** Times the job was queued again after Redis lost it. */
    requeues: integer('requeues').notNull().default(0),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    /** null until the job is finished. */
    verdict: text('verdict').$type<Verdict>(),
    /** CPU time, in ms (may be fractional). */
    timeMs: doublePrecision('time_ms'),
    /** Peak memory, in KiB. */
    memoryKb: integer('memory_kb'),
    testsPassed: integer('tests_passed'),
    testsTotal: integer('tests_total'),
    /** The final result, exactly as `GET /status/:jobId` returns it. */
    result: nulSafeJsonb('result').$type<JobResult>(),
    compileOutput: nulSafeText('compile_output'),
    /** Id of the worker that judged (or is judging) the job. */
    worker: text('worker'),
    createdAt: timestampMs('created_at').notNull(),
    startedAt: timestampMs('started_at'),
    finishedAt: timestampMs('finished_at'),
  },
  (table) => [
    // `desc nulls first` is what a plain `order by … desc` means, so these indexes serve such queries.
    // A user's history, newest first; the id breaks ties between equal timestamps (the cursor).
    index('submissions_user_created_idx').on(
      table.userId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // The same, filtered by problem; also serves "solved / attempted" per user.
    index('submissions_user_problem_created_idx').on(
      table.userId,
      table.problemSlug,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // Everyone's submissions, newest first (the admin's list), alone or by language or verdict.
    index('submissions_created_idx').on(table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
    index('submissions_language_created_idx').on(
      table.language,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('submissions_verdict_created_idx').on(
      table.verdict,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('submissions_problem_created_idx').on(
      table.problemSlug,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // A problem's submissions by verdict (e.g. the accepted ones), newest first.
    index('submissions_problem_verdict_created_idx').on(
      table.problemSlug,
      table.verdict,
      table.createdAt.desc().nullsFirst(),
    ),
    // Percentiles and distributions of accepted submits per problem and language.
    index('submissions_accepted_time_idx')
      .on(table.problemSlug, table.language, table.timeMs)
      .where(acceptedSubmit),
    index('submissions_accepted_memory_idx')
      .on(table.problemSlug, table.language, table.memoryKb)
      .where(acceptedSubmit),
    // A submission's rejudges.
    index('submissions_rejudge_of_idx').on(table.rejudgeOf).where(sql.raw('rejudge_of is not null')),
    // A contest's submissions (its scoreboard).
    index('submissions_contest_idx').on(table.contestId).where(sql.raw('contest_id is not null')),
    // Jobs not finished yet, oldest first: what a janitor looks at after a crash.
    index('submissions_unfinished_idx').on(table.createdAt).where(sql.raw(`status in ('queued', 'running')`)),
    check('submissions_mode_check', sql.raw(`mode in ${sqlList(SUBMISSION_MODES)}`)),
    check('submissions_status_check', sql.raw(`status in ${sqlList(JOB_STATUSES)}`)),
    check('submissions_verdict_check', sql.raw(`verdict is null or verdict in ${sqlList(VERDICTS)}`)),
  ],
);
