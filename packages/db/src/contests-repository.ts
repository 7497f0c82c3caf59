/**
 * Contests over their life: created and changed by organisers (problems replaced as a whole),
 * participants registering (and starting their own window), clarifications and announcements,
 * and the rows scoring reads: participants with their usernames and the contest's submissions,
 * rejudges included.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ContestVisibility, JobStatus, ScoringRule, Verdict } from '@arbiter/contracts';
import { systemClock, type Clock, type Db } from './db.js';
import {
  contestAnnouncements,
  contestClarifications,
  contestParticipants,
  contestProblems,
  contests,
  submissions,
  users,
} from './schema/index.js';

export interface ContestProblemRow {
  letter: string;
  problemSlug: string;
  points: number;
}

export interface ContestSettings {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number | null;
  visibility: ContestVisibility;
  inviteCode: string | null;
  scoring: ScoringRule;
  freezeMinutes: number;
  penaltyMinutes: number;
}

export interface Contest extends ContestSettings {
  id: string;
  ownerId: string | null;
  createdAt: Date;
  /** By letter. */
  problems: ContestProblemRow[];
}

export interface ContestParticipant {
  userId: string;
  username: string;
  registeredAt: Date;
  virtual: boolean;
  startedAt: Date | null;
}

/** A submission of a contest as scoring reads it. */
export interface ContestSubmissionRow {
  id: string;
  userId: string;
  problemSlug: string;
  rejudgeOf: string | null;
  status: JobStatus;
  verdict: Verdict | null;
  testsPassed: number | null;
  testsTotal: number | null;
  /** A scoring problem's submit: `result.score.score` and `result.score.maxScore` (null otherwise). */
  score: number | null;
  maxScore: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ClarificationRow {
  id: string;
  contestId: string;
  userId: string | null;
  askedBy: string | null;
  letter: string | null;
  question: string;
  answer: string | null;
  public: boolean;
  createdAt: Date;
  answeredAt: Date | null;
}

export interface AnnouncementRow {
  id: string;
  body: string;
  createdAt: Date;
}

const contestColumns = {
  id: contests.id,
  title: contests.title,
  description: contests.description,
  ownerId: contests.ownerId,
  startsAt: contests.startsAt,
  endsAt: contests.endsAt,
  durationMinutes: contests.durationMinutes,
  visibility: contests.visibility,
  inviteCode: contests.inviteCode,
  scoring: contests.scoring,
  freezeMinutes: contests.freezeMinutes,
  penaltyMinutes: contests.penaltyMinutes,
  createdAt: contests.createdAt,
};

export class ContestsRepository {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = systemClock,
  ) {}

  async create(ownerId: string, settings: ContestSettings, problems: ContestProblemRow[]): Promise<Contest> {
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await tx.insert(contests).values({ id, ownerId, ...settings, createdAt: this.now() });
      await tx.insert(contestProblems).values(problems.map((problem) => ({ contestId: id, ...problem })));
    });
    const created = await this.get(id);
    if (created === null) throw new Error(`contest ${id} vanished after insert`);
    return created;
  }

  /** Changes the given settings and, when given, replaces the problems. null: no such contest. */
  async update(
    id: string,
    settings: Partial<ContestSettings>,
    problems?: ContestProblemRow[],
  ): Promise<Contest | null> {
    const found = await this.db.transaction(async (tx) => {
      const [row] =
        Object.keys(settings).length > 0
          ? await tx.update(contests).set(settings).where(eq(contests.id, id)).returning({ id: contests.id })
          : await tx.select({ id: contests.id }).from(contests).where(eq(contests.id, id));
      if (!row) return false;
      if (problems !== undefined) {
        await tx.delete(contestProblems).where(eq(contestProblems.contestId, id));
        await tx.insert(contestProblems).values(problems.map((problem) => ({ contestId: id, ...problem })));
      }
      return true;
    });
    return found ? this.get(id) : null;
  }

  async get(id: string): Promise<Contest | null> {
    const [row] = await this.db.select(contestColumns).from(contests).where(eq(contests.id, id));
    if (!row) return null;
    const problems = await this.db
      .select({
        letter: contestProblems.letter,
        problemSlug: contestProblems.problemSlug,
        points: contestProblems.points,
      })
      .from(contestProblems)
      .where(eq(contestProblems.contestId, id))
      .orderBy(asc(contestProblems.letter));
    return { ...row, problems };
  }

  /** Every contest with its problem count, newest start first (callers filter by who may see what). */
  async list(): Promise<(Omit<Contest, 'problems'> & { problemCount: number })[]> {
    const problemCount = sql<number>`(select count(*)::int from ${contestProblems} where ${contestProblems.contestId} = ${contests.id})`;
    const rows = await this.db
      .select({ ...contestColumns, problemCount })
      .from(contests)
      .orderBy(sql`${contests.startsAt} desc`, asc(contests.id));
    return rows.map((row) => ({ ...row, problemCount: Number(row.problemCount) }));
  }

  /** The contests `userId` is registered in. */
  async registeredIn(userId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ contestId: contestParticipants.contestId })
      .from(contestParticipants)
      .where(eq(contestParticipants.userId, userId));
    return new Set(rows.map((row) => row.contestId));
  }

  /**
   * Registers a user; false (and nothing changes) when already registered. A virtual participant's
   * window starts at registration.
   */
  async register(contestId: string, userId: string, options: { virtual: boolean }): Promise<boolean> {
    const now = this.now();
    const inserted = await this.db
      .insert(contestParticipants)
      .values({
        contestId,
        userId,
        registeredAt: now,
        virtual: options.virtual,
        startedAt: options.virtual ? now : null,
      })
      .onConflictDoNothing()
      .returning({ userId: contestParticipants.userId });
    return inserted.length > 0;
  }

  /** Opens a participant's own window (duration contests) at `at`; false when it already was, or no such participant. */
  async start(contestId: string, userId: string, at: Date): Promise<boolean> {
    const updated = await this.db
      .update(contestParticipants)
      .set({ startedAt: at })
      .where(
        and(
          eq(contestParticipants.contestId, contestId),
          eq(contestParticipants.userId, userId),
          isNull(contestParticipants.startedAt),
        ),
      )
      .returning({ userId: contestParticipants.userId });
    return updated.length > 0;
  }

  async participant(contestId: string, userId: string): Promise<ContestParticipant | null> {
    const [row] = await this.participantQuery(contestId, userId);
    return row ?? null;
  }

  async participants(contestId: string): Promise<ContestParticipant[]> {
    return this.participantQuery(contestId);
  }

  private participantQuery(contestId: string, userId?: string) {
    return this.db
      .select({
        userId: contestParticipants.userId,
        username: users.username,
        registeredAt: contestParticipants.registeredAt,
        virtual: contestParticipants.virtual,
        startedAt: contestParticipants.startedAt,
      })
      .from(contestParticipants)
      .innerJoin(users, eq(users.id, contestParticipants.userId))
      .where(
        userId === undefined
          ? eq(contestParticipants.contestId, contestId)
          : and(eq(contestParticipants.contestId, contestId), eq(contestParticipants.userId, userId)),
      )
      .orderBy(asc(contestParticipants.registeredAt));
  }

  async participantCount(contestId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(contestParticipants)
      .where(eq(contestParticipants.contestId, contestId));
    return row?.n ?? 0;
  }

  /** The contest's submits, originals and rejudges, of users who still exist (of one user: `userId`). */
  async submissions(contestId: string, userId?: string): Promise<ContestSubmissionRow[]> {
    const rows = await this.db
      .select({
        id: submissions.id,
        userId: submissions.userId,
        problemSlug: submissions.problemSlug,
        rejudgeOf: submissions.rejudgeOf,
        status: submissions.status,
        verdict: submissions.verdict,
        testsPassed: submissions.testsPassed,
        testsTotal: submissions.testsTotal,
        score: sql<number | null>`(${submissions.result} -> 'score' ->> 'score')::double precision`,
        maxScore: sql<number | null>`(${submissions.result} -> 'score' ->> 'maxScore')::double precision`,
        createdAt: submissions.createdAt,
        finishedAt: submissions.finishedAt,
      })
      .from(submissions)
      .where(
        and(
          eq(submissions.contestId, contestId),
          eq(submissions.mode, 'submit'),
          userId === undefined ? isNotNull(submissions.userId) : eq(submissions.userId, userId),
          isNotNull(submissions.problemSlug),
        ),
      );
    return rows.flatMap((row) =>
      row.userId === null || row.problemSlug === null
        ? []
        : [{ ...row, userId: row.userId, problemSlug: row.problemSlug }],
    );
  }

  /** The contests scored by `scoring` that have `problemSlug` among their problems, oldest start first. */
  async withProblem(problemSlug: string, scoring: ScoringRule): Promise<{ id: string; title: string }[]> {
    return this.db
      .select({ id: contests.id, title: contests.title })
      .from(contestProblems)
      .innerJoin(contests, eq(contests.id, contestProblems.contestId))
      .where(and(eq(contestProblems.problemSlug, problemSlug), eq(contests.scoring, scoring)))
      .orderBy(asc(contests.startsAt), asc(contests.id));
  }

  /** Problems of contests that have not started yet (kept out of the public problem list). */
  async unreleasedProblems(): Promise<Set<string>> {
    const rows = await this.db
      .select({ problemSlug: contestProblems.problemSlug })
      .from(contestProblems)
      .innerJoin(contests, eq(contests.id, contestProblems.contestId))
      .where(sql`${contests.startsAt} > ${this.now().toISOString()}::timestamptz`);
    return new Set(rows.map((row) => row.problemSlug));
  }

  async ask(
    contestId: string,
    userId: string,
    question: { letter: string | null; question: string },
  ): Promise<ClarificationRow> {
    const id = randomUUID();
    await this.db.insert(contestClarifications).values({
      id,
      contestId,
      userId,
      letter: question.letter,
      question: question.question,
      createdAt: this.now(),
    });
    const [row] = await this.clarificationQuery(contestId, [id]);
    if (!row) throw new Error(`clarification ${id} vanished after insert`);
    return row;
  }

  /** Answers (or answers again) a clarification; null when the contest has no such clarification. */
  async answer(
    contestId: string,
    id: string,
    answer: { answer: string; public: boolean; answeredBy: string },
  ): Promise<ClarificationRow | null> {
    const updated = await this.db
      .update(contestClarifications)
      .set({ ...answer, answeredAt: this.now() })
      .where(and(eq(contestClarifications.id, id), eq(contestClarifications.contestId, contestId)))
      .returning({ id: contestClarifications.id });
    if (updated.length === 0) return null;
    const [row] = await this.clarificationQuery(contestId, [id]);
    return row ?? null;
  }

  /** Every clarification of the contest, oldest first. */
  async clarifications(contestId: string): Promise<ClarificationRow[]> {
    return this.clarificationQuery(contestId);
  }

  private clarificationQuery(contestId: string, ids?: string[]) {
    return this.db
      .select({
        id: contestClarifications.id,
        contestId: contestClarifications.contestId,
        userId: contestClarifications.userId,
        askedBy: users.username,
        letter: contestClarifications.letter,
        question: contestClarifications.question,
        answer: contestClarifications.answer,
        public: contestClarifications.public,
        createdAt: contestClarifications.createdAt,
        answeredAt: contestClarifications.answeredAt,
      })
      .from(contestClarifications)
      .leftJoin(users, eq(users.id, contestClarifications.userId))
      .where(
        ids === undefined
          ? eq(contestClarifications.contestId, contestId)
          : and(eq(contestClarifications.contestId, contestId), inArray(contestClarifications.id, ids)),
      )
      .orderBy(asc(contestClarifications.createdAt), asc(contestClarifications.id));
  }

  async announce(contestId: string, authorId: string, body: string): Promise<AnnouncementRow> {
    const row = { id: randomUUID(), body, createdAt: this.now() };
    await this.db.insert(contestAnnouncements).values({ ...row, contestId, authorId });
    return row;
  }

  async announcements(contestId: string): Promise<AnnouncementRow[]> {
    return this.db
      .select({
        id: contestAnnouncements.id,
        body: contestAnnouncements.body,
        createdAt: contestAnnouncements.createdAt,
      })
      .from(contestAnnouncements)
      .where(eq(contestAnnouncements.contestId, contestId))
      .orderBy(asc(contestAnnouncements.createdAt), asc(contestAnnouncements.id));
  }
}
