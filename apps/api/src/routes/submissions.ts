/** `POST /submit` and `GET /status/:jobId`. */
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { MAX_BODY_BYTES, type SubmitResponse } from '@arbiter/contracts';
import { OPTIONAL } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { notFound } from '../http/http-error.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import {
  SubmitRequest,
  SubmitResponse as SubmitResponseSchema,
  jobStatusAnswerSchema,
} from '../openapi/http-schemas.js';
import { acceptSubmission } from '../submissions/accept-submission.js';
import { readStatus } from '../submissions/read-status.js';
import { canAccess } from '../submissions/job-access.js';
import type { ApiResources } from '../resources.js';

const noSuchJob = (jobId: unknown) =>
  notFound(`No job with id "${String(jobId)}". Ids come from POST /submit.`);

export function submissionRoutes(resources: ApiResources, limits: { submit: RequestHandler }): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/submit',
      tag: 'Judging',
      summary: 'Run or submit code',
      description:
        "`run` (anyone): a free run with `stdin`/`expectedOutput`, or a problem's samples plus custom `tests`. " +
        '`submit` (signed in, needs `problem`): every test, stopping at the first failure. ' +
        'The job is queued; follow it with `GET /status/{jobId}` or the Socket.IO `subscribe` event. ' +
        'Rate limited per account and per client IP.',
      access: OPTIONAL,
      action: 'submit a solution',
      before: [limits.submit],
      body: SubmitRequest,
      // Code and stdin: the one route of the API's own with big bodies.
      bodyLimit: MAX_BODY_BYTES,
      responses: {
        202: {
          description: 'Accepted and queued.',
          body: SubmitResponseSchema,
          headers: { Location: { description: '`/status/{jobId}`', schema: { type: 'string' } } },
        },
        400: {
          description:
            'A field is invalid (each one is named in `details`), the language or problem is unknown, the problem lacks the language, or a custom input does not fit its signature.',
          errors: ['INVALID_REQUEST', 'INVALID_JSON', 'UNKNOWN_LANGUAGE', 'UNKNOWN_PROBLEM'],
        },
        401: {
          description: '`mode: submit` without a valid session: "Sign in to submit a solution."',
          errors: ['UNAUTHENTICATED'],
        },
        429: {
          description:
            '`RATE_LIMITED`: too many submissions from this account, or without a sign-in from this address; `Retry-After` says when to try again.',
          errors: ['RATE_LIMITED'],
          headers: {
            'Retry-After': {
              description: 'Seconds to wait before trying again.',
              schema: { type: 'integer' },
            },
          },
        },
        503: {
          description: 'The queue or the database is unreachable; nothing was saved.',
          errors: ['SERVICE_UNAVAILABLE'],
        },
      },
      handle: async ({ body }, req, res) => {
        const user = body.mode === 'submit' ? requireUser(req, 'submit a solution') : (req.user ?? null);
        const jobId = await acceptSubmission(resources, body, { userId: user?.id ?? null });
        const answer: SubmitResponse = { jobId };
        res.status(202).location(`/status/${jobId}`).json(answer);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/status/:jobId',
      tag: 'Judging',
      summary: 'A job: its status, and its result once finished',
      description:
        'Answered from the database once the job is finished, from Redis while it runs. ' +
        "A signed-in user's job is visible to that user and admins only; an anonymous job to whoever holds its id.",
      access: OPTIONAL,
      params: z.object({ jobId: z.uuid().describe('The id `POST /submit` answered with.') }),
      invalid: (_part, _error, req) => noSuchJob(req.params.jobId),
      responses: {
        200: { description: 'The job record.', body: jobStatusAnswerSchema },
        404: { description: "`NOT_FOUND`: no such job, or it is another user's.", errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, req, res) => {
        const answer = await readStatus(resources, params.jobId);
        if (answer === null || !canAccess(req.user, answer.userId)) throw noSuchJob(params.jobId);
        res.json(answer);
      },
    }),
  ];
}
