/** `GET /problems` (the catalog with acceptance rates and the user's marks) and `GET /problems/:slug`. */
import { Router } from 'express';
import { languageIdSchema, type ProblemSummary } from '@arbiter/contracts';
import { HttpError, notFound } from '../http/http-error.js';
import { problemDetail, problemSummary } from '../problems/problem-views.js';
import type { ApiResources } from '../resources.js';

export function problemRoutes(resources: ApiResources): Router {
  const router = Router();
  const { catalog, db } = resources;

  /** solved / attempted marks of the signed-in user. */
  async function marks(userId: string | undefined): Promise<(slug: string) => ProblemSummary['status']> {
    if (userId === undefined) return () => null;
    const { solved, attempted } = await db.stats.solvedBy(userId);
    const solvedSet = new Set(solved);
    const attemptedSet = new Set(attempted);
    return (slug) => (solvedSet.has(slug) ? 'solved' : attemptedSet.has(slug) ? 'attempted' : null);
  }

  router.get('/problems', async (req, res) => {
    const problems = [...catalog.values()];
    const [stats, statusOf] = await Promise.all([
      db.stats.problemStats(problems.map((problem) => problem.slug)),
      marks(req.user?.id),
    ]);
    const order = { easy: 0, medium: 1, hard: 2 };
    const list = problems
      .sort((a, b) => order[a.difficulty] - order[b.difficulty] || a.title.localeCompare(b.title))
      .map((problem) => problemSummary(problem, stats.get(problem.slug), statusOf(problem.slug)));
    res.json(list);
  });

  router.get('/problems/:slug', async (req, res) => {
    const problem = catalog.get(req.params.slug);
    if (problem === undefined) throw notFound(`No problem "${req.params.slug}". See GET /problems.`);
    const [stats, statusOf] = await Promise.all([db.stats.problemStats([problem.slug]), marks(req.user?.id)]);
    res.json(problemDetail(problem, stats.get(problem.slug), statusOf(problem.slug)));
  });

  router.get('/problems/:slug/distribution', async (req, res) => {
    const problem = catalog.get(req.params.slug);
    if (problem === undefined) throw notFound(`No problem "${req.params.slug}". See GET /problems.`);
    const language = languageIdSchema.safeParse(req.query.language);
    if (!language.success) {
      throw new HttpError(
        400,
        'UNKNOWN_LANGUAGE',
        `language must be one of: ${problem.languages.join(', ')}.`,
      );
    }
    res.json(
      await db.stats.runtimeDistribution({ problem: problem.slug, language: language.data, buckets: 20 }),
    );
  });

  return router;
}
