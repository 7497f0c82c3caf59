/**
 * Read-side statistics over submissions: runtime and memory percentiles and the runtime
 * distribution of accepted submits per problem and language, acceptance rates per problem, and
 * which problems a user solved or attempted.
 */
import { and, count, eq, gt, inArray, isNotNull, max, min, sql, type SQL } from 'drizzle-orm';
import type { JobResult, LanguageId } from '@arbiter/contracts';
import type { Db } from './db.js';
import { problemStats, submissions } from './schema/index.js';

/** Shares (0–100) of accepted submits that were strictly slower / used strictly more memory. */
export type Percentile = NonNullable<JobResult['percentile']>;

export interface PercentileQuery {
  problem: string;
  language: LanguageId;
  /** CPU time of the submission being ranked, in ms. */
  timeMs: number;
  /** Peak memory of the submission being ranked, in KiB. */
  memoryKb: number;
}

export interface DistributionQuery {
  problem: string;
  language: LanguageId;
  /** Most bars wanted (at least 1). */
  buckets: number;
}

export interface RuntimeBucket {
  /** Inclusive lower bound, in ms. */
  fromMs: number;
  /** Exclusive upper bound, in ms. */
  toMs: number;
  /** Accepted submits whose CPU time falls in [fromMs, toMs). */
  count: number;
}

export interface RuntimeDistribution {
  /** Accepted submits counted (the sum of the buckets' counts). */
  total: number;
  /** Equal-width, contiguous, ascending; empty when there is no accepted submit. */
  buckets: RuntimeBucket[];
}

export interface ProblemStats {
  /** Judged submits (status `completed`, any verdict). */
  submissions: number;
  accepted: number;
  /** 100 × accepted / submissions, rounded to 0.01; null before the first judged submit. */
  acceptanceRate: number | null;
}

export interface SolvedBy {
  /** Problems with at least one accepted submit, sorted. */
  solved: string[];
  /** Problems submitted to but never accepted, sorted (disjoint from `solved`). */
  attempted: string[];
}

/** 100 × part / whole, rounded down to 0.01 in integer arithmetic (never over-claims). */
function shareFloor(part: number, whole: number): number {
  return Math.floor((part * 10_000) / whole) / 100;
}

export class SubmissionStatsRepository {
  constructor(private readonly db: Db) {}

  /** The rows percentiles and distributions are taken over. */
  private acceptedSubmits(problem: string, language: LanguageId): SQL | undefined {
    return and(
      eq(submissions.problemSlug, problem),
      eq(submissions.language, language),
      eq(submissions.mode, 'submit'),
      eq(submissions.verdict, 'ACCEPTED'),
      isNotNull(submissions.timeMs),
      isNotNull(submissions.memoryKb),
    );
  }

  /**
   * Ranks a time and memory among the accepted submits of the same problem and language recorded
   * so far: `runtime` is the share that were strictly slower, `memory` the share that used strictly
   * more memory (ties count for neither side). Null when there is no accepted submit to compare
   * with. Call it before `finish` to rank a submission against the others only.
   */
  async percentile(query: PercentileQuery): Promise<Percentile | null> {
    const [row] = await this.db
      .select({
        total: count(),
        slower: count(sql`case when ${gt(submissions.timeMs, query.timeMs)} then 1 end`),
        // memory_kb is an integer column: compare with the rounded figure, as finish() stores it.
        heavier: count(sql`case when ${gt(submissions.memoryKb, Math.round(query.memoryKb))} then 1 end`),
      })
      .from(submissions)
      .where(this.acceptedSubmits(query.problem, query.language));
    if (!row || row.total === 0) return null;
    return { runtime: shareFloor(row.slower, row.total), memory: shareFloor(row.heavier, row.total) };
  }

  /**
   * CPU times of accepted submits of one problem and language, in at most `buckets` equal-width
   * bars of a whole number of ms, starting at the fastest time (rounded down to the ms).
   */
  async runtimeDistribution(query: DistributionQuery): Promise<RuntimeDistribution> {
    const where = this.acceptedSubmits(query.problem, query.language);
    const [range] = await this.db
      .select({ fastest: min(submissions.timeMs), slowest: max(submissions.timeMs) })
      .from(submissions)
      .where(where);
    if (!range || range.fastest === null || range.slowest === null) return { total: 0, buckets: [] };
    const from = Math.floor(range.fastest);
    // Whole ms covered, both ends included; the bar width is a whole number of ms.
    const span = Math.floor(range.slowest) - from + 1;
    const width = Math.ceil(span / Math.max(1, Math.trunc(query.buckets)));
    const bars = Math.ceil(span / width);
    // Integers we computed, inlined (not parameters) so GROUP BY repeats the very same expression.
    // Clamped so a row added between the two queries lands in an end bar instead of outside.
    const [lo, w, last] = [from, width, bars - 1].map((n) => sql.raw(String(n)));
    const bucket = sql<number>`least(greatest(floor((${submissions.timeMs} - ${lo}) / ${w}), 0), ${last})::int`;
    const rows = await this.db.select({ bucket, n: count() }).from(submissions).where(where).groupBy(bucket);
    const buckets: RuntimeBucket[] = Array.from({ length: bars }, (_, i) => ({
      fromMs: from + i * width,
      toMs: from + (i + 1) * width,
      count: 0,
    }));
    let total = 0;
    for (const row of rows) {
      const target = buckets[row.bucket];
      if (target) target.count += row.n;
      total += row.n;
    }
    return { total, buckets };
  }

  /** Acceptance per problem, for every slug asked (zeros for problems nobody submitted to). */
  async problemStats(slugs: readonly string[]): Promise<Map<string, ProblemStats>> {
    const found =
      slugs.length === 0
        ? []
        : await this.db
            .select()
            .from(problemStats)
            .where(inArray(problemStats.problemSlug, [...slugs]));
    const bySlug = new Map(found.map((row) => [row.problemSlug, row]));
    const result = new Map<string, ProblemStats>();
    for (const slug of slugs) {
      const row = bySlug.get(slug);
      const submitted = row?.submissions ?? 0;
      const accepted = row?.accepted ?? 0;
      result.set(slug, {
        submissions: submitted,
        accepted,
        acceptanceRate: submitted === 0 ? null : Math.round((accepted * 10_000) / submitted) / 100,
      });
    }
    return result;
  }

  /** The problems a user solved, and those they submitted to without success (judged submits). */
  async solvedBy(userId: string): Promise<SolvedBy> {
    const solvedFlag = sql<boolean>`bool_or(${submissions.verdict} = 'ACCEPTED')`;
    const rows = await this.db
      .select({ slug: submissions.problemSlug, solved: solvedFlag })
      .from(submissions)
      .where(
        and(
          eq(submissions.userId, userId),
          eq(submissions.mode, 'submit'),
          eq(submissions.status, 'completed'),
          isNotNull(submissions.problemSlug),
        ),
      )
      .groupBy(submissions.problemSlug);
    const solved: string[] = [];
    const attempted: string[] = [];
    for (const row of rows) {
      if (row.slug === null) continue;
      (row.solved ? solved : attempted).push(row.slug);
    }
    // Sorted here, by code point: the same on every server whatever its collation.
    return { solved: solved.sort(), attempted: attempted.sort() };
  }
}
