/**
 * A signed-in user's submissions: `GET /submissions` (newest first, filters, cursor pages) and
 * `GET /submissions/:id` (with its code; the owner's or, for admins, anyone's).
 */
import { Router } from 'express';
import { z } from 'zod';
import { VERDICTS, jobIdSchema } from '@arbiter/contracts';
import { InvalidCursorError, MAX_PAGE_SIZE, type SubmissionSummary } from '@arbiter/db';
import { requireUser } from '../auth/session.js';
import { HttpError, notFound } from '../http/http-error.js';
import { parseBody } from '../http/validate.js';
import type { ApiResources } from '../resources.js';

const historyQuerySchema = z
  .object({
    problem: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, 'problem must be a slug')
      .optional(),
    verdict: z.enum(VERDICTS).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  })
  .strict();

/** What leaves the server of a row: no internal worker names. */
function view(row: SubmissionSummary) {
  return {
    id: row.id,
    problemSlug: row.problemSlug,
    language: row.language,
    mode: row.mode,
    status: row.status,
    verdict: row.verdict,
    timeMs: row.timeMs,
    memoryKb: row.memoryKb,
    testsPassed: row.testsPassed,
    testsTotal: row.testsTotal,
    rejudgeOf: row.rejudgeOf,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function historyRoutes(resources: ApiResources): Router {
  const router = Router();

  router.get('/submissions', async (req, res) => {
    const user = requireUser(req, 'see your submissions');
    const query = parseBody(historyQuerySchema, req.query);
    try {
      const page = await resources.db.submissions.listSubmissions({ userId: user.id, ...query });
      res.json({ items: page.items.map(view), nextCursor: page.nextCursor });
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        throw new HttpError(
          400,
          'INVALID_REQUEST',
          'cursor: not one this API gave out; start again without it.',
        );
      }
      throw error;
    }
  });

  router.get('/submissions/:id', async (req, res) => {
    const user = requireUser(req, 'see a submission');
    const id = req.params.id;
    const row = jobIdSchema.safeParse(id).success ? await resources.db.submissions.getSubmission(id) : null;
    if (row === null || (row.userId !== user.id && user.role !== 'admin')) {
      throw notFound(`No submission "${req.params.id}" of yours.`);
    }
    res.json({ ...view(row), code: row.code, result: row.result });
  });

  return router;
}
