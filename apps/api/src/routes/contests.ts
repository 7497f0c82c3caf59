/**
 * Contests: organisers and admins create and change them; anyone lists the public ones and reads
 * a contest's page (its problems once it has started); signed-in users register (with the invite
 * code when there is one; after the end as virtual participants) and start their own window in a
 * duration contest; the scoreboard, clarifications and announcements. Changes that watchers should see
 * at once (settings, a new participant, a question, an answer, an announcement) are published to every
 * API instance (contests/scoreboard-push.ts).
 */
import { z } from 'zod';
import {
  compactScoreboard,
  contestIdSchema,
  scoreboardQuerySchema,
  contestIssues,
  type AuthUser,
  type Clarification,
  type ContestList,
  type UpdateContestRequest,
} from '@arbiter/contracts';
import { contestPhase } from '@arbiter/contests';
import type { ClarificationRow, Contest, ContestSettings } from '@arbiter/db';
import { OPTIONAL, ORGANISER, SESSION } from '../auth/access.js';
import { requireOrganiser } from '../auth/roles.js';
import { requireUser } from '../auth/session.js';
import { canManage, findContest, findManagedContest, noSuchContest } from '../contests/contest-access.js';
import { contestDetail, contestSummary } from '../contests/contest-views.js';
import { checkIoiProblems, checkListedProblems, problemTitles } from '../problems/problem-directory.js';
import { readScoreboard } from '../contests/read-scoreboard.js';
import { announceContestChange, announceContestMessages } from '../contests/scoreboard-push.js';
import { HttpError, notFound } from '../http/http-error.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import {
  AnnouncementList,
  AnswerClarificationRequest,
  AskClarificationRequest,
  Announcement,
  Clarification as ClarificationSchema,
  ClarificationList,
  ContestDetail,
  ContestListSchema,
  CreateContestRequest,
  PostAnnouncementRequest,
  RegisterContestRequest,
  ScoreboardSchema,
  CompactScoreboardSchema,
  UpdateContestRequest as UpdateContestRequestSchema,
} from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';

const idParams = z.object({ id: contestIdSchema.describe('The contest id.') });
const invalidId = (_part: string, _error: Error, req: { params: Record<string, unknown> }) =>
  noSuchContest(req.params.id);

/** An id that cannot be a contest's is not found; another bad input keeps its own 400. */
const invalidIdOrInput = (part: string, error: Error, req: { params: Record<string, unknown> }) =>
  part === 'params' ? noSuchContest(req.params.id) : error;

/** Problems must be built in or published imported ones. */
const checkProblems = (resources: ApiResources, problems: readonly { problem: string }[]) =>
  checkListedProblems(
    resources,
    problems.map(({ problem }) => problem),
  );

/** A change applied to a contest, checked as a whole. */
function changedSettings(contest: Contest, change: UpdateContestRequest): Partial<ContestSettings> {
  const merged = {
    startsAt: change.startsAt ?? contest.startsAt.toISOString(),
    endsAt: change.endsAt ?? contest.endsAt.toISOString(),
    durationMinutes: change.durationMinutes === undefined ? contest.durationMinutes : change.durationMinutes,
    visibility: change.visibility ?? contest.visibility,
    inviteCode: change.inviteCode === undefined ? contest.inviteCode : change.inviteCode,
    freezeMinutes: change.freezeMinutes ?? contest.freezeMinutes,
    problems: change.problems ?? contest.problems.map((p) => ({ letter: p.letter, problem: p.problemSlug })),
  };
  const issues = contestIssues(merged);
  if (issues.length > 0) {
    const details = issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw new HttpError(400, 'INVALID_REQUEST', details[0] ?? 'invalid contest', details);
  }
  const settings: Partial<ContestSettings> = {};
  if (change.title !== undefined) settings.title = change.title;
  if (change.description !== undefined) settings.description = change.description;
  if (change.startsAt !== undefined) settings.startsAt = new Date(change.startsAt);
  if (change.endsAt !== undefined) settings.endsAt = new Date(change.endsAt);
  if (change.durationMinutes !== undefined) settings.durationMinutes = change.durationMinutes;
  if (change.visibility !== undefined) settings.visibility = change.visibility;
  if (change.inviteCode !== undefined) settings.inviteCode = change.inviteCode;
  if (change.scoring !== undefined) settings.scoring = change.scoring;
  if (change.freezeMinutes !== undefined) settings.freezeMinutes = change.freezeMinutes;
  if (change.penaltyMinutes !== undefined) settings.penaltyMinutes = change.penaltyMinutes;
  return settings;
}

function clarificationView(row: ClarificationRow, showAsker: boolean): Clarification {
  return {
    id: row.id,
    letter: row.letter,
    question: row.question,
    answer: row.answer,
    public: row.public,
    askedBy: showAsker ? row.askedBy : null,
    createdAt: row.createdAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  };
}

export function contestRoutes(resources: ApiResources): RouteSpec[] {
  const detailOf = async (contest: Contest, user: AuthUser | null | undefined) => {
    const participant = user ? await resources.db.contests.participant(contest.id, user.id) : null;
    const titles = await problemTitles(
      resources,
      contest.problems.map((problem) => problem.problemSlug),
    );
    return contestDetail(contest, user, participant, titles, new Date());
  };
  /** Publishes a change to the watchers; what was saved stays saved if Redis does not answer. */
  const notify = async (
    publish: (to: ApiResources, contestId: string) => Promise<void>,
    contestId: string,
  ): Promise<void> => {
    await publish(resources, contestId).catch((err: unknown) =>
      resources.logger.warn({ err, contestId }, 'could not tell the watchers of a contest'),
    );
  };
  return [
    defineRoute({
      method: 'post',
      path: '/contests',
      tag: 'Contests',
      summary: 'Create a contest',
      description:
        'Title, description, start and end (and optionally a duration per participant), visibility (`public`, or ' +
        '`invite` with a code), scoring (`icpc` or `ioi`), freeze and penalty minutes, and problems with letters and ' +
        'points. The creator manages it.',
      access: ORGANISER,
      action: 'create contests',
      body: CreateContestRequest,
      responses: {
        201: { description: 'The contest, as its organiser sees it.', body: ContestDetail },
        400: {
          description:
            'A field is invalid, a problem is neither built in nor a published imported one, or an IOI contest names a problem whose lower scores are better (`grading.objective: min`).',
          errors: ['INVALID_REQUEST', 'INVALID_JSON', 'UNKNOWN_PROBLEM'],
        },
      },
      handle: async ({ body }, req, res) => {
        const user = requireOrganiser(req, 'create contests');
        await checkProblems(resources, body.problems);
        if (body.scoring === 'ioi')
          await checkIoiProblems(
            resources,
            body.problems.map((p) => p.problem),
          );
        const contest = await resources.db.contests.create(
          user.id,
          {
            title: body.title,
            description: body.description,
            startsAt: new Date(body.startsAt),
            endsAt: new Date(body.endsAt),
            durationMinutes: body.durationMinutes,
            visibility: body.visibility,
            inviteCode: body.inviteCode,
            scoring: body.scoring,
            freezeMinutes: body.freezeMinutes,
            penaltyMinutes: body.penaltyMinutes,
          },
          body.problems.map((p) => ({ letter: p.letter, problemSlug: p.problem, points: p.points })),
        );
        resources.logger.info({ contestId: contest.id }, 'contest created');
        res
          .status(201)
          .location(`/contests/${contest.id}`)
          .json(await detailOf(contest, user));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/contests/:id',
      tag: 'Contests',
      summary: 'Change a contest',
      description:
        'Any of the fields of `POST /contests`; `problems` replaces the whole list. Its organiser and admins only.',
      access: ORGANISER,
      action: 'change contests',
      params: idParams,
      invalid: (part, error, req) => (part === 'params' ? noSuchContest(req.params.id) : error),
      body: UpdateContestRequestSchema,
      responses: {
        200: { description: 'The contest, changed.', body: ContestDetail },
        400: {
          description:
            'A field is invalid, a problem is neither built in nor a published imported one, or an IOI contest names a problem whose lower scores are better (`grading.objective: min`).',
          errors: ['INVALID_REQUEST', 'INVALID_JSON', 'UNKNOWN_PROBLEM'],
        },
        403: {
          description: "`FORBIDDEN`: another organiser's contest, or neither an admin nor an organiser.",
          errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
        },
        404: { description: '`NOT_FOUND`: no such contest.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params, body }, req, res) => {
        const user = requireOrganiser(req, 'change contests');
        const contest = await findManagedContest(resources, params.id, user, 'change it');
        if (body.problems !== undefined) await checkProblems(resources, body.problems);
        if (
          (body.scoring ?? contest.scoring) === 'ioi' &&
          (body.scoring !== undefined || body.problems !== undefined)
        )
          await checkIoiProblems(
            resources,
            (body.problems ?? contest.problems.map((p) => ({ problem: p.problemSlug }))).map(
              (p) => p.problem,
            ),
          );
        const updated = await resources.db.contests.update(
          contest.id,
          changedSettings(contest, body),
          body.problems?.map((p) => ({ letter: p.letter, problemSlug: p.problem, points: p.points })),
        );
        if (updated === null) throw noSuchContest(params.id);
        await notify(announceContestChange, updated.id);
        res.json(await detailOf(updated, user));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/contests',
      tag: 'Contests',
      summary: 'Contests: the public ones, and those one takes part in or manages',
      description:
        'Newest start first. Invite contests are listed only to their participants, organiser and admins.',
      access: OPTIONAL,
      responses: { 200: { description: 'The contests.', body: ContestListSchema } },
      handle: async (_input, req, res) => {
        const user = req.user ?? null;
        const [rows, registered] = await Promise.all([
          resources.db.contests.list(),
          user ? resources.db.contests.registeredIn(user.id) : Promise.resolve(new Set<string>()),
        ]);
        const now = new Date();
        const answer: ContestList = {
          contests: rows
            .filter((row) => row.visibility === 'public' || registered.has(row.id) || canManage(user, row))
            .map((row) => contestSummary(row, row.problemCount, registered.has(row.id), now)),
        };
        res.json(answer);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/contests/:id',
      tag: 'Contests',
      summary: "A contest's page",
      description:
        'Its settings, the signed-in user’s participation and window, and its problems once it has started (its ' +
        'organiser and admins see them before). `now` is the server’s time, for countdowns.',
      access: OPTIONAL,
      params: idParams,
      invalid: invalidId,
      responses: {
        200: { description: 'The contest.', body: ContestDetail },
        404: { description: '`NOT_FOUND`: no such contest.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, req, res) => {
        const contest = await findContest(resources, params.id);
        res.json(await detailOf(contest, req.user));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/contests/:id/register',
      tag: 'Contests',
      summary: 'Register for a contest',
      description:
        'Before or during the contest: a participant. After the end: a virtual participant, whose own window of the ' +
        'contest’s length starts now. An invite contest needs `inviteCode`. Registering twice changes nothing.',
      access: SESSION,
      action: 'register for a contest',
      params: idParams,
      invalid: (part, error, req) => (part === 'params' ? noSuchContest(req.params.id) : error),
      body: RegisterContestRequest,
      responses: {
        200: { description: 'Registered (or already was): the contest page.', body: ContestDetail },
        403: {
          description: '`FORBIDDEN`: the invite code is missing or wrong.',
          errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
        },
        404: { description: '`NOT_FOUND`: no such contest.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params, body }, req, res) => {
        const user = requireUser(req, 'register for a contest');
        const contest = await findContest(resources, params.id);
        if (
          contest.visibility === 'invite' &&
          !canManage(user, contest) &&
          body.inviteCode !== contest.inviteCode
        )
          throw new HttpError(403, 'FORBIDDEN', 'This contest needs its invite code: give "inviteCode".');
        const virtual = contestPhase(contest, new Date()) === 'ended';
        await resources.db.contests.register(contest.id, user.id, { virtual });
        await notify((to, id) => announceContestChange(to, id, user.id), contest.id);
        res.json(await detailOf(contest, user));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/contests/:id/start',
      tag: 'Contests',
      summary: 'Start one’s own window in a duration contest',
      description:
        'A contest with `durationMinutes`: each participant’s window opens when they start (during the contest) and ' +
        'lasts that long, cut at the end. Starting twice changes nothing.',
      access: SESSION,
      action: 'start a contest',
      params: idParams,
      invalid: invalidId,
      responses: {
        200: { description: 'The contest page with the window.', body: ContestDetail },
        400: {
          description: '`INVALID_REQUEST`: the contest has no per-participant duration.',
          errors: ['INVALID_REQUEST'],
        },
        403: {
          description: '`FORBIDDEN`: not registered, or the contest is not running.',
          errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
        },
        404: { description: '`NOT_FOUND`: no such contest.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, req, res) => {
        const user = requireUser(req, 'start a contest');
        const contest = await findContest(resources, params.id);
        if (contest.durationMinutes === null)
          throw new HttpError(
            400,
            'INVALID_REQUEST',
            'This contest has one window for everyone: nothing to start.',
          );
        const participant = await resources.db.contests.participant(contest.id, user.id);
        if (participant === null) throw new HttpError(403, 'FORBIDDEN', 'Register for the contest first.');
        const now = new Date();
        if (!participant.virtual && contestPhase(contest, now) !== 'running')
          throw new HttpError(403, 'FORBIDDEN', 'The contest is not running.');
        await resources.db.contests.start(contest.id, user.id, now);
        await notify((to, id) => announceContestChange(to, id, user.id), contest.id);
        res.json(await detailOf(contest, user));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/contests/:id/scoreboard',
      tag: 'Contests',
      summary: "A contest's scoreboard",
      description:
        'Scored on the server from the contest’s submissions (rejudges included) by its rule. Between the freeze and ' +
        'the end, tries made after the freeze show as pending, except to the contest’s organiser and admins; after the ' +
        'end everything is shown. `form=compact` answers the compact wire form (rows as arrays, about a tenth of the ' +
        'bytes; `@arbiter/contracts/scoreboard-wire`) instead of the full one (the default). Socket.IO: ' +
        '`watchContest {contestId}` pushes `scoreboard` with the full body as verdicts land; `form: compact` the ' +
        'compact board once, then the rows each change touched.',
      access: OPTIONAL,
      params: idParams,
      query: scoreboardQuerySchema,
      invalid: invalidIdOrInput,
      responses: {
        200: {
          description: 'The board: the full form, or the compact one with `form=compact`.',
          body: z.union([ScoreboardSchema, CompactScoreboardSchema]),
        },
        400: {
          description: '`INVALID_REQUEST`: `form` is neither `full` nor `compact`.',
          errors: ['INVALID_REQUEST'],
        },
        404: { description: '`NOT_FOUND`: no such contest.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params, query }, req, res) => {
        const contest = await findContest(resources, params.id);
        const board = await readScoreboard(resources, contest, canManage(req.user, contest));
        res
          .set('Cache-Control', 'no-store')
          .json(query.form === 'compact' ? compactScoreboard(board) : board);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/contests/:id/clarifications',
      tag: 'Contests',
      summary: 'Clarifications: questions and answers',
      description:
        'A participant sees their own questions and the answers made public; the organiser and admins see all, with who asked.',
      access: SESSION,
      action: 'read clarifications',
      params: idParams,
      invalid: invalidId,
      responses: {
        200: { description: 'Oldest first.', body: ClarificationList },
        404: { description: '`NOT_FOUND`: no such contest.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, req, res) => {
        const user = requireUser(req, 'read clarifications');
        const contest = await findContest(resources, params.id);
        const manages = canManage(user, contest);
        const rows = await resources.db.contests.clarifications(contest.id);
        const clarifications = rows
          .filter((row) => manages || row.userId === user.id || (row.public && row.answer !== null))
          .map((row) => clarificationView(row, manages || row.userId === user.id));
        res.json({ clarifications });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/contests/:id/clarifications',
      tag: 'Contests',
      summary: 'Ask a question',
      access: SESSION,
      action: 'ask a question',
      params: idParams,
      invalid: (part, error, req) => (part === 'params' ? noSuchContest(req.params.id) : error),
      body: AskClarificationRequest,
      responses: {
        201: { description: 'The question.', body: ClarificationSchema },
        403: { description: '`FORBIDDEN`: not a participant.', errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'] },
        404: { description: '`NOT_FOUND`: no such contest.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params, body }, req, res) => {
        const user = requireUser(req, 'ask a question');
        const contest = await findContest(resources, params.id);
        if ((await resources.db.contests.participant(contest.id, user.id)) === null)
          throw new HttpError(403, 'FORBIDDEN', 'Only participants may ask; register first.');
        if (body.letter !== null && !contest.problems.some((p) => p.letter === body.letter))
          throw new HttpError(400, 'INVALID_REQUEST', `letter: the contest has no problem ${body.letter}.`);
        const row = await resources.db.contests.ask(contest.id, user.id, body);
        await notify(announceContestMessages, contest.id);
        res.status(201).json(clarificationView(row, true));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/contests/:id/clarifications/:clarificationId/answer',
      tag: 'Contests',
      summary: 'Answer a question',
      access: ORGANISER,
      action: 'answer questions',
      params: z.object({ id: contestIdSchema, clarificationId: z.uuid() }),
      invalid: (part, error) => (part === 'params' ? notFound('No such clarification.') : error),
      body: AnswerClarificationRequest,
      responses: {
        200: { description: 'The answered clarification.', body: ClarificationSchema },
        403: {
          description: "`FORBIDDEN`: another organiser's contest.",
          errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
        },
        404: { description: '`NOT_FOUND`: no such contest or clarification.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params, body }, req, res) => {
        const user = requireOrganiser(req, 'answer questions');
        const contest = await findManagedContest(resources, params.id, user, 'answer its questions');
        const row = await resources.db.contests.answer(contest.id, params.clarificationId, {
          answer: body.answer,
          public: body.public,
          answeredBy: user.id,
        });
        if (row === null) throw notFound('No such clarification in this contest.');
        await notify(announceContestMessages, contest.id);
        res.json(clarificationView(row, true));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/contests/:id/announcements',
      tag: 'Contests',
      summary: "A contest's announcements",
      access: OPTIONAL,
      params: idParams,
      invalid: invalidId,
      responses: {
        200: { description: 'Oldest first.', body: AnnouncementList },
        404: { description: '`NOT_FOUND`: no such contest.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, _req, res) => {
        const contest = await findContest(resources, params.id);
        const rows = await resources.db.contests.announcements(contest.id);
        res.json({ announcements: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/contests/:id/announcements',
      tag: 'Contests',
      summary: 'Post an announcement',
      access: ORGANISER,
      action: 'post announcements',
      params: idParams,
      invalid: (part, error, req) => (part === 'params' ? noSuchContest(req.params.id) : error),
      body: PostAnnouncementRequest,
      responses: {
        201: { description: 'The announcement.', body: Announcement },
        403: {
          description: "`FORBIDDEN`: another organiser's contest.",
          errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
        },
        404: { description: '`NOT_FOUND`: no such contest.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params, body }, req, res) => {
        const user = requireOrganiser(req, 'post announcements');
        const contest = await findManagedContest(resources, params.id, user, 'post its announcements');
        const row = await resources.db.contests.announce(contest.id, user.id, body.body);
        await notify(announceContestMessages, contest.id);
        res.status(201).json({ ...row, createdAt: row.createdAt.toISOString() });
      },
    }),
  ];
}
