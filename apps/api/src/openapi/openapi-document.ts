/**
 * The OpenAPI 3.1 document of the HTTP API (`GET /openapi.json`, rendered at `GET /docs`):
 * every route the API serves, with its parameters, request body, answers and errors. Schemas
 * are generated from the zod schemas the routes parse and answer with (packages/contracts and
 * `http-schemas.ts`) as JSON Schema 2020-12, which OpenAPI 3.1's default dialect extends. Request bodies are
 * converted as inputs (a field with a default is optional) and answers as outputs (such a field
 * is always present, and no field beyond the listed ones appears).
 *
 * tests/integration/openapi.test.ts fails when a route is served but not described here.
 */
import { z } from 'zod';
import {
  LANGUAGE_IDS,
  MAX_BODY_BYTES,
  adminWorkersResponseSchema,
  authResponseSchema,
  errorBodySchema,
  jobResultSchema,
  languageInfoSchema,
  loginRequestSchema,
  problemDetailSchema,
  problemSummarySchema,
  queueDashboardListSchema,
  rejudgeRequestSchema,
  rejudgeResponseSchema,
  signupRequestSchema,
  submitRequestSchema,
  submitResponseSchema,
  testResultSchema,
  type ErrorCode,
} from '@arbiter/contracts';
import { MAX_PAGE_SIZE } from '@arbiter/db';
import { SESSION_COOKIE } from '../auth/session.js';
import {
  healthSchema,
  jobStatusAnswerSchema,
  readinessSchema,
  runtimeDistributionSchema,
  submissionDetailSchema,
  submissionPageSchema,
} from './http-schemas.js';

/** A JSON Schema (2020-12) object, as OpenAPI 3.1 embeds it. */
export type SchemaObject = { [keyword: string]: unknown };
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface HeaderObject {
  description: string;
  schema: SchemaObject;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, { schema: SchemaObject }>;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description: string;
  schema: SchemaObject;
}

/** Each entry: every scheme it names is needed; an empty entry means none (access is optional). */
export type SecurityRequirement = Record<string, string[]>;

export interface OperationObject {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: SecurityRequirement[];
  parameters?: ParameterObject[];
  requestBody?: {
    required: boolean;
    description?: string;
    content: Record<string, { schema: SchemaObject }>;
  };
  responses: Record<string, ResponseObject>;
}

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>;

export type SecuritySchemeObject =
  | { type: 'apiKey'; in: 'cookie' | 'header' | 'query'; name: string; description: string }
  | { type: 'http'; scheme: 'bearer'; description: string };

/** The parts of an OpenAPI 3.1 document this API's document uses. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; summary: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, SchemaObject>;
    securitySchemes: Record<string, SecuritySchemeObject>;
  };
}

/** Bodies the API reads. */
const REQUEST_SCHEMAS = {
  SubmitRequest: submitRequestSchema,
  SignupRequest: signupRequestSchema,
  LoginRequest: loginRequestSchema,
  RejudgeRequest: rejudgeRequestSchema,
} satisfies Record<string, z.ZodType>;

/** Bodies the API answers with. */
const ANSWER_SCHEMAS = {
  ErrorBody: errorBodySchema,
  SubmitResponse: submitResponseSchema,
  JobResult: jobResultSchema,
  JobStatus: jobStatusAnswerSchema,
  TestResult: testResultSchema,
  LanguageInfo: languageInfoSchema,
  ProblemSummary: problemSummarySchema,
  ProblemDetail: problemDetailSchema,
  RuntimeDistribution: runtimeDistributionSchema,
  AuthResponse: authResponseSchema,
  SubmissionPage: submissionPageSchema,
  SubmissionDetail: submissionDetailSchema,
  Health: healthSchema,
  Readiness: readinessSchema,
  AdminWorkers: adminWorkersResponseSchema,
  QueueDashboardList: queueDashboardListSchema,
  RejudgeResponse: rejudgeResponseSchema,
} satisfies Record<string, z.ZodType>;

type SchemaId = keyof typeof REQUEST_SCHEMAS | keyof typeof ANSWER_SCHEMAS;

const schemaUri = (id: string) => `#/components/schemas/${id}`;
const ref = (id: SchemaId): SchemaObject => ({ $ref: schemaUri(id) });

/** A JSON Schema as OpenAPI embeds it: no `$schema` or `$id` of its own (the document sets the dialect). */
function embedded(schema: object): SchemaObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema as SchemaObject;
  return rest;
}

/** Converts named schemas together, so one that appears inside another becomes a `$ref` to it. */
function componentSchemas(schemas: Record<string, z.ZodType>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const converted = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: schemaUri,
    unrepresentable: 'any',
  });
  return Object.fromEntries(Object.entries(converted.schemas).map(([id, schema]) => [id, embedded(schema)]));
}

/** One standalone schema (a parameter's). */
function inline(schema: z.ZodType): SchemaObject {
  return embedded(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }));
}

// ---- answers ---------------------------------------------------------------------------------

function json(
  description: string,
  schema: SchemaObject,
  headers?: Record<string, HeaderObject>,
): ResponseObject {
  return { description, ...(headers ? { headers } : {}), content: { 'application/json': { schema } } };
}

function html(description: string): ResponseObject {
  return { description, content: { 'text/html': { schema: { type: 'string' } } } };
}

/** An error answer: the error body, its possible codes named in the schema and the description. */
function error(codes: readonly ErrorCode[], description: string): ResponseObject {
  const schema: SchemaObject = {
    allOf: [
      ref('ErrorBody'),
      {
        type: 'object',
        properties: { error: { type: 'object', properties: { code: { enum: [...codes] } } } },
      },
    ],
  };
  return json(`${codes.map((code) => `\`${code}\``).join(', ')}: ${description}`, schema);
}

const RETRY_AFTER: Record<string, HeaderObject> = {
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
};

const ERRORS = {
  unauthenticated: (action: string) =>
    error(['UNAUTHENTICATED'], `no valid session: "Sign in to ${action}."`),
  forbidden: (action: string) =>
    error(['FORBIDDEN'], `signed in, but not an admin: "Only admins may ${action}."`),
  notFound: (what: string) => error(['NOT_FOUND'], what),
  forbiddenOrigin: error(
    ['FORBIDDEN_ORIGIN'],
    'the request comes from a page on another site (its `Origin` is neither the API nor the web app).',
  ),
  tooLarge: error(
    ['PAYLOAD_TOO_LARGE'],
    `the body is over ${MAX_BODY_BYTES} bytes (or, for \`/submit\`, the code is over 64 KiB or stdin over 8 MiB).`,
  ),
  notJson: error(['UNSUPPORTED_MEDIA_TYPE'], 'the body is not sent as `application/json` (UTF-8).'),
  rateLimited: (what: string) => ({
    ...error(['RATE_LIMITED'], `too many ${what}; \`Retry-After\` says when to try again.`),
    headers: RETRY_AFTER,
  }),
  unavailable: (what: string) => error(['SERVICE_UNAVAILABLE'], what),
  internal: error(['INTERNAL'], 'something failed on the server; the message says nothing more.'),
};

// ---- operations ------------------------------------------------------------------------------

type Access = 'public' | 'optional' | 'session' | 'admin' | 'metrics';

interface OperationSpec {
  method: HttpMethod;
  /** Express style (`/status/:jobId`); converted to `{jobId}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  /** The action named in 401 and 403 messages ("Sign in to …"). */
  action?: string;
  parameters?: ParameterObject[];
  body?: { schema: SchemaId; description?: string };
  responses: Record<string, ResponseObject>;
}

function pathParam(name: string, schema: z.ZodType, description: string): ParameterObject {
  return { name, in: 'path', required: true, description, schema: inline(schema) };
}

function queryParam(name: string, schema: z.ZodType, description: string, required = false): ParameterObject {
  return { name, in: 'query', required, description, schema: inline(schema) };
}

const jobId = (description: string) => pathParam('jobId', z.uuid(), description);
const slug = pathParam('slug', z.string().regex(/^[a-z0-9-]{1,64}$/), 'A problem slug from `GET /problems`.');

const SESSION: SecurityRequirement = { session: [] };
const SECURITY: Record<Access, SecurityRequirement[]> = {
  public: [],
  // Works signed out; a session changes the answer (marks, ownership).
  optional: [{}, SESSION],
  session: [SESSION],
  admin: [SESSION],
  // METRICS_TOKEN set: a bearer token; unset: open in development, refused elsewhere.
  metrics: [{}, { metricsToken: [] }],
};

const OPERATIONS: OperationSpec[] = [
  // --- judging
  {
    method: 'post',
    path: '/submit',
    tag: 'Judging',
    summary: 'Run or submit code',
    description:
      "`run` (anyone): a free run with `stdin`/`expectedOutput`, or a problem's samples plus custom `tests`. " +
      '`submit` (signed in, needs `problem`): every test, stopping at the first failure. ' +
      'The job is queued; follow it with `GET /status/{jobId}` or the Socket.IO `subscribe` event. ' +
      'Rate limited per account and per client IP.',
    access: 'optional',
    action: 'submit a solution',
    body: { schema: 'SubmitRequest' },
    responses: {
      '202': json('Accepted and queued.', ref('SubmitResponse'), {
        Location: { description: '`/status/{jobId}`', schema: { type: 'string' } },
      }),
      '400': error(
        ['INVALID_REQUEST', 'INVALID_JSON', 'UNKNOWN_LANGUAGE', 'UNKNOWN_PROBLEM'],
        'a field is invalid (each one is named in `details`), the language or problem is unknown, the problem lacks the language, or a custom input does not fit its signature.',
      ),
      '401': error(
        ['UNAUTHENTICATED'],
        '`mode: submit` without a valid session: "Sign in to submit a solution."',
      ),
      '429': ERRORS.rateLimited('submissions from this account, or without a sign-in from this address'),
      '503': ERRORS.unavailable('the queue or the database is unreachable; nothing was saved.'),
    },
  },
  {
    method: 'get',
    path: '/status/:jobId',
    tag: 'Judging',
    summary: 'A job: its status, and its result once finished',
    description:
      'Answered from the database once the job is finished, from Redis while it runs. ' +
      "A signed-in user's job is visible to that user and admins only; an anonymous job to whoever holds its id.",
    access: 'optional',
    parameters: [jobId('The id `POST /submit` answered with.')],
    responses: {
      '200': json('The job record.', ref('JobStatus')),
      '404': ERRORS.notFound("no such job, or it is another user's."),
    },
  },
  {
    method: 'get',
    path: '/languages',
    tag: 'Judging',
    summary: 'Languages the live workers can run',
    description: 'With toolchain versions; empty while no worker is alive.',
    access: 'public',
    responses: { '200': json('The languages.', { type: 'array', items: ref('LanguageInfo') }) },
  },
  // --- problems
  {
    method: 'get',
    path: '/problems',
    tag: 'Problems',
    summary: 'The problem catalog',
    description: "Easy first. `status` is the signed-in user's mark (`solved`, `attempted`), null otherwise.",
    access: 'optional',
    responses: { '200': json('The problems.', { type: 'array', items: ref('ProblemSummary') }) },
  },
  {
    method: 'get',
    path: '/problems/:slug',
    tag: 'Problems',
    summary: 'One problem: statement, examples, starter code, limits',
    description: 'Hidden tests never appear in any answer.',
    access: 'optional',
    parameters: [slug],
    responses: {
      '200': json('The problem.', ref('ProblemDetail')),
      '404': ERRORS.notFound('no such problem.'),
    },
  },
  {
    method: 'get',
    path: '/problems/:slug/distribution',
    tag: 'Problems',
    summary: 'CPU times of accepted submits in one language, for a runtime chart',
    access: 'public',
    parameters: [slug, queryParam('language', z.enum(LANGUAGE_IDS), 'The language.', true)],
    responses: {
      '200': json('Up to 20 equal-width buckets.', ref('RuntimeDistribution')),
      '400': error(['UNKNOWN_LANGUAGE'], '`language` is missing or not a language id.'),
      '404': ERRORS.notFound('no such problem.'),
    },
  },
  // --- accounts
  {
    method: 'post',
    path: '/auth/signup',
    tag: 'Accounts',
    summary: 'Create an account and sign in',
    description: 'The first account ever created is an admin. Rate limited per client IP (with sign-in).',
    access: 'public',
    body: { schema: 'SignupRequest' },
    responses: {
      '201': json('Signed up and signed in.', ref('AuthResponse'), {
        'Set-Cookie': {
          description: `\`${SESSION_COOKIE}=…; HttpOnly; SameSite=Lax; Path=/\``,
          schema: { type: 'string' },
        },
      }),
      '400': error(
        ['INVALID_REQUEST', 'INVALID_JSON'],
        'the username or password breaks a rule (too short or long, easy to guess); the message says which.',
      ),
      '409': error(['USERNAME_TAKEN'], 'the username exists (usernames ignore case).'),
      '429': ERRORS.rateLimited('sign-in and sign-up attempts, or sign-ups, from this address'),
    },
  },
  {
    method: 'post',
    path: '/auth/login',
    tag: 'Accounts',
    summary: 'Sign in',
    description:
      'Replaces the session this browser had. Rate limited per client IP (with sign-up), and failed ' +
      'sign-ins per IP, per username and IP, and per username.',
    access: 'public',
    body: { schema: 'LoginRequest' },
    responses: {
      '200': json('Signed in.', ref('AuthResponse'), {
        'Set-Cookie': {
          description: `\`${SESSION_COOKIE}=…; HttpOnly; SameSite=Lax; Path=/\``,
          schema: { type: 'string' },
        },
      }),
      '400': error(['INVALID_REQUEST', 'INVALID_JSON'], 'a field is missing or too long.'),
      '401': error(
        ['INVALID_CREDENTIALS'],
        'wrong username or password (the same answer, in the same time, for both).',
      ),
      '429': ERRORS.rateLimited(
        'sign-in attempts from this address, or failed sign-ins from it or to this username',
      ),
    },
  },
  {
    method: 'post',
    path: '/auth/logout',
    tag: 'Accounts',
    summary: 'Sign out',
    description: 'Deletes the session and clears the cookie; fine without a session too. No body.',
    access: 'optional',
    responses: { '204': { description: 'Signed out.' } },
  },
  {
    method: 'get',
    path: '/auth/me',
    tag: 'Accounts',
    summary: 'The signed-in user',
    access: 'session',
    action: 'see your account',
    responses: { '200': json('The user.', ref('AuthResponse')) },
  },
  // --- history
  {
    method: 'get',
    path: '/submissions',
    tag: 'Submissions',
    summary: "The signed-in user's runs and submissions, newest first",
    access: 'session',
    action: 'see your submissions',
    parameters: [
      queryParam('problem', z.string().regex(/^[a-z0-9-]{1,64}$/), 'Only this problem.'),
      queryParam('verdict', jobResultSchema.shape.verdict.unwrap(), 'Only this verdict.'),
      queryParam('cursor', z.string().max(200), '`nextCursor` of the previous page.'),
      queryParam('limit', z.number().int().min(1).max(MAX_PAGE_SIZE).default(20), 'Rows per page.'),
    ],
    responses: {
      '200': json('One page.', ref('SubmissionPage')),
      '400': error(['INVALID_REQUEST'], 'a filter is invalid, or the cursor is not one this API gave out.'),
    },
  },
  {
    method: 'get',
    path: '/submissions/:id',
    tag: 'Submissions',
    summary: 'One submission with its code and result',
    access: 'session',
    action: 'see a submission',
    parameters: [pathParam('id', z.uuid(), 'The submission (= job) id.')],
    responses: {
      '200': json('The submission.', ref('SubmissionDetail')),
      '404': ERRORS.notFound("no such submission of yours (admins see everyone's)."),
    },
  },
  // --- operations
  {
    method: 'get',
    path: '/health',
    tag: 'Operations',
    summary: 'Liveness: the process is up',
    access: 'public',
    responses: { '200': json('Up.', ref('Health')) },
  },
  {
    method: 'get',
    path: '/ready',
    tag: 'Operations',
    summary: 'Readiness: Redis and the database answer',
    access: 'public',
    responses: {
      '200': json('Ready.', ref('Readiness')),
      '503': json('A dependency does not answer.', ref('Readiness')),
    },
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'Operations',
    summary: "This instance's Prometheus metrics",
    description:
      'With `METRICS_TOKEN` set, only for `Authorization: Bearer <token>`. Without it, open when ' +
      '`NODE_ENV=development` and refused (403) otherwise.',
    access: 'metrics',
    responses: {
      '200': {
        description: 'The Prometheus text format.',
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
      '401': {
        ...error(['UNAUTHENTICATED'], '`METRICS_TOKEN` is set and the request does not carry it.'),
        headers: {
          'WWW-Authenticate': { description: '`Bearer realm="metrics"`', schema: { type: 'string' } },
        },
      },
      '403': error(
        ['FORBIDDEN'],
        'No `METRICS_TOKEN` is set and `NODE_ENV` is not `development`: metrics are off.',
      ),
    },
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'Operations',
    summary: 'This document',
    access: 'public',
    responses: { '200': json('The OpenAPI 3.1 document.', { type: 'object' }) },
  },
  {
    method: 'get',
    path: '/docs',
    tag: 'Operations',
    summary: 'This document, rendered (Swagger UI, served from the API itself)',
    access: 'public',
    responses: { '200': html('The docs page.') },
  },
  {
    method: 'get',
    path: '/docs/assets/:file',
    tag: 'Operations',
    summary: "The docs page's scripts, stylesheet and icons",
    access: 'public',
    parameters: [pathParam('file', z.string(), 'A file the docs page links to.')],
    responses: {
      '200': { description: 'The file.', content: { '*/*': { schema: { type: 'string' } } } },
      '404': ERRORS.notFound("not one of the docs page's files."),
    },
  },
  // --- admin
  {
    method: 'get',
    path: '/admin/workers',
    tag: 'Admin',
    summary: 'Live workers: languages, load, version, sandbox',
    description: "From the workers' heartbeats; a worker that missed three heartbeats is gone.",
    access: 'admin',
    action: 'see the workers',
    responses: {
      '200': json('The live workers, by host.', ref('AdminWorkers')),
      '503': ERRORS.unavailable('Redis is unreachable.'),
    },
  },
  {
    method: 'post',
    path: '/admin/rejudge',
    tag: 'Admin',
    summary: 'Judge finished submits again',
    description:
      'One submission (`submissionId`) or every finished submit of a problem (`problem`, optionally one ' +
      '`language`; at most 5000 per request). Each rejudge is a new job with its own id, `rejudgeOf` ' +
      'naming the original, queued behind every run and submit.',
    access: 'admin',
    action: 'rejudge submissions',
    body: { schema: 'RejudgeRequest' },
    responses: {
      '202': json('The new jobs, oldest original first.', ref('RejudgeResponse')),
      '400': error(
        ['INVALID_REQUEST', 'INVALID_JSON', 'UNKNOWN_PROBLEM'],
        'the body names neither a submission nor a problem, or the problem is unknown.',
      ),
      '404': ERRORS.notFound('no finished submit with that id (runs and rejudges are not rejudged).'),
      '503': ERRORS.unavailable('the queue or the database is unreachable; nothing was saved.'),
    },
  },
  {
    method: 'get',
    path: '/admin/queues',
    tag: 'Admin',
    summary: 'Queue dashboard (Bull Board) for the `submissions` and `results` queues',
    description:
      'An HTML application. Everything under `/admin/queues/` belongs to it and is for admins only: ' +
      'its JSON API (`/admin/queues/api/…`, whose writes retry, clean, pause or remove jobs) and its ' +
      'static files (`/admin/queues/static/…`).',
    access: 'admin',
    action: 'open the queue dashboard',
    responses: { '200': html('The dashboard.') },
  },
  {
    method: 'get',
    path: '/admin/queues/api/queues',
    tag: 'Admin',
    summary: "The queue dashboard's queue list (its own format)",
    access: 'admin',
    action: 'open the queue dashboard',
    responses: { '200': json('The queues with their jobs and counts.', ref('QueueDashboardList')) },
  },
];

// ---- the document --------------------------------------------------------------------------

const SOCKET_IO = `
## Live events (Socket.IO)

Connect with Socket.IO to the API's origin (default namespace, path \`/socket.io\`, WebSocket
transport); the session cookie rides along as on HTTP, and handshakes from foreign origins are
refused.

Client → server:

- \`subscribe {jobId, after?}\` with an acknowledgement callback: \`{ok: true}\` or
  \`{ok: false, error: {code, message}}\`. \`after\` is the last \`seq\` seen (absent: from the start).
  A connection may watch up to 50 jobs.
- \`unsubscribe {jobId}\`.

Server → client, each with \`jobId\` and \`seq\` (1, 2, 3, … per job, in order, each once per
subscription):

- \`status {status, position?, attempt?}\`: \`queued\` (with its place in the queue), \`running\`, …
- \`log {stream: compile | stdout | stderr, chunk}\`: output as it happens.
- \`test {index, verdict, timeMs, memoryKb}\`: one per test of a problem.
- \`result\`: the same object as \`GET /status/{jobId}\`; the job's last event.

After a reconnect, subscribe again with \`after\` = the last \`seq\` received.
`;

const DESCRIPTION = `Arbiter's HTTP API: run and submit code judged in a sandbox, problems, accounts and history.

JSON everywhere. Writes with a body need \`Content-Type: application/json\` (else 415); every
write that has an \`Origin\` (or \`Referer\`) needs one of the API itself or the web app (else 403
\`FORBIDDEN_ORIGIN\`). Every error is \`{"error": {"code", "message", "details?"}}\`; \`message\`
says what to change and \`details\` lists every problem when there are several.

Signing in (\`POST /auth/signup\`, \`POST /auth/login\`) sets the \`${SESSION_COOKIE}\` cookie
(HttpOnly, SameSite=Lax); browsers on the web app's origin send it with
\`credentials: 'include'\`.
${SOCKET_IO}`;

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operationObject(spec: OperationSpec): OperationObject {
  const action = spec.action ?? 'continue';
  const responses: Record<string, ResponseObject> = { ...spec.responses };
  const add = (status: string, response: ResponseObject) => {
    responses[status] ??= response;
  };
  if (spec.access === 'session' || spec.access === 'admin') add('401', ERRORS.unauthenticated(action));
  if (spec.access === 'admin' && spec.method !== 'get')
    add(
      '403',
      error(
        ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
        `not an admin ("Only admins may ${action}."), or the request comes from a page on another site.`,
      ),
    );
  if (spec.access === 'admin') add('403', ERRORS.forbidden(action));
  if (spec.method !== 'get') add('403', ERRORS.forbiddenOrigin);
  if (spec.body) {
    add(
      '400',
      error(['INVALID_JSON', 'INVALID_REQUEST'], 'the body is not valid JSON or breaks the schema.'),
    );
    add('413', ERRORS.tooLarge);
    add('415', ERRORS.notJson);
  }
  if (spec.access === 'optional' || spec.access === 'session' || spec.access === 'admin')
    add('503', ERRORS.unavailable('the session could not be checked (database unreachable).'));
  add('500', ERRORS.internal);
  const ordered = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  return {
    operationId: `${spec.method}${toOpenApiPath(spec.path)
      .split(/[/{}.-]+/)
      .filter(Boolean)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('')}`,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    security: SECURITY[spec.access],
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            ...(spec.body.description ? { description: spec.body.description } : {}),
            content: { 'application/json': { schema: ref(spec.body.schema) } },
          },
        }
      : {}),
    responses: ordered,
  };
}

/** Builds the document; `version` is the API's version string. */
export function buildOpenApiDocument(version = '0.1.0'): OpenApiDocument {
  const paths: Record<string, PathItemObject> = {};
  for (const spec of OPERATIONS) {
    const path = toOpenApiPath(spec.path);
    const item = (paths[path] ??= {});
    if (item[spec.method]) throw new Error(`${spec.method.toUpperCase()} ${path} is described twice`);
    item[spec.method] = operationObject(spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Arbiter API',
      version,
      summary: 'An open-source online judge.',
      description: DESCRIPTION,
    },
    servers: [{ url: '/', description: 'This API' }],
    tags: [
      { name: 'Judging', description: 'Run and submit code, follow jobs.' },
      { name: 'Problems', description: 'The catalog.' },
      { name: 'Accounts', description: 'Sign-up, sign-in, sessions.' },
      { name: 'Submissions', description: "A user's history." },
      { name: 'Admin', description: 'Operations views, admins only.' },
      { name: 'Operations', description: 'Health, readiness, this document.' },
    ],
    paths,
    components: {
      schemas: {
        ...componentSchemas(REQUEST_SCHEMAS, 'input'),
        ...componentSchemas(ANSWER_SCHEMAS, 'output'),
      },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The session cookie set by `POST /auth/signup` and `POST /auth/login`.',
        },
        metricsToken: {
          type: 'http',
          scheme: 'bearer',
          description: '`METRICS_TOKEN`, for `GET /metrics` (required unless `NODE_ENV=development`).',
        },
      },
    },
  };
}
