/**
 * Classes: teachers (organisers) and admins create them and set assignments; signed-in users join
 * with the class code and see the class and their own progress; the teacher sees the members and
 * the whole progress matrix of an assignment, also as CSV.
 */
import { z } from 'zod';
import { assignmentIdSchema, classIdSchema, type AuthUser, type ClassList } from '@arbiter/contracts';
import type { AssignmentRow, AssignmentSettings, ClassRow } from '@arbiter/db';
import { ORGANISER, SESSION } from '../auth/access.js';
import { requireOrganiser } from '../auth/roles.js';
import { requireUser } from '../auth/session.js';
import {
  canTeach,
  findTaughtClass,
  findVisibleClass,
  noSuchAssignment,
  noSuchClass,
} from '../classes/class-access.js';
import { assignmentView, classDetail, classSummary } from '../classes/class-views.js';
import { announceProgressChange } from '../classes/progress-push.js';
import { progressCsv } from '../classes/progress-matrix.js';
import { readProgress } from '../classes/read-progress.js';
import { notFound } from '../http/http-error.js';
import { defineRoute, type InputPart, type RouteSpec } from '../http/route.js';
import {
  AssignmentSchema,
  ClassDetail,
  ClassListSchema,
  ClassMemberList,
  CreateAssignmentRequest,
  CreateClassRequest,
  JoinClassRequest,
  ProgressMatrixSchema,
  UpdateAssignmentRequest,
} from '../openapi/http-schemas.js';
import { checkListedProblems, problemTitles } from '../problems/problem-directory.js';
import type { ApiResources } from '../resources.js';

const idParams = z.object({ id: classIdSchema.describe('The class id.') });
const assignmentParams = z.object({
  id: classIdSchema.describe('The class id.'),
  assignmentId: assignmentIdSchema.describe('The assignment id.'),
});
/** A malformed id is answered as an unknown one; a malformed body names its fields. */
const invalidClass = (part: InputPart, error: Error, req: { params: Record<string, unknown> }) =>
  part === 'params' ? noSuchClass(req.params.id) : error;
const invalidAssignment = (part: InputPart, error: Error) =>
  part === 'params' ? notFound('No such class or assignment. See GET /classes.') : error;

const forbidden = (action: string) => ({
  description: `\`FORBIDDEN\`: another teacher's class, or neither an admin nor an organiser ("Only … may ${action}.").`,
  errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'] as const,
});

export function classRoutes(resources: ApiResources): RouteSpec[] {
  /** Problems must be built in or published imported ones. */
  const checkProblems = (problems: readonly string[]) => checkListedProblems(resources, problems);
  const titlesOf = (problems: readonly string[]) => problemTitles(resources, problems);

  const detailOf = async (cls: ClassRow, teaches: boolean, member: boolean) => {
    const assignments = await resources.db.classes.assignments(cls.id);
    const titles = await titlesOf(assignments.flatMap((row) => row.problems));
    return classDetail(cls, teaches, member, assignments, titles);
  };

  /** Tells the teachers watching these assignments' matrices (on any instance) to expect a change. */
  const notify = async (classId: string, assignmentIds: readonly string[]): Promise<void> => {
    await Promise.all(
      assignmentIds.map((assignmentId) =>
        announceProgressChange(resources, classId, assignmentId).catch((err: unknown) =>
          resources.logger.warn({ err, classId, assignmentId }, 'could not tell the watchers of a class'),
        ),
      ),
    );
  };

  const findAssignment = async (cls: ClassRow, id: string): Promise<AssignmentRow> => {
    const assignment = await resources.db.classes.assignment(cls.id, id);
    if (assignment === null) throw noSuchAssignment(id);
    return assignment;
  };

  /** The matrix of the whole class (teachers) or of `user` alone (a member). */
  const matrixOf = (assignment: AssignmentRow, user: AuthUser | null) =>
    readProgress(resources, assignment, user);

  return [
    defineRoute({
      method: 'post',
      path: '/classes',
      tag: 'Classes',
      summary: 'Create a class',
      description:
        'A title and a description (Markdown). The class gets a join code for its students; its creator teaches it.',
      access: ORGANISER,
      action: 'create classes',
      body: CreateClassRequest,
      responses: {
        201: { description: 'The class, as its teacher sees it (with the join code).', body: ClassDetail },
        400: { description: 'A field is invalid.', errors: ['INVALID_REQUEST', 'INVALID_JSON'] },
      },
      handle: async ({ body }, req, res) => {
        const user = requireOrganiser(req, 'create classes');
        const cls = await resources.db.classes.create(user.id, body);
        resources.logger.info({ classId: cls.id }, 'class created');
        res
          .status(201)
          .location(`/classes/${cls.id}`)
          .json(classDetail(cls, true, false, [], new Map()));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/classes',
      tag: 'Classes',
      summary: 'The classes one teaches or has joined',
      description: 'Newest first. Admins see every class.',
      access: SESSION,
      action: 'see your classes',
      responses: { 200: { description: 'The classes.', body: ClassListSchema } },
      handle: async (_input, req, res) => {
        const user = requireUser(req, 'see your classes');
        const [rows, joined] = await Promise.all([
          resources.db.classes.list(user.role === 'admin' ? null : user.id),
          resources.db.classes.joinedBy(user.id),
        ]);
        const answer: ClassList = {
          classes: rows.map((cls) => classSummary(cls, canTeach(user, cls), joined.has(cls.id))),
        };
        res.set('Cache-Control', 'no-store').json(answer);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/classes/join',
      tag: 'Classes',
      summary: 'Join a class with its code',
      description: 'The code the teacher hands out (case does not matter). Joining twice changes nothing.',
      access: SESSION,
      action: 'join a class',
      body: JoinClassRequest,
      responses: {
        200: { description: 'Joined (or already was): the class page.', body: ClassDetail },
        400: { description: 'No code given.', errors: ['INVALID_REQUEST', 'INVALID_JSON'] },
        404: { description: '`NOT_FOUND`: no class has this code.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ body }, req, res) => {
        const user = requireUser(req, 'join a class');
        const found = await resources.db.classes.byJoinCode(body.code);
        if (found === null) throw notFound('No class has this code. Check it with your teacher.');
        const joined = await resources.db.classes.join(found.id, user.id);
        const cls = (await resources.db.classes.get(found.id)) ?? found;
        const detail = await detailOf(cls, canTeach(user, cls), true);
        // A new member is a new row in every matrix of the class.
        if (joined)
          await notify(
            cls.id,
            detail.assignments.map((assignment) => assignment.id),
          );
        res.json(detail);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/classes/:id',
      tag: 'Classes',
      summary: "A class's page",
      description:
        'Its assignments with their problems and deadlines. Members and those who teach it only; the join code is shown ' +
        'to those who teach it.',
      access: SESSION,
      action: 'see a class',
      params: idParams,
      invalid: invalidClass,
      responses: {
        200: { description: 'The class.', body: ClassDetail },
        403: { description: '`FORBIDDEN`: not a member of the class.', errors: ['FORBIDDEN'] },
        404: { description: '`NOT_FOUND`: no such class.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, req, res) => {
        const user = requireUser(req, 'see a class');
        const { cls, teaches, member } = await findVisibleClass(resources, params.id, user);
        res.set('Cache-Control', 'no-store').json(await detailOf(cls, teaches, member));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/classes/:id/members',
      tag: 'Classes',
      summary: "A class's students",
      description: 'By username. Its teacher and admins only.',
      access: ORGANISER,
      action: 'see the members of a class',
      params: idParams,
      invalid: invalidClass,
      responses: {
        200: { description: 'The members.', body: ClassMemberList },
        403: { description: "`FORBIDDEN`: another teacher's class.", errors: ['FORBIDDEN'] },
        404: { description: '`NOT_FOUND`: no such class.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, req, res) => {
        const user = requireOrganiser(req, 'see the members of a class');
        const cls = await findTaughtClass(resources, params.id, user, 'see its members');
        const members = await resources.db.classes.members(cls.id);
        res.set('Cache-Control', 'no-store').json({
          members: members.map((m) => ({ username: m.username, joinedAt: m.joinedAt.toISOString() })),
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/classes/:id/assignments',
      tag: 'Classes',
      summary: 'Set an assignment',
      description:
        'A title, a description, problems (built in or published imported ones, in order) and a deadline. Submits to its problems count from now on; ' +
        'those after the deadline are flagged late.',
      access: ORGANISER,
      action: 'set assignments',
      params: idParams,
      invalid: invalidClass,
      body: CreateAssignmentRequest,
      responses: {
        201: { description: 'The assignment.', body: AssignmentSchema },
        400: {
          description: 'A field is invalid, or a problem is neither built in nor a published imported one.',
          errors: ['INVALID_REQUEST', 'INVALID_JSON', 'UNKNOWN_PROBLEM'],
        },
        403: forbidden('set assignments'),
        404: { description: '`NOT_FOUND`: no such class.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params, body }, req, res) => {
        const user = requireOrganiser(req, 'set assignments');
        const cls = await findTaughtClass(resources, params.id, user, 'set its assignments');
        await checkProblems(body.problems);
        const assignment = await resources.db.classes.createAssignment(
          cls.id,
          { title: body.title, description: body.description, deadline: new Date(body.deadline) },
          body.problems,
        );
        res
          .status(201)
          .location(`/classes/${cls.id}/assignments/${assignment.id}`)
          .json(assignmentView(assignment, await titlesOf(assignment.problems)));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/classes/:id/assignments/:assignmentId',
      tag: 'Classes',
      summary: 'Change an assignment',
      description:
        'Any of the fields of `POST /classes/:id/assignments`; `problems` replaces the list. A new deadline re-flags ' +
        'late submits at the next read.',
      access: ORGANISER,
      action: 'change assignments',
      params: assignmentParams,
      invalid: invalidAssignment,
      body: UpdateAssignmentRequest,
      responses: {
        200: { description: 'The assignment, changed.', body: AssignmentSchema },
        400: {
          description: 'A field is invalid, or a problem is neither built in nor a published imported one.',
          errors: ['INVALID_REQUEST', 'INVALID_JSON', 'UNKNOWN_PROBLEM'],
        },
        403: forbidden('change assignments'),
        404: { description: '`NOT_FOUND`: no such class or assignment.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params, body }, req, res) => {
        const user = requireOrganiser(req, 'change assignments');
        const cls = await findTaughtClass(resources, params.id, user, 'change its assignments');
        if (body.problems !== undefined) await checkProblems(body.problems);
        const settings: Partial<AssignmentSettings> = {};
        if (body.title !== undefined) settings.title = body.title;
        if (body.description !== undefined) settings.description = body.description;
        if (body.deadline !== undefined) settings.deadline = new Date(body.deadline);
        const updated = await resources.db.classes.updateAssignment(
          cls.id,
          params.assignmentId,
          settings,
          body.problems,
        );
        if (updated === null) throw noSuchAssignment(params.assignmentId);
        // Problems or the deadline (late flags) changed: watchers read the matrix again.
        await notify(cls.id, [updated.id]);
        res.json(assignmentView(updated, await titlesOf(updated.problems)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/classes/:id/assignments/:assignmentId/progress',
      tag: 'Classes',
      summary: "An assignment's progress matrix",
      description:
        'A row per student, a cell per problem: the best verdict, attempts (and those after the deadline), the first ' +
        'accepted time and whether the solve was late. Computed from the submits (not runs, not contest submits) made ' +
        'since the assignment was set, a rejudge’s verdict replacing its original’s. Those who teach the class get every ' +
        'member; a member gets their own row.',
      access: SESSION,
      action: 'see progress',
      params: assignmentParams,
      invalid: invalidAssignment,
      responses: {
        200: { description: 'The matrix.', body: ProgressMatrixSchema },
        403: { description: '`FORBIDDEN`: not a member of the class.', errors: ['FORBIDDEN'] },
        404: { description: '`NOT_FOUND`: no such class or assignment.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, req, res) => {
        const user = requireUser(req, 'see progress');
        const { cls, teaches } = await findVisibleClass(resources, params.id, user);
        const assignment = await findAssignment(cls, params.assignmentId);
        res.set('Cache-Control', 'no-store').json(await matrixOf(assignment, teaches ? null : user));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/classes/:id/assignments/:assignmentId/progress.csv',
      tag: 'Classes',
      summary: "An assignment's progress matrix as CSV",
      description:
        'A header line, then a line per student: username, solved count, and per problem its verdict, attempts, first ' +
        "accepted time and `late`. Cells a spreadsheet would read as formulas start with `'`. Its teacher and admins only.",
      access: ORGANISER,
      action: 'export progress',
      params: assignmentParams,
      invalid: invalidAssignment,
      responses: {
        200: { description: 'The matrix.', media: { type: 'text/csv', schema: { type: 'string' } } },
        403: { description: "`FORBIDDEN`: another teacher's class.", errors: ['FORBIDDEN'] },
        404: { description: '`NOT_FOUND`: no such class or assignment.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, req, res) => {
        const user = requireOrganiser(req, 'export progress');
        const cls = await findTaughtClass(resources, params.id, user, 'export its progress');
        const assignment = await findAssignment(cls, params.assignmentId);
        const csv = progressCsv(await matrixOf(assignment, null));
        const name = assignment.title.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'assignment';
        res
          .status(200)
          .set({
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="progress-${name}.csv"`,
            'Cache-Control': 'no-store',
            'X-Content-Type-Options': 'nosniff',
          })
          .send(csv);
      },
    }),
  ];
}
