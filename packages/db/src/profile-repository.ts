/**
 * What a user's public profile is made of, computed in SQL over their submits: the problems they
 * solved (with the latest accepted submit of each), submits per UTC day over a range of days, and
 * the current and longest streak of UTC days with an accepted submit. Submits of a contest that has
 * not ended yet are left out, as are rejudges from the activity and streaks (an admin made those).
 */
import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Clock, Db } from './db.js';
import { contests, submissions } from './schema/index.js';

const DAY_MS = 86_400_000;

export interface ProfileSolve {
  problemSlug: string;
  /** The latest accepted submit of the problem (a rejudge's included). */
  lastAcceptedAt: Date;
}

export interface ProfileDay {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  /** Submits made that day. */
  count: number;
}

export interface ProfileStats {
  /** Every problem the user solved, in no particular order. */
  solved: ProfileSolve[];
  /** First day of the activity (UTC, `YYYY-MM-DD`). */
  from: string;
  /** Today (UTC, `YYYY-MM-DD`). */
  to: string;
  /** Days in `from`..`to` with at least one submit, oldest first. */
  days: ProfileDay[];
  /** Consecutive days with an accepted submit ending today or yesterday (UTC); 0 otherwise. */
  currentStreak: number;
  longestStreak: number;
}

/** `YYYY-MM-DD` of a UTC day. */
function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export class ProfileRepository {
  constructor(
    private readonly db: Db,
    private readonly now: Clock,
  ) {}

  /** Rows of a contest still running (or yet to start) stay private until its end. */
  private visibleAt(now: Date): SQL {
    return sql`not exists (select 1 from ${contests} where ${contests.id} = ${submissions.contestId} and ${contests.endsAt} > ${now.toISOString()}::timestamptz)`;
  }

  /** The profile's figures for one user; `activityDays` days of activity end today (UTC). */
  async profile(userId: string, activityDays: number): Promise<ProfileStats> {
    const now = this.now();
    const startOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const from = new Date(startOfToday.getTime() - (Math.max(1, Math.trunc(activityDays)) - 1) * DAY_MS);
    const tomorrow = new Date(startOfToday.getTime() + DAY_MS);
    const visible = this.visibleAt(now);
    const ownSubmit = and(eq(submissions.userId, userId), eq(submissions.mode, 'submit'), visible);
    const day = sql<string>`to_char(${submissions.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;

    const [solvedRows, dayRows, streakResult] = await Promise.all([
      this.db
        .select({
          problemSlug: submissions.problemSlug,
          lastAcceptedAt: sql<string>`max(${submissions.createdAt})`,
        })
        .from(submissions)
        .where(and(ownSubmit, eq(submissions.verdict, 'ACCEPTED'), isNotNull(submissions.problemSlug)))
        .groupBy(submissions.problemSlug),
      this.db
        .select({ date: day, count: sql<number>`count(*)::int` })
        .from(submissions)
        .where(
          and(
            ownSubmit,
            isNull(submissions.rejudgeOf),
            sql`${submissions.createdAt} >= ${from.toISOString()}::timestamptz`,
            sql`${submissions.createdAt} < ${tomorrow.toISOString()}::timestamptz`,
          ),
        )
        .groupBy(day)
        .orderBy(day),
      // Gaps and islands: consecutive days share `day - row_number()`, so each island is one streak.
      this.db.execute(sql`
        with accepted_days as (
          select distinct (${submissions.createdAt} at time zone 'UTC')::date as day
          from ${submissions}
          where ${and(
            ownSubmit,
            isNull(submissions.rejudgeOf),
            eq(submissions.verdict, 'ACCEPTED'),
            sql`${submissions.createdAt} < ${tomorrow.toISOString()}::timestamptz`,
          )}
        ), streaks as (
          select max(day) as last_day, count(*)::int as length
          from (select day, day - (row_number() over (order by day))::int as island from accepted_days) numbered
          group by island
        )
        select coalesce(max(length), 0)::int as longest,
          coalesce(max(length) filter (where last_day >= ${utcDay(startOfToday)}::date - 1), 0)::int as current
        from streaks`),
    ]);
    // node-postgres and PGlite both answer `{rows}`.
    const streak = (streakResult as unknown as { rows: { longest: number; current: number }[] }).rows[0];
    return {
      solved: solvedRows.flatMap((row) =>
        row.problemSlug === null
          ? []
          : [{ problemSlug: row.problemSlug, lastAcceptedAt: new Date(row.lastAcceptedAt) }],
      ),
      from: utcDay(from),
      to: utcDay(startOfToday),
      days: dayRows.map((row) => ({ date: row.date, count: Number(row.count) })),
      currentStreak: Number(streak?.current ?? 0),
      longestStreak: Number(streak?.longest ?? 0),
    };
  }
}
