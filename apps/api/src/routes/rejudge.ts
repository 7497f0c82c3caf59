/** `POST /admin/rejudge` (admins only): judge finished submits again; see submissions/rejudge.ts. */
import { ADMIN } from '../auth/access.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { RejudgeRequest, RejudgeResponse } from '../openapi/http-schemas.js';
import { rejudge } from '../submissions/rejudge.js';
import type { ApiResources } from '../resources.js';

export function rejudgeRoutes(resources: ApiResources): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/admin/rejudge',
      tag: 'Admin',
      summary: 'Judge finished submits again',
      description:
        'One submission (`submissionId`) or every finished submit of a problem (`problem`, optionally one ' +
        '`language`; at most 5000 per request). Each rejudge is a new job with its own id, `rejudgeOf` ' +
        'naming the original, queued behind every run and submit.',
      access: ADMIN,
      action: 'rejudge submissions',
      body: RejudgeRequest,
      responses: {
        202: { description: 'The new jobs, oldest original first.', body: RejudgeResponse },
        400: {
          description: 'The body names neither a submission nor a problem, or the problem is unknown.',
          errors: ['INVALID_REQUEST', 'INVALID_JSON', 'UNKNOWN_PROBLEM'],
        },
        404: {
          description: '`NOT_FOUND`: no finished submit with that id (runs and rejudges are not rejudged).',
          errors: ['NOT_FOUND'],
        },
        503: {
          description: 'The queue or the database is unreachable; nothing was saved.',
          errors: ['SERVICE_UNAVAILABLE'],
        },
      },
      handle: async ({ body }, _req, res) => {
        res.status(202).json(await rejudge(resources, body));
      },
    }),
  ];
}
