/**
 * Piston v2's HTTP API under a prefix (PISTON_PREFIX, default `/piston`): `GET /api/v2/runtimes`
 * and `POST /api/v2/execute`, answered once the job is judged, with Piston's shapes and its
 * `{message}` errors. Limits are clamped to the platform's maxima (docs/COMPAT.md).
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import semver from 'semver';
import { z } from 'zod';
import {
  MAX_BODY_BYTES,
  MAX_CODE_BYTES,
  MAX_STDIN_BYTES,
  programFilesOverCap,
  programFilesSchema,
  pistonErrorSchema,
  pistonExecuteRequestSchema,
  pistonExecuteResultSchema,
  pistonRuntimeSchema,
  type EffectiveLimits,
  type JobData,
  type LanguageInfo,
  type PistonExecuteRequest,
  type PistonRuntime,
  type ProgramFile,
} from '@arbiter/contracts';
import { PUBLIC } from '../../auth/access.js';
import { clientOwner } from '@arbiter/queue';
import { clientKey } from '../../http/client-address.js';
import { ForeignHttpError, HttpError } from '../../http/http-error.js';
import type { RateLimiters } from '../../http/rate-limit.js';
import { defineRoute, type RouteSpec } from '../../http/route.js';
import { answerSchema, requestSchema } from '../../openapi/components.js';
import type { ApiResources } from '../../resources.js';
import type { JobWatcher } from '../../submissions/job-watcher.js';
import { checkLanguageAvailable } from '../../submissions/live-languages.js';
import { acceptJob } from '../../submissions/queue-job.js';
import { COMPAT_LANGUAGES, versionNumber, type CompatLanguage } from '../compat-languages.js';
import { pistonResult } from './piston-stages.js';

const TAG = 'Piston';
const ExecuteRequest = requestSchema('PistonExecuteRequest', pistonExecuteRequestSchema);
const ExecuteResult = answerSchema('PistonExecuteResult', pistonExecuteResultSchema);
const Runtimes = answerSchema('PistonRuntimes', z.array(pistonRuntimeSchema));
const ErrorAnswer = answerSchema('PistonError', pistonErrorSchema);

/** Piston's defaults for the run stage, in ms. */
const RUN_TIMEOUT_MS = 3_000;
const RUN_CPU_MS = 3_000;
/** How long an execute request waits for its job at most. */
const WAIT_MS = 5 * 60_000;

const message = (status: number, text: string) => new ForeignHttpError(status, { message: text });

/** A SemVer version of a worker's toolchain version ("17.0.15", "3.11.7"). */
function semverOf(version: string): string {
  return semver.coerce(versionNumber(version))?.version ?? '0.0.0';
}

function runtimesOf(
  available: readonly LanguageInfo[],
): { language: CompatLanguage; runtime: PistonRuntime }[] {
  return COMPAT_LANGUAGES.flatMap((language) => {
    const info = available.find((entry) => entry.id === language.id);
    if (info === undefined) return [];
    const runtime: PistonRuntime = {
      language: language.piston.language,
      version: semverOf(info.version),
      aliases: [...language.piston.aliases],
      ...(language.piston.runtime ? { runtime: language.piston.runtime } : {}),
    };
    return [{ language, runtime }];
  });
}

/** Piston's message for the first field that breaks the schema, in the order Piston checks them. */
function invalidMessage(error: Error): string {
  const first = /^([a-z_]+)(?:\.(\d+)\.([a-z_]+))?/.exec(error.message);
  const [, field, index, sub] = first ?? [];
  switch (field) {
    case 'language':
    case 'version':
      return `${field} is required as a string`;
    case 'files':
      if (index !== undefined && sub === 'content') return `files[${index}].content is required as a string`;
      if (index !== undefined && sub === 'encoding')
        return `files[${index}].encoding must be utf8, base64 or hex`;
      if (index !== undefined && sub === 'name') return `files[${index}].name must be a string`;
      return 'files is required as an array';
    case 'stdin':
      return 'stdin must be a string';
    case 'args':
      return 'args must be an array of strings';
    case undefined:
      return 'the body must be a JSON object';
    default:
      return `If specified, ${field} must be a number`;
  }
}

export function pistonRoutes(
  resources: ApiResources,
  watcher: JobWatcher,
  prefix: string,
  limits: Pick<RateLimiters, 'submit'>,
): RouteSpec[] {
  const policy = resources.limits;

  /** The run's limits: Piston's values, clamped to the platform's maxima (0 or absent: the default). */
  function runLimits(body: PistonExecuteRequest): EffectiveLimits {
    const cpu = body.run_cpu_time || RUN_CPU_MS;
    const timeMs = Math.min(Math.max(Math.round(cpu), 1), policy.maxTimeMs);
    const wall = body.run_timeout || RUN_TIMEOUT_MS;
    const wallTimeMs = Math.min(Math.max(Math.round(wall), 1), policy.maxTimeMs * 3 + 1_000);
    const memory = body.run_memory_limit ?? -1;
    const memoryMb =
      memory > 0
        ? Math.min(Math.max(Math.ceil(memory / 2 ** 20), 16), policy.maxMemoryMb)
        : policy.defaultMemoryMb;
    return { timeMs, wallTimeMs, memoryMb, outputBytes: policy.outputBytes };
  }

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
        const available = runtimesOf(await resources.registry.languages());
        const match = available
          .filter(
            ({ runtime }) =>
              (runtime.language === body.language || runtime.aliases.includes(body.language)) &&
              semver.satisfies(runtime.version, body.version),
          )
          .sort((a, b) => semver.rcompare(a.runtime.version, b.runtime.version))[0];
        if (match === undefined) throw message(400, `${body.language}-${body.version} runtime is unknown`);
        const { code, files } = programOf(body.files);
        const stdin = body.stdin ?? '';
        if (Buffer.byteLength(stdin) > MAX_STDIN_BYTES)
          throw message(400, `stdin is over ${MAX_STDIN_BYTES} bytes`);
        const args = body.args ?? [];
        if (args.length > 256 || args.some((arg) => arg.length > 4096))
          throw message(400, 'args: at most 256, each at most 4096 characters');
        try {
          await checkLanguageAvailable(resources.registry, match.language.id);
        } catch (error) {
          if (error instanceof HttpError) throw message(error.status, error.message);
        }
        const data: JobData = {
          jobId: randomUUID(),
          language: match.language.id,
          code,
          stdin,
          mode: 'run',
          problem: null,
          tests: [],
          userId: null,
          rejudgeOf: null,
          limits: runLimits(body),
          ...(args.length > 0 ? { args } : {}),
          ...(files.length > 0 ? { options: { files } } : {}),
          createdAt: Date.now(),
        };
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

/**
 * The program of an execute request, as Piston lays it out: the first UTF-8 file is the one run (its name
 * does not matter here: the entry file gets the language's own name); every other file goes beside it under
 * its name (Piston's default `file<i>.code` when it has none), Base64 and hex contents kept as bytes.
 */
function programOf(files: PistonExecuteRequest['files']): { code: string; files: ProgramFile[] } {
  const entry = files.findIndex((file) => file.encoding === undefined || file.encoding === 'utf8');
  if (entry < 0) throw message(400, 'files must include at least one utf8 encoded file');
  const code = files[entry]?.content ?? '';
  if (code === '') throw message(400, `files[${entry}].content must not be empty`);
  if (Buffer.byteLength(code) > MAX_CODE_BYTES)
    throw message(400, `files[${entry}] is over ${MAX_CODE_BYTES} bytes`);
  const others = files.flatMap((file, i) => {
    if (i === entry) return [];
    const name = file.name ?? `file${i}.code`;
    if (file.encoding === 'hex' && !/^(?:[0-9a-fA-F]{2})*$/.test(file.content))
      throw message(400, `files[${i}].content is not valid hex`);
    const content =
      file.encoding === 'hex' ? Buffer.from(file.content, 'hex').toString('base64') : file.content;
    return [{ name, content, encoding: file.encoding === 'hex' ? 'base64' : (file.encoding ?? 'utf8') }];
  });
  const parsed = programFilesSchema.safeParse(others);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const index = typeof issue?.path[0] === 'number' ? issue.path[0] : undefined;
    const which = index === undefined ? 'files' : `file "${others[index]?.name ?? ''}"`;
    throw message(400, `${which}: ${issue?.message ?? 'not valid'}`);
  }
  const overCap = programFilesOverCap(parsed.data);
  if (overCap !== null) throw message(400, overCap);
  return { code, files: parsed.data };
}
