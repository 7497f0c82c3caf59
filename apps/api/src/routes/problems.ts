/**
 * `GET /problems` (the catalog with acceptance rates and the user's marks: the repository's problems and the
 * published imported ones) and `GET /problems/:slug`.
 */
import { z } from 'zod';
import { LANGUAGE_IDS, type AuthUser, type ProblemSummary } from '@arbiter/contracts';
import { OPTIONAL, PUBLIC, SESSION } from '../auth/access.js';
import { isOrganiser } from '../auth/roles.js';
import { HttpError, notFound } from '../http/http-error.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { requireUser } from '../auth/session.js';
import {
  ProblemDetail,
  ProblemList,
  ReferenceSolutionList,
  runtimeDistributionSchema,
} from '../openapi/http-schemas.js';
import { importedDetail, importedSummary } from '../problems/imported-problem-view.js';
import { resolveProblem } from '../problems/problem-directory.js';
import { problemDetail, problemSummary } from '../problems/problem-views.js';
import type { ApiResources } from '../resources.js';

const slugParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .describe('A problem slug from `GET /problems`.'),
});
const noSuchProblem = (slug: unknown) => notFound(`No problem "${String(slug)}". See GET /problems.`);
const unknownLanguage = (languages: readonly string[]) =>
  new HttpError(400, 'UNKNOWN_LANGUAGE', `language must be one of: ${languages.join(', ')}.`);
const NO_SUCH_PROBLEM = { description: '`NOT_FOUND`: no such problem.', errors: ['NOT_FOUND'] } as const;

export function problemRoutes(resources: ApiResources): RouteSpec[] {
  const { catalog, db } = resources;

  /** solved / attempted marks of the signed-in user. */
  async function marks(userId: string | undefined): Promise<(slug: string) => ProblemSummary['status']> {
    if (userId === undefined) return () => null;
    const { solved, attempted } = await db.stats.solvedBy(userId);
    const solvedSet = new Set(solved);
    const attemptedSet = new Set(attempted);
    return (slug) => (solvedSet.has(slug) ? 'solved' : attemptedSet.has(slug) ? 'attempted' : null);
  }

  /** Problems of contests yet to start: hidden from all but organisers and admins. */
  async function unreleased(user: AuthUser | null | undefined): Promise<Set<string>> {
    return isOrganiser(user) ? new Set() : db.contests.unreleasedProblems();
  }

  /** Imported problems a user may see: published ones; drafts too for admins. */
  const seesDrafts = (user: AuthUser | null | undefined) => user?.role === 'admin';

  return [
    defineRoute({
      method: 'get',
      path: '/problems',
      tag: 'Problems',
      summary: 'The problem catalog',
      description:
        "Easy first. `status` is the signed-in user's mark (`solved`, `attempted`), null otherwise. " +
        'Problems of contests that have not started are left out (organisers and admins see them), and so are ' +
        'imported problems in `draft` (admins see them).',
      access: OPTIONAL,
      responses: { 200: { description: 'The problems.', body: ProblemList } },
      handle: async (_input, req, res) => {
        const [hidden, importedRows] = await Promise.all([unreleased(req.user), db.problems.list()]);
        const problems = [...catalog.values()].filter((problem) => !hidden.has(problem.slug));
        const imported = importedRows.filter(
          (row) => !hidden.has(row.slug) && (row.visibility === 'published' || seesDrafts(req.user)),
        );
        const [stats, statusOf] = await Promise.all([
          db.stats.problemStats([...problems, ...imported].map((problem) => problem.slug)),
          marks(req.user?.id),
        ]);
        const order = { easy: 0, medium: 1, hard: 2 };
        const list = [
          ...problems.map((problem) =>
            problemSummary(problem, stats.get(problem.slug), statusOf(problem.slug)),
          ),
          ...imported.map((row) => importedSummary(row, stats.get(row.slug), statusOf(row.slug))),
        ].sort((a, b) => order[a.difficulty] - order[b.difficulty] || a.title.localeCompare(b.title));
        res.json(list);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/problems/:slug',
      tag: 'Problems',
      summary: 'One problem: statement, examples, starter code, limits',
      description: 'Hidden tests never appear in any answer.',
      access: OPTIONAL,
      params: slugParams,
      invalid: (_part, _error, req) => noSuchProblem(req.params.slug),
      responses: { 200: { description: 'The problem.', body: ProblemDetail }, 404: NO_SUCH_PROBLEM },
      handle: async ({ params }, req, res) => {
        const problem = catalog.get(params.slug);
        if (problem === undefined) {
          // An imported problem: published, or a draft for an admin.
          const resolved = await resolveProblem(resources, params.slug);
          if (
            resolved?.kind !== 'package' ||
            (resolved.settings.visibility === 'draft' && !seesDrafts(req.user)) ||
            (await unreleased(req.user)).has(params.slug)
          )
            throw noSuchProblem(params.slug);
          const [stats, statusOf] = await Promise.all([
            db.stats.problemStats([params.slug]),
            marks(req.user?.id),
          ]);
          res.json(
            await importedDetail(
              resources,
              resolved,
              resolved.settings,
              stats.get(params.slug),
              statusOf(params.slug),
            ),
          );
          return;
        }
        if ((await unreleased(req.user)).has(problem.slug)) throw noSuchProblem(params.slug);
        const [stats, statusOf] = await Promise.all([
          db.stats.problemStats([problem.slug]),
          marks(req.user?.id),
        ]);
        res.json(problemDetail(problem, stats.get(problem.slug), statusOf(problem.slug)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/problems/:slug/solutions',
      tag: 'Problems',
      summary: 'The reference solutions, for a user who solved the problem',
      description:
        'One per language the problem ships a solution in. Only after an accepted submit of the signed-in ' +
        'user (organisers and admins always), and only if the problem shows them (`hasSolutions`).',
      access: SESSION,
      action: 'read the reference solutions',
      params: slugParams,
      invalid: (_part, _error, req) => noSuchProblem(req.params.slug),
      responses: {
        200: { description: 'The solutions.', body: ReferenceSolutionList },
        403: { description: '`FORBIDDEN`: not solved yet.', errors: ['FORBIDDEN'] },
        404: {
          description: '`NOT_FOUND`: no such problem, or it shows no solutions.',
          errors: ['NOT_FOUND'],
        },
      },
      handle: async ({ params }, req, res) => {
        const user = requireUser(req, 'read the reference solutions');
        const problem = catalog.get(params.slug);
        if (problem === undefined || (await unreleased(user)).has(problem.slug))
          throw noSuchProblem(params.slug);
        if (problem.showSolutions === false || problem.solutions.length === 0) {
          throw notFound(`"${problem.slug}" shows no reference solutions.`);
        }
        if (!isOrganiser(user) && !(await db.stats.solvedBy(user.id)).solved.includes(problem.slug)) {
          throw new HttpError(
            403,
            'FORBIDDEN',
            'Solve the problem first: its solutions show after an accepted submit.',
          );
        }
        res.json(problem.solutions.map(({ language, code }) => ({ language, code })));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/problems/:slug/distribution',
      tag: 'Problems',
      summary: 'CPU times of accepted submits in one language, for a runtime chart',
      access: PUBLIC,
      params: slugParams,
      query: z.object({ language: z.enum(LANGUAGE_IDS).describe('The language.') }).loose(),
      // An unknown problem first; then the problem's languages make the message.
      invalid: (_part, _error, req) => {
        const problem = catalog.get(String(req.params.slug));
        if (problem === undefined) return noSuchProblem(req.params.slug);
        return unknownLanguage(problem.languages);
      },
      responses: {
        200: { description: 'Up to 20 equal-width buckets.', body: runtimeDistributionSchema },
        400: { description: '`language` is missing or not a language id.', errors: ['UNKNOWN_LANGUAGE'] },
        404: NO_SUCH_PROBLEM,
      },
      handle: async ({ params, query }, _req, res) => {
        const problem = catalog.get(params.slug);
        if (problem === undefined) throw noSuchProblem(params.slug);
        res.json(
          await db.stats.runtimeDistribution({
            problem: problem.slug,
            language: query.language,
            buckets: 20,
          }),
        );
      },
    }),
  ];
}
