/**
 * Piston v2's HTTP API under a prefix (PISTON_PREFIX, default `/piston`): `GET /api/v2/runtimes`
 * and `POST /api/v2/execute`, answered once the job is judged, with Piston's shapes and its
 * `{message}` errors. Limits are clamped to the platform's maxima (docs/COMPAT.md). The WebSocket
 * `GET /api/v2/connect` is declared here too, so the document describes it; its upgrades are taken
 * by `piston-connect.ts` before Express, which answers only a request that asks for no upgrade.
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
import { PUBLIC } from '../../auth/access.js';
import { HttpError } from '../../http/http-error.js';
import type { RateLimiters } from '../../http/rate-limit.js';
import { defineRoute, type RouteSpec } from '../../http/route.js';
import { answerSchema, requestSchema } from '../../openapi/components.js';
import type { ApiResources } from '../../resources.js';
import type { JobWatcher } from '../../submissions/job-watcher.js';
import { acceptJob } from '../../submissions/queue-job.js';
import { compatSubmitter } from '../compat-submitter.js';
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
        const submitter = compatSubmitter(req);
        const { data, match } = await pistonJob(resources, body, false, submitter.userId);
        try {
          await acceptJob(resources, data, submitter.owner);
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
    defineRoute({
      method: 'get',
      path: p('/api/v2/connect'),
      tag: TAG,
      summary: 'An interactive run over a WebSocket (Piston v2 protocol)',
      description: CONNECT_PROTOCOL,
      access: PUBLIC,
      responses: {
        101: {
          description: 'Switching to the WebSocket protocol (a request with `Upgrade: websocket`).',
          headers: {
            Upgrade: { description: 'The protocol switched to.', schema: { const: 'websocket' } },
          },
        },
        426: {
          description: 'A request without `Upgrade: websocket`.',
          body: ErrorAnswer,
          headers: {
            Upgrade: { description: 'The protocol to ask for.', schema: { const: 'websocket' } },
          },
        },
      },
      handle: (_input, _req, res) => {
        res.status(426).set('Upgrade', 'websocket').json({ message: 'a WebSocket upgrade is required' });
      },
    }),
  ];
}

const CONNECT_PROTOCOL = [
  'Upgrade to a WebSocket, then exchange JSON text messages (docs/COMPAT.md, `WS /api/v2/connect`).',
  '',
  'Client: `{"type": "init", language, version, files, args?, run_timeout?, …}` (the body of `POST /api/v2/execute`) within 1 s;',
  'then `{"type": "data", "stream": "stdin", "data"}` (stdin while the program runs), `{"type": "signal", "signal": "SIGKILL"}`',
  'and `{"type": "eof"}` (end of stdin; not in Piston).',
  '',
  'Server: `{"type": "runtime", language, version}`; per stage `{"type": "stage", "stage": "compile"|"run"}`,',
  '`{"type": "data", "stream": "stdout"|"stderr", "data"}` and `{"type": "exit", stage, code, signal}`;',
  '`{"type": "error", message}` before closing with 4002.',
  '',
  'Close codes: 4000 Already Initialized, 4001 Initialization Timeout, 4002 Notified Error, 4003 Not yet initialized,',
  '4004 Can only write to stdin, 4005 Invalid signal, 4999 Job Completed; 1009 a message over 1 MiB; 1001 the API shutting down.',
  'An upgrade is answered 429 when the client holds 4 sockets, 503 over 1000 on the instance.',
].join('\n');
