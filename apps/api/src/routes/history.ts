/**
 * A signed-in user's submissions: `GET /submissions` (newest first, filters, cursor pages) and
 * `GET /submissions/:id` (with its code; the owner's or, for admins and organisers, anyone's).
 */
import { z } from 'zod';
import { VERDICTS, withoutJudgeMessages } from '@arbiter/contracts';
import { InvalidCursorError, MAX_PAGE_SIZE } from '@arbiter/db';
import { SESSION } from '../auth/access.js';
import { isOrganiser } from '../auth/roles.js';
import { requireUser } from '../auth/session.js';
import { HttpError, notFound } from '../http/http-error.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { submissionDetailSchema, submissionPageSchema } from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';
import { submissionSummaryView } from '../submissions/submission-view.js';

const historyQuerySchema = z
  .object({
    problem: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, 'problem must be a slug')
      .optional()
      .describe('Only this problem.'),
    verdict: z.enum(VERDICTS).optional().describe('Only this verdict.'),
    cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page.'),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20).describe('Rows per page.'),
  })
  .strict();

const noSuchSubmission = (id: unknown) => notFound(`No submission "${String(id)}" of yours.`);

export function historyRoutes(resources: ApiResources): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/submissions',
      tag: 'Submissions',
      summary: "The signed-in user's runs and submissions, newest first",
      access: SESSION,
      action: 'see your submissions',
      query: historyQuerySchema,
      responses: {
        200: { description: 'One page.', body: submissionPageSchema },
        400: {
          description: 'A filter is invalid, or the cursor is not one this API gave out.',
          errors: ['INVALID_REQUEST'],
        },
      },
      handle: async ({ query }, req, res) => {
        const user = requireUser(req, 'see your submissions');
        try {
          const page = await resources.db.submissions.listSubmissions({ userId: user.id, ...query });
          res.json({ items: page.items.map(submissionSummaryView), nextCursor: page.nextCursor });
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
      },
    }),
    defineRoute({
      method: 'get',
      path: '/submissions/:id',
      tag: 'Submissions',
      summary: 'One submission with its code and result',
      access: SESSION,
      action: 'see a submission',
      params: z.object({ id: z.uuid().describe('The submission (= job) id.') }),
      invalid: (_part, _error, req) => noSuchSubmission(req.params.id),
      responses: {
        200: { description: 'The submission.', body: submissionDetailSchema },
        404: {
          description: "`NOT_FOUND`: no such submission of yours (admins and organisers see everyone's).",
          errors: ['NOT_FOUND'],
        },
      },
      handle: async ({ params }, req, res) => {
        const user = requireUser(req, 'see a submission');
        const row = await resources.db.submissions.getSubmission(params.id);
        // Admins and organisers (teachers) see everyone's, as in GET /admin/submissions.
        if (row === null || (row.userId !== user.id && !isOrganiser(user))) throw noSuchSubmission(params.id);
        const result =
          row.result === null || user.role === 'admin' ? row.result : withoutJudgeMessages(row.result);
        // A program sent as files shows them all, its entry first under the name it was sent as.
        const options = row.request?.options;
        const files =
          options?.entry === undefined
            ? undefined
            : [
                { name: options.entry, content: row.code, encoding: 'utf8' as const },
                ...(options.files ?? []),
              ];
        res.json({
          ...submissionSummaryView(row),
          code: row.code,
          ...(files === undefined ? {} : { files }),
          result,
        });
      },
    }),
  ];
}
