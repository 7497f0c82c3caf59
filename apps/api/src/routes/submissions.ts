/** `POST /submit`, `POST /submit/batch` and `GET /status/:jobId`. */
import type { Request } from 'express';
import { z } from 'zod';
import {
  MAX_BATCH_SUBMISSIONS,
  MAX_BODY_BYTES,
  submitRequestSchema,
  withoutJudgeMessages,
  type SubmitBatchResponse,
  type SubmitRequest as SubmitRequestBody,
  type SubmitResponse,
} from '@arbiter/contracts';
import { OPTIONAL } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { clientOwner, userOwner } from '@arbiter/queue';
import { clientKey } from '../http/client-address.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { RateLimiters } from '../http/rate-limit.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { parseBody } from '../http/validate.js';
import {
  SubmitBatchRequest,
  SubmitBatchResponse as SubmitBatchResponseSchema,
  SubmitRequest,
  SubmitResponse as SubmitResponseSchema,
  jobStatusAnswerSchema,
} from '../openapi/http-schemas.js';
import { acceptSubmission } from '../submissions/accept-submission.js';
import { checkContestSubmit, isUnreleased } from '../contests/contest-submit.js';
import { isOrganiser } from '../auth/roles.js';
import { sendResultWhenDone, type ResultCallbacks } from '../submissions/result-callback.js';
import { readStatus } from '../submissions/read-status.js';
import { canAccess } from '../submissions/job-access.js';
import type { ApiResources } from '../resources.js';

const noSuchJob = (jobId: unknown) =>
  notFound(`No job with id "${String(jobId)}". Ids come from POST /submit.`);

export function submissionRoutes(
  resources: ApiResources,
  limits: Pick<RateLimiters, 'submit' | 'submitMore'>,
  /** Result callbacks (`callbackUrl`); null: refused with 400. */
  callbacks: ResultCallbacks | null = null,
): RouteSpec[] {
  /** Checks and queues one body; its result callback, if any, starts when it is queued. */
  const submitOne = async (body: SubmitRequestBody, req: Request): Promise<string> => {
    const user = body.mode === 'submit' ? requireUser(req, 'submit a solution') : (req.user ?? null);
    if (body.callbackUrl !== undefined && callbacks === null)
      throw new HttpError(400, 'INVALID_REQUEST', 'callbackUrl is not served by this instance.');
    if (body.contestId !== undefined)
      await checkContestSubmit(resources, body.contestId, body, requireUser(req, 'submit in a contest'));
    else if (
      body.problem !== undefined &&
      !isOrganiser(user) &&
      (await isUnreleased(resources, body.problem))
    )
      throw new HttpError(400, 'UNKNOWN_PROBLEM', `Unknown problem "${body.problem}". See GET /problems.`);
    const jobId = await acceptSubmission(
      resources,
      body,
      {
        userId: user?.id ?? null,
        owner: user ? userOwner(user.id) : clientOwner(clientKey(req)),
        ...(body.contestId === undefined ? {} : { contestId: body.contestId }),
      },
      { callbackHosts: callbacks?.policy.allowedHosts ?? [], seesDrafts: user?.role === 'admin' },
    );
    if (body.callbackUrl !== undefined && callbacks !== null)
      sendResultWhenDone(resources, callbacks, jobId, body.callbackUrl);
    return jobId;
  };
  return [
    defineRoute({
      method: 'post',
      path: '/submit',
      tag: 'Judging',
      summary: 'Run or submit code',
      description:
        "`run` (anyone): a free run with `stdin`/`expectedOutput`, or a problem's samples plus custom `tests`. " +
        '`submit` (signed in, needs `problem`): every test, stopping at the first failure; with `contestId`, within ' +
        'that contest (registered, inside one’s window; 403 otherwise). ' +
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
        403: {
          description:
            '`FORBIDDEN`: with `contestId`, not registered for the contest or outside one’s window; `FORBIDDEN_ORIGIN`.',
          errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
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
        const jobId = await submitOne(body, req);
        const answer: SubmitResponse = { jobId };
        res.status(202).location(`/status/${jobId}`).json(answer);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/submit/batch',
      tag: 'Judging',
      summary: 'Run or submit several programs at once',
      description:
        `Up to ${MAX_BATCH_SUBMISSIONS} \`POST /submit\` bodies, each checked and queued on its own: the answer lists, ` +
        "in the order sent, each one's `jobId` or the error `POST /submit` would have answered for it alone " +
        '(`status` and `error`). Every element counts against the submit rate limit.',
      access: OPTIONAL,
      action: 'submit a solution',
      before: [limits.submit],
      body: SubmitBatchRequest,
      bodyLimit: MAX_BODY_BYTES,
      responses: {
        202: {
          description: 'At least one submission was queued; each element is a `jobId` or an error.',
          body: SubmitBatchResponseSchema,
        },
        400: {
          description:
            '`submissions` is missing, empty or longer than 20, or not one of them could be queued (`details` names each one).',
          errors: ['INVALID_REQUEST', 'INVALID_JSON'],
        },
        429: {
          description:
            '`RATE_LIMITED`: the batch does not fit in what is left of the submit allowance; nothing was queued.',
          errors: ['RATE_LIMITED'],
        },
      },
      handle: async ({ body }, req, res) => {
        // The request was counted once by `limits.submit`; each further element counts too.
        await limits.submitMore(req, res, body.submissions.length - 1);
        const answers: SubmitBatchResponse['submissions'] = [];
        for (const item of body.submissions) {
          try {
            answers.push({ jobId: await submitOne(parseBody(submitRequestSchema, item), req) });
          } catch (error) {
            if (!(error instanceof HttpError)) throw error;
            answers.push({
              status: error.status,
              error: {
                code: error.code,
                message: error.message,
                ...(error.details === undefined ? {} : { details: error.details }),
              },
            });
          }
        }
        if (!answers.some((answer) => 'jobId' in answer)) {
          const details = answers.map(
            (answer, i) => `submissions.${i}: ${'error' in answer ? answer.error.message : ''}`,
          );
          throw new HttpError(
            400,
            'INVALID_REQUEST',
            `No submission of the batch could be queued. ${details[0] ?? ''}`,
            details,
          );
        }
        const answer: SubmitBatchResponse = { submissions: answers };
        res.status(202).json(answer);
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
        res.json(req.user?.role === 'admin' ? answer : withoutJudgeMessages(answer));
      },
    }),
  ];
}
