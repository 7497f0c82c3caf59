/**
 * Piston v2's HTTP API under a prefix (PISTON_PREFIX, default `/piston`): `GET /api/v2/runtimes`
 * and `POST /api/v2/execute`, answered once the job is judged, with Piston's shapes and its
 * `{message}` errors. Limits are clamped to the platform's maxima (docs/COMPAT.md).
 */
import express from 'express';
import { z } from 'zod';
import {
  MAX_BODY_BYTES,
  pistonErrorSchema,
  pistonExecuteRequestSchema,
  pistonExecuteResultSchema,
  pistonRuntimeSchema,
} from '@arbiter/contracts';
import { clientOwner } from '@arbiter/queue';
import { PUBLIC } from '../../auth/access.js';
import { clientKey } from '../../http/client-address.js';
import { HttpError } from '../../http/http-error.js';
import type { RateLimiters } from '../../http/rate-limit.js';
import { defineRoute, type RouteSpec } from '../../http/route.js';
import { answerSchema, requestSchema } from '../../openapi/components.js';
import type { ApiResources } from '../../resources.js';
import type { JobWatcher } from '../../submissions/job-watcher.js';
import { acceptJob } from '../../submissions/queue-job.js';
import { invalidMessage, message, pistonJob, runtimesOf } from './piston-job.js';
import { pistonResult } from './piston-stages.js';

const TAG = 'Piston';
const ExecuteRequest = requestSchema('PistonExecuteRequest', pistonExecuteRequestSchema);
const ExecuteResult = answerSchema('PistonExecuteResult', pistonExecuteResultSchema);
const Runtimes = answerSchema('PistonRuntimes', z.array(pistonRuntimeSchema));
const ErrorAnswer = answerSchema('PistonError', pistonErrorSchema);

/** How long an execute request waits for its job at most. */
const WAIT_MS = 5 * 60_000;

export function pistonRoutes(
  resources: ApiResources,
  watcher: JobWatcher,
  prefix: string,
  limits: Pick<RateLimiters, 'submit'>,
): RouteSpec[] {
  const p = (path: string) => `${prefix}${path}`;
  return [
    defineRoute({
      method: 'get',
      path: p('/api/v2/runtimes'),
      tag: TAG,
      summary: 'The languages the live workers run, with Piston names, aliases and SemVer versions',
      access: PUBLIC,
      responses: { 200: { description: 'The runtimes.', body: Runtimes } },
      handle: async (_input, _req, res) => {
        res.json(runtimesOf(await resources.registry.languages()).map((entry) => entry.runtime));
      },
    }),
    defineRoute({
      method: 'post',
      path: p('/api/v2/execute'),
      tag: TAG,
      summary: 'Run a program and answer its compile and run stages',
      description:
        '`language` (a name or an alias) and `version` (a SemVer range, `*` for any) pick the runtime. ' +
        "One file; `args`, `stdin`; run limits in ms and bytes are clamped to the platform maxima, compile limits are the platform's own.",
      access: PUBLIC,
      before: [
        limits.submit,
        // piston-client sends its JSON as text/plain: read such a body as JSON too.
        express.text({ type: ['text/plain', 'application/octet-stream'], limit: MAX_BODY_BYTES }),
        (req, _res, next) => {
          const type = req.headers['content-type'] ?? '';
          if (type.startsWith('application/json')) return next();
          if (typeof req.body !== 'string') throw message(415, 'requests must be of type application/json');
          try {
            req.body = JSON.parse(req.body) as unknown;
          } catch {
            throw message(400, 'the body is not valid JSON');
          }
          next();
        },
      ],
      jsonOnly: false,
      // Code and stdin: a big body, like POST /submit's.
      bodyLimit: MAX_BODY_BYTES,
      body: ExecuteRequest,
      invalid: (_part, error) => message(400, invalidMessage(error)),
      responses: {
        200: { description: 'The stages.', body: ExecuteResult },
        400: {
          description: 'A field is missing or of the wrong type, or no such runtime.',
          body: ErrorAnswer,
        },
        415: { description: 'The body is not `application/json`.', body: ErrorAnswer },
        500: { description: 'The platform could not run the job.', body: ErrorAnswer },
      },
      handle: async ({ body }, req, res) => {
        const { data, match } = await pistonJob(resources, body);
        try {
          await acceptJob(resources, data, clientOwner(clientKey(req)));
        } catch (error) {
          if (error instanceof HttpError) throw message(error.status, error.message);
          throw error;
        }
        const result = await watcher.finished(data.jobId, WAIT_MS);
        if (result === null || result.status === 'queued' || result.status === 'running')
          throw message(500, 'the job did not finish in time');
        if (result.status === 'failed')
          throw message(500, result.error ?? 'the platform could not run the job');
        res.json(pistonResult(match.language, match.runtime.version, result));
      },
    }),
  ];
}
