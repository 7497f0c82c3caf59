/**
 * Judge0 CE 1.13.1's HTTP API under a prefix (JUDGE0_PREFIX, default `/judge0`): submissions
 * (single, batch, `wait`, `fields`, Base64, admin listing and deletion), languages, statuses and
 * the information routes, with Judge0's status codes and error bodies. docs/COMPAT.md lists every
 * field and each deviation.
 */
import { timingSafeEqual } from 'node:crypto';
import { arch, cpus, totalmem } from 'node:os';
import type { Request } from 'express';
import { z } from 'zod';
import {
  MAX_BODY_BYTES,
  judge0BatchRequestSchema,
  judge0ErrorSchema,
  judge0FieldErrorsSchema,
  judge0LanguageSchema,
  judge0StatusSchema,
  judge0SubmissionRequestSchema,
  judge0SubmissionSchema,
  type Judge0Submission,
  type Verdict,
} from '@arbiter/contracts';
import { ForeignHttpError } from '../../http/http-error.js';
import type { RateLimiters } from '../../http/rate-limit.js';
import { defineRoute, type AccessSpec, type ResponseSpec, type RouteSpec } from '../../http/route.js';
import { answerSchema, requestSchema } from '../../openapi/components.js';
import type { ApiResources } from '../../resources.js';
import { judge0IdOf } from '../compat-languages.js';
import { compatSubmitter } from '../compat-submitter.js';
import {
  allLanguages,
  judge0Language,
  judge0LanguageName,
  listedLanguages,
  rememberVersions,
} from './judge0-languages.js';
import type { Judge0Service } from './judge0-service.js';
import { JUDGE0_STATUSES } from './judge0-status.js';
import { NotUtf8Error, judge0View, requestedFields, type Judge0Record } from './judge0-view.js';

export const JUDGE0_VERSION = '1.13.1';
const TAG = 'Judge0 CE';

const SubmissionRequest = requestSchema('Judge0SubmissionRequest', judge0SubmissionRequestSchema);
const BatchRequest = requestSchema('Judge0BatchRequest', judge0BatchRequestSchema);
const Submission = answerSchema('Judge0Submission', judge0SubmissionSchema);
const FieldErrors = answerSchema('Judge0FieldErrors', judge0FieldErrorsSchema);
const ErrorAnswer = answerSchema('Judge0Error', judge0ErrorSchema);
const BatchCreated = answerSchema(
  'Judge0BatchCreated',
  z.array(z.union([z.object({ token: z.string() }), judge0FieldErrorsSchema])),
);
const BatchShown = answerSchema(
  'Judge0Batch',
  z.object({ submissions: z.array(judge0SubmissionSchema.nullable()) }),
);
const Page = answerSchema(
  'Judge0SubmissionPage',
  z.object({
    submissions: z.array(judge0SubmissionSchema),
    meta: z.object({
      current_page: z.number().int(),
      next_page: z.number().int().nullable(),
      prev_page: z.number().int().nullable(),
      total_pages: z.number().int(),
      total_count: z.number().int(),
    }),
  }),
);
const LanguageList = answerSchema(
  'Judge0LanguageList',
  z.array(z.object({ id: z.number().int(), name: z.string() })),
);
const LanguageAll = answerSchema(
  'Judge0LanguageAll',
  z.array(z.object({ id: z.number().int(), name: z.string(), is_archived: z.boolean() })),
);
const Language = answerSchema('Judge0Language', judge0LanguageSchema);
const Statuses = answerSchema('Judge0Statuses', z.array(judge0StatusSchema));
const About = answerSchema(
  'Judge0About',
  z.object({ version: z.string(), homepage: z.string(), source_code: z.string(), maintainer: z.string() }),
);
const Workers = answerSchema(
  'Judge0Workers',
  z.array(
    z.object({
      queue: z.string(),
      size: z.number().int(),
      available: z.number().int(),
      idle: z.number().int(),
      working: z.number().int(),
      paused: z.number().int(),
      failed: z.number().int(),
    }),
  ),
);
const ConfigInfo = answerSchema('Judge0ConfigInfo', z.record(z.string(), z.unknown()));
const SystemInfo = answerSchema('Judge0SystemInfo', z.record(z.string(), z.string()));
const Statistics = answerSchema(
  'Judge0Statistics',
  z.object({
    created_at: z.string(),
    cached_until: z.string(),
    submissions: z.object({
      total: z.number().int(),
      today: z.number().int(),
      last_30_days: z.record(z.string(), z.number().int()),
    }),
    languages: z.array(
      z.object({ language: z.object({ id: z.number().int(), name: z.string() }), count: z.number().int() }),
    ),
    statuses: z.array(
      z.object({ status: z.object({ id: z.number().int(), name: z.string() }), count: z.number().int() }),
    ),
    database: z.object({ size_pretty: z.string(), size_in_bytes: z.number().int() }),
  }),
);

const QUERY = z
  .object({
    base64_encoded: z
      .string()
      .optional()
      .describe('`true`: text fields are sent and answered Base64 encoded.'),
    wait: z.string().optional().describe('`true`: answer once the submission is finished.'),
    fields: z.string().optional().describe('Comma-separated fields to answer with, or `*`.'),
  })
  .loose();

const error = (status: number, message: string) => new ForeignHttpError(status, { error: message });
const bad = (description: string): ResponseSpec => ({ description, body: ErrorAnswer });

/** Judge0's token check: any of the space-separated tokens, in the header or a query parameter of that name. */
function presented(req: Request, header: string, tokens: readonly string[]): boolean {
  const given = Buffer.from(String(req.get(header) ?? req.query[header] ?? ''));
  return tokens.some((token) => {
    const expected = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

const VERDICT_STATUS: Record<Verdict, number> = {
  ACCEPTED: 3,
  WRONG_ANSWER: 4,
  TIME_LIMIT_EXCEEDED: 5,
  COMPILE_ERROR: 6,
  OUTPUT_LIMIT_EXCEEDED: 8,
  RUNTIME_ERROR: 11,
  MEMORY_LIMIT_EXCEEDED: 12,
  INTERNAL_ERROR: 13,
};

/** Ruby's `to_i`: the leading integer of a string, 0 when there is none. */
function rubyInteger(value: unknown): number {
  const match = /^\s*[+-]?\d+/.exec(String(value));
  return match ? Number.parseInt(match[0], 10) : 0;
}

export function judge0Routes(
  resources: ApiResources,
  service: Judge0Service,
  limits: Pick<RateLimiters, 'submit'>,
): RouteSpec[] {
  const { prefix, authn, authz } = service.settings;
  const schemes = {
    judge0AuthToken: {
      type: 'apiKey',
      in: 'header',
      name: authn.header,
      description:
        'Judge0 authentication (when the operator set JUDGE0_AUTHN_TOKEN); also accepted as a query parameter.',
    },
    judge0AuthUser: {
      type: 'apiKey',
      in: 'header',
      name: authz.header,
      description:
        'Judge0 authorization for the admin routes (JUDGE0_AUTHZ_TOKEN); also accepted as a query parameter.',
    },
  } as const;
  const authenticate = (req: Request) => {
    if (authn.tokens.length > 0 && !presented(req, authn.header, authn.tokens))
      throw new ForeignHttpError(401, null);
  };
  const USER: AccessSpec = {
    security: [{}, { judge0AuthToken: [] }],
    schemes,
    check: authenticate,
    responses: () => ({
      401: { description: 'JUDGE0_AUTHN_TOKEN is set and the request does not carry it (no body).' },
    }),
  };
  const ADMIN: AccessSpec = {
    security: [{ judge0AuthUser: [] }, { judge0AuthToken: [], judge0AuthUser: [] }],
    schemes,
    check: (req) => {
      authenticate(req);
      if (authz.tokens.length === 0 || !presented(req, authz.header, authz.tokens))
        throw new ForeignHttpError(403, null);
    },
    responses: () => ({
      401: { description: 'JUDGE0_AUTHN_TOKEN is set and the request does not carry it (no body).' },
      403: { description: 'No JUDGE0_AUTHZ_TOKEN is set, or the request does not carry it (no body).' },
    }),
  };

  const flags = (req: Request) => ({
    base64: req.query.base64_encoded === 'true',
    wait: req.query.wait === 'true',
  });
  const fieldsOf = (req: Request) => {
    const fields = requestedFields(req.query.fields);
    if (!fields.ok) throw error(400, `invalid fields: [${fields.invalid.join(', ')}]`);
    return fields.fields;
  };
  const queryInvalid = () => error(400, 'a query parameter is given more than once or is not text');
  const checkBatches = () => {
    if (!service.config.enable_batched_submissions) throw error(400, 'batched submissions are not allowed');
  };
  const checkQueue = async (count: number) => {
    if (await service.queueFull(count)) throw error(503, 'queue is full');
  };
  const view = (record: Judge0Record, fields: readonly (keyof Judge0Submission)[], base64: boolean) =>
    judge0View(record, fields, base64);
  const notFound = () => new ForeignHttpError(404, { error: 'Not Found', status: 404 });
  const MANY_NOT_UTF8 =
    'some attributes for one or more submissions cannot be converted to UTF-8, use base64_encoded=true query parameter';
  const ONE_NOT_UTF8 =
    'some attributes for this submission cannot be converted to UTF-8, use base64_encoded=true query parameter';
  const batchSizeError = (count: number) => {
    const max = service.config.max_submission_batch_size;
    if (count > max)
      throw error(400, `number of submissions in a batch should be less than or equal to ${max}`);
    if (count === 0) throw error(400, 'there should be at least one submission in a batch');
  };
  const p = (path: string) => `${prefix}${path}`;

  return [
    defineRoute({
      method: 'post',
      path: p('/submissions/batch'),
      tag: TAG,
      summary: 'Create up to 20 submissions',
      description:
        '`{submissions: [...]}`; each answered with `{token}` or its field errors, in order. `wait` is ignored.',
      access: USER,
      before: [limits.submit],
      jsonOnly: false,
      bodyLimit: MAX_BODY_BYTES,
      query: QUERY,
      body: BatchRequest,
      invalid: (part) =>
        part === 'query' ? queryInvalid() : error(400, 'submissions must be a list of submissions'),
      responses: {
        201: { description: 'At least one submission was created.', body: BatchCreated },
        400: bad('Batches are off, or the batch is empty or over 20.'),
        422: { description: 'No submission was valid.', body: BatchCreated },
        503: bad('`queue is full`.'),
      },
      handle: async ({ body }, req, res) => {
        checkBatches();
        const submissions = body.submissions ?? [];
        batchSizeError(submissions.length);
        await checkQueue(submissions.length);
        const { base64 } = flags(req);
        const answers: unknown[] = [];
        let created = false;
        for (const submission of submissions) {
          const outcome = await service.create(submission, base64, compatSubmitter(req));
          if (outcome.ok) {
            created = true;
            answers.push({ token: outcome.token });
          } else answers.push(outcome.errors);
        }
        res.status(created ? 201 : 422).json(answers);
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/submissions/batch'),
      tag: TAG,
      summary: 'Up to 20 submissions by token',
      description:
        '`tokens` (query or header): comma-separated; unknown tokens answer `null` in their place.',
      access: USER,
      query: QUERY.extend({ tokens: z.string().optional().describe('Comma-separated tokens.') }),
      invalid: queryInvalid,
      responses: {
        200: { description: 'The submissions, in the order asked.', body: BatchShown },
        400: bad(
          'Batches are off, no or too many tokens, an unknown field, or text that needs `base64_encoded=true`.',
        ),
      },
      handle: async ({ query }, req, res) => {
        checkBatches();
        // Judge0 checks the fields before the tokens (a `before_action`).
        const fields = fieldsOf(req);
        const tokens = rubySplit(String(req.get('tokens') ?? query.tokens ?? '').trim(), ',');
        batchSizeError(tokens.length);
        const { base64 } = flags(req);
        const uuid = z.uuid();
        const records = await Promise.all(
          tokens.map((token) =>
            uuid.safeParse(token).success ? service.read(token) : Promise.resolve(null),
          ),
        );
        try {
          res.json({
            submissions: records.map((record) => (record === null ? null : view(record, fields, base64))),
          });
        } catch (failure) {
          if (failure instanceof NotUtf8Error) throw error(400, MANY_NOT_UTF8);
          throw failure;
        }
      },
    }),
    defineRoute({
      method: 'post',
      path: p('/submissions'),
      tag: TAG,
      summary: 'Create a submission',
      description:
        'Answers `{token}` (201); with `wait=true`, the finished submission with `fields`. With `base64_encoded=true`, ' +
        '`source_code`, `stdin` and `expected_output` are decoded from Base64 and text fields answered in Base64.',
      access: USER,
      before: [limits.submit],
      jsonOnly: false,
      bodyLimit: MAX_BODY_BYTES,
      query: QUERY,
      body: SubmissionRequest,
      invalid: (part, failure) => {
        if (part === 'query') return queryInvalid();
        const field = /^([a-z_]+)/.exec(failure.message)?.[1] ?? 'base';
        return new ForeignHttpError(422, { [field]: ['is invalid'] });
      },
      responses: {
        201: {
          description:
            '`{token}`, or with `wait=true` the submission (`{token, error}` when its text needs Base64).',
          body: Submission,
        },
        400: bad('`wait not allowed`, or `invalid fields: [...]`.'),
        422: {
          description: "The submission breaks Judge0's rules; each field with its messages.",
          body: FieldErrors,
        },
        503: bad('`queue is full`.'),
      },
      handle: async ({ body }, req, res) => {
        const { base64, wait } = flags(req);
        if (wait && !service.config.enable_wait_result) throw error(400, 'wait not allowed');
        await checkQueue(1);
        const fields = fieldsOf(req);
        const outcome = await service.create(body, base64, compatSubmitter(req));
        if (!outcome.ok) throw new ForeignHttpError(422, outcome.errors);
        if (!wait) {
          res.status(201).json({ token: outcome.token });
          return;
        }
        const record = await service.waitFor(outcome.token);
        if (record === null) throw notFound();
        try {
          res.status(201).json(view(record, fields, base64));
        } catch (failure) {
          if (failure instanceof NotUtf8Error) {
            res.status(201).json({ error: ONE_NOT_UTF8, token: outcome.token });
            return;
          }
          throw failure;
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/submissions'),
      tag: TAG,
      summary: 'Every submission made through this API, newest first (admins)',
      access: ADMIN,
      query: QUERY.extend({
        page: z.string().optional().describe('Page, from 1.'),
        per_page: z.string().optional().describe('Submissions per page (default 20, at most 100).'),
      }),
      invalid: queryInvalid,
      responses: {
        200: { description: 'One page.', body: Page },
        400: bad(
          '`invalid page: 0`, `invalid per_page: -1`, an unknown field, or text that needs `base64_encoded=true`.',
        ),
      },
      handle: async ({ query }, req, res) => {
        const page = query.page === undefined ? 1 : rubyInteger(query.page);
        const perPage = query.per_page === undefined ? 20 : rubyInteger(query.per_page);
        if (page <= 0) throw error(400, `invalid page: ${page}`);
        if (perPage < 0) throw error(400, `invalid per_page: ${perPage}`);
        const size = Math.min(Math.max(perPage, 1), 100);
        const fields = fieldsOf(req);
        const { base64 } = flags(req);
        const { items, total } = await service.page(page, size);
        const totalPages = Math.max(Math.ceil(total / size), 1);
        try {
          res.json({
            submissions: items.map((record) => view(record, fields, base64)),
            meta: {
              current_page: page,
              next_page: page < totalPages ? page + 1 : null,
              prev_page: page > 1 ? page - 1 : null,
              total_pages: totalPages,
              total_count: total,
            },
          });
        } catch (failure) {
          if (failure instanceof NotUtf8Error) throw error(400, MANY_NOT_UTF8);
          throw failure;
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/submissions/:token'),
      tag: TAG,
      summary: 'A submission',
      access: USER,
      params: z.object({ token: z.string().describe('The token `POST /submissions` answered with.') }),
      query: QUERY,
      invalid: queryInvalid,
      responses: {
        200: { description: "The submission with `fields` (default: Judge0's eight).", body: Submission },
        400: bad('An unknown field, or text that needs `base64_encoded=true`.'),
        404: {
          description: 'No submission with this token.',
          body: z.object({ error: z.string(), status: z.number() }),
        },
      },
      handle: async ({ params }, req, res) => {
        const fields = fieldsOf(req);
        const { base64 } = flags(req);
        const record = z.uuid().safeParse(params.token).success ? await service.read(params.token) : null;
        if (record === null) throw notFound();
        try {
          res.json(view(record, fields, base64));
        } catch (failure) {
          if (failure instanceof NotUtf8Error) throw error(400, ONE_NOT_UTF8);
          throw failure;
        }
      },
    }),
    defineRoute({
      method: 'delete',
      path: p('/submissions/:token'),
      tag: TAG,
      summary: 'Delete a finished submission (admins; when JUDGE0_ENABLE_SUBMISSION_DELETE is on)',
      access: ADMIN,
      params: z.object({ token: z.string() }),
      query: QUERY,
      invalid: queryInvalid,
      responses: {
        200: { description: 'The deleted submission, Base64 encoded.', body: Submission },
        400: bad('`delete not allowed`, or the submission is still queued or processing.'),
        404: {
          description: 'No submission with this token.',
          body: z.object({ error: z.string(), status: z.number() }),
        },
      },
      handle: async ({ params }, req, res) => {
        const fields = fieldsOf(req);
        if (!service.config.enable_submission_delete) throw error(400, 'delete not allowed');
        const record = z.uuid().safeParse(params.token).success ? await service.read(params.token) : null;
        if (record === null) throw notFound();
        const answer = view(record, fields, true);
        const status = judge0View(record, ['status'], true).status;
        if (status !== undefined && status.id <= 2)
          throw error(
            400,
            `submission cannot be deleted because its status is ${status.id} (${status.description})`,
          );
        // Finished as far as the job is concerned, even if its row is not written yet.
        await resources.store.delete(params.token);
        if (!(await resources.db.submissions.deleteSubmission(params.token))) throw notFound();
        res.json(answer);
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/languages'),
      tag: TAG,
      summary: 'The languages the live workers run, with their Judge0 ids',
      access: USER,
      responses: { 200: { description: 'By name.', body: LanguageList } },
      handle: async (_input, _req, res) => {
        const available = await resources.registry.languages();
        rememberVersions(available);
        res.json(listedLanguages(available));
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/languages/all'),
      tag: TAG,
      summary: 'Every Judge0 language id this API accepts',
      access: USER,
      responses: { 200: { description: 'By name.', body: LanguageAll } },
      handle: async (_input, _req, res) => {
        rememberVersions(await resources.registry.languages());
        res.json(allLanguages());
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/languages/:id'),
      tag: TAG,
      summary: 'One language',
      access: USER,
      params: z.object({ id: z.string().describe('A Judge0 language id.') }),
      responses: {
        200: { description: 'The language.', body: Language },
        404: { description: 'No such language.', body: z.object({ error: z.string(), status: z.number() }) },
      },
      handle: async ({ params }, _req, res) => {
        rememberVersions(await resources.registry.languages());
        const language = judge0Language(rubyInteger(params.id));
        if (language === null) throw notFound();
        res.json(language);
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/statuses'),
      tag: TAG,
      summary: "Judge0's 14 statuses",
      access: USER,
      responses: { 200: { description: 'By id.', body: Statuses } },
      handle: (_input, _req, res) => {
        res.json(JUDGE0_STATUSES);
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/about'),
      tag: TAG,
      summary: 'Which Judge0 this API is compatible with',
      access: USER,
      responses: { 200: { description: 'Version and maintainer.', body: About } },
      handle: (_input, _req, res) => {
        res.json({
          version: JUDGE0_VERSION,
          homepage: '/docs',
          source_code: '/openapi.json',
          maintainer: 'Arbiter (an online judge serving the Judge0 CE 1.13.1 API)',
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/version'),
      tag: TAG,
      summary: 'The Judge0 version this API is compatible with, as text',
      access: USER,
      responses: {
        200: { description: JUDGE0_VERSION, media: { type: 'text/plain', schema: { type: 'string' } } },
      },
      handle: (_input, _req, res) => {
        res.type('text/plain').send(JUDGE0_VERSION);
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/config_info'),
      tag: TAG,
      summary: "Defaults, maxima and switches, in Judge0's names",
      access: USER,
      responses: { 200: { description: 'The configuration.', body: ConfigInfo } },
      handle: (_input, _req, res) => {
        res.json(service.config);
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/system_info'),
      tag: TAG,
      summary: "This API host's processor and memory, in `lscpu` and `free` names",
      access: USER,
      responses: { 200: { description: 'The host.', body: SystemInfo } },
      handle: (_input, _req, res) => {
        const processors = cpus();
        res.json({
          Architecture: arch() === 'x64' ? 'x86_64' : arch(),
          'CPU(s)': String(processors.length),
          'Model name': processors[0]?.model ?? 'unknown',
          Mem: `${(totalmem() / 2 ** 30).toFixed(1)}Gi`,
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/statistics'),
      tag: TAG,
      summary: 'Submissions per language, per status and per day (every submission of the platform)',
      access: USER,
      responses: { 200: { description: 'The counts.', body: Statistics } },
      handle: async (_input, _req, res) => {
        const now = new Date();
        const counts = await resources.db.submissions.counts(30);
        const perDay = new Map(counts.byDay.map((row) => [row.day, row.count]));
        const today = now.toISOString().slice(0, 10);
        const lastDays: Record<string, number> = {};
        for (let back = 1; back <= 30; back += 1) {
          const day = new Date(now.getTime() - back * 86_400_000).toISOString().slice(0, 10);
          lastDays[day] = perDay.get(day) ?? 0;
        }
        const byStatus = new Map<number, number>();
        for (const row of counts.byOutcome) {
          const id =
            row.status === 'queued'
              ? 1
              : row.status === 'running'
                ? 2
                : row.verdict
                  ? VERDICT_STATUS[row.verdict]
                  : 13;
          byStatus.set(id, (byStatus.get(id) ?? 0) + row.count);
        }
        res.json({
          created_at: now.toISOString(),
          cached_until: now.toISOString(),
          submissions: { total: counts.total, today: perDay.get(today) ?? 0, last_30_days: lastDays },
          languages: counts.byLanguage
            .map((row) => {
              const id = judge0IdOf(row.language);
              return { language: { id, name: judge0LanguageName(id) }, count: row.count };
            })
            .sort((a, b) => b.count - a.count),
          statuses: [...byStatus]
            .map(([id, count]) => ({
              status: { id, name: JUDGE0_STATUSES[id - 1]?.description ?? 'Internal Error' },
              count,
            }))
            .sort((a, b) => b.count - a.count),
          database: { size_pretty: counts.database.sizePretty, size_in_bytes: counts.database.sizeBytes },
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: p('/workers'),
      tag: TAG,
      summary: 'The queue and the workers taking from it',
      access: USER,
      responses: { 200: { description: 'One entry: the submissions queue.', body: Workers } },
      handle: async (_input, _req, res) => {
        const [workers, size] = await Promise.all([
          resources.registry.live(),
          resources.queue.getJobCountByTypes('wait', 'prioritized', 'paused'),
        ]);
        const available = workers.reduce((sum, worker) => sum + worker.concurrency, 0);
        const working = workers.reduce((sum, worker) => sum + worker.active, 0);
        res.json([
          {
            queue: 'submissions',
            size,
            available,
            idle: Math.max(available - working, 0),
            working,
            paused: 0,
            failed: 0,
          },
        ]);
      },
    }),
    defineRoute({
      method: 'post',
      path: p('/authenticate'),
      tag: TAG,
      summary: 'Checks the authentication token',
      access: USER,
      responses: { 200: { description: 'The token is good (no body).' } },
      handle: (_input, _req, res) => {
        res.status(200).end();
      },
    }),
    defineRoute({
      method: 'post',
      path: p('/authorize'),
      tag: TAG,
      summary: 'Checks the authorization token',
      access: ADMIN,
      responses: { 200: { description: 'The token is good (no body).' } },
      handle: (_input, _req, res) => {
        res.status(200).end();
      },
    }),
  ];
}

/**
 * Ruby's `String#split(sep)`: empty strings between separators are kept ("a,,b" is three tokens, the middle
 * one unknown), trailing empty ones dropped ("a,b," is two), and "" is none.
 */
function rubySplit(text: string, separator: string): string[] {
  const parts = text.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
