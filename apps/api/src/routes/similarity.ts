/**
 * Similarity reports: `POST /admin/similarity` compares the latest submit of each author on a problem (in a
 * contest, a class assignment, or everywhere) with Dolos in a worker's sandbox; `GET /admin/similarity/:id`
 * gives the pairs, most similar first, with both sources and the matching fragments. Admins for any scope;
 * organisers for the contests they organise and the classes they teach.
 */
import { z } from 'zod';
import { ORGANISER } from '../auth/access.js';
import { requireOrganiser } from '../auth/roles.js';
import { HttpError, notFound, unavailable } from '../http/http-error.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { SimilarityReport, SimilarityRequest, SimilarityStarted } from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';
import {
  canReadReport,
  readSimilarityReport,
  startSimilarityReport,
} from '../similarity/similarity-reports.js';

const noSuchReport = (id: unknown) =>
  notFound(`No similarity report "${String(id)}" (reports are kept 30 days).`);

export function similarityRoutes(resources: ApiResources): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/admin/similarity',
      tag: 'Admin',
      summary: 'Start a similarity report',
      description:
        'Compares the latest submit of each author on `problem` (at most 100 authors, the most recent) pairwise with ' +
        'Dolos, per language, in a worker’s sandbox. With `contestId`: the submits made in that contest (its ' +
        'organiser and admins). With `classId` and `assignmentId`: the class members’ submits since the assignment ' +
        'was set (its teacher and admins). With neither: every submit outside contests (admins only). ' +
        'Read the report with `GET /admin/similarity/:id`.',
      access: ORGANISER,
      action: 'compare submissions',
      body: SimilarityRequest,
      responses: {
        202: {
          description: 'Queued: the report id and how many submissions it compares.',
          body: SimilarityStarted,
        },
        400: {
          description: 'A field is invalid, or the problem is not in the contest or assignment.',
          errors: ['INVALID_REQUEST', 'INVALID_JSON', 'UNKNOWN_PROBLEM'],
        },
        403: {
          description:
            "`FORBIDDEN`: another organiser's contest, another teacher's class, or an organiser without a scope.",
          errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
        },
        404: { description: '`NOT_FOUND`: no such contest, class or assignment.', errors: ['NOT_FOUND'] },
        503: {
          description: 'The database or the queue is unreachable; nothing was queued.',
          errors: ['SERVICE_UNAVAILABLE'],
        },
      },
      handle: async ({ body }, req, res) => {
        const user = requireOrganiser(req, 'compare submissions');
        try {
          res.status(202).json(await startSimilarityReport(resources, body, user));
        } catch (error) {
          if (error instanceof HttpError) throw error;
          resources.logger.error({ err: error }, 'could not start a similarity report');
          throw unavailable(
            'The queue or the database is not reachable right now; the report was not started. Try again in a few seconds.',
          );
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/similarity/:id',
      tag: 'Admin',
      summary: 'A similarity report',
      description:
        '`status` is `queued` or `running` until the worker has compared the sources, then `completed` (or ' +
        '`failed`, with `error`). `pairs` are ranked by similarity (0 to 1), each with its longest fragment and ' +
        'the matching fragments as row/column ranges (from 0) of both sources, which `submissions` holds. ' +
        'Admins, the report’s author, and the organiser of its contest or the teacher of its class.',
      access: ORGANISER,
      action: 'read similarity reports',
      params: z.object({ id: z.uuid().describe('The report id.') }),
      invalid: (_part, _error, req) => noSuchReport(req.params.id),
      responses: {
        200: { description: 'The report.', body: SimilarityReport },
        403: {
          description: "`FORBIDDEN`: another organiser's or teacher's report.",
          errors: ['FORBIDDEN'],
        },
        404: { description: '`NOT_FOUND`: no such report.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, req, res) => {
        const user = requireOrganiser(req, 'read similarity reports');
        const report = await readSimilarityReport(resources, params.id);
        if (report === null) throw noSuchReport(params.id);
        if (!(await canReadReport(resources, report, user)))
          throw new HttpError(
            403,
            'FORBIDDEN',
            "Only admins, the report's author and the organiser of its contest or teacher of its class may read it.",
          );
        res.set('Cache-Control', 'no-store').json(report);
      },
    }),
  ];
}
