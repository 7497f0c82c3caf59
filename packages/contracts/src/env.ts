/**
 * Environment schemas of every app, in one place. Each app parses `process.env`
 * once, at start-up, with its schema (`apps/<app>/src/env.ts`); defaults work on one laptop.
 */
import { z } from 'zod';
import { LANGUAGE_IDS, type LanguageId } from './languages.js';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);
const ms = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
const flag = (fallback: boolean) => z.stringbool().default(fallback);

/** `scheme://host[:port]` of an http(s) origin written without a path, else null. */
function webOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (value.replace(/\/$/, '') !== url.origin) return null;
    return url.origin;
  } catch {
    return null;
  }
}

const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  return [z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()].some((schema) => schema.safeParse(entry).success);
}

const shared = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Redis for the queue, job events and results. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key this deployment uses (the queue's too); lets deployments and tests share a Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'REDIS_PREFIX: letters, digits, _ . - only')
    .default('arbiter'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long finished results stay readable in Redis, in s. */
  RESULT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 3600),
  /** How long a job's event stream is kept after its last event, in s. */
  EVENTS_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
  /** Most events kept per job stream (older ones are trimmed). */
  EVENTS_MAX_LENGTH: z.coerce.number().int().positive().default(10_000),
  /** The problem catalog folder (default: the repository's `problems/`). */
  PROBLEMS_DIR: z.string().min(1).optional(),
  /** Time given to in-flight work on SIGINT/SIGTERM before it is cut short, in ms. */
  SHUTDOWN_GRACE_MS: ms(10_000),
  /**
   * `GET /metrics` (API and worker) answers only `Authorization: Bearer <token>` (401 otherwise).
   * Unset or empty: open when NODE_ENV=development (`npm start`), refused (403) everywhere else.
   */
  METRICS_TOKEN: z
    .union([
      z.literal('').transform(() => undefined),
      z.string().min(16, 'METRICS_TOKEN: at least 16 characters'),
    ])
    .optional(),
};

/** A mount point of a compatible API (`/judge0`), or `off`. */
const mountPoint = (fallback: string) =>
  z
    .string()
    .regex(/^(off|(\/[a-z0-9_-]+)+)$/, 'a path such as /judge0, or off')
    .default(fallback)
    .transform((value) => (value === 'off' ? null : value));
/** Space-separated tokens; unset or empty: none. */
const tokens = z
  .string()
  .default('')
  .transform((value) => value.split(/\s+/).filter(Boolean));
/** Comma-separated list; unset or empty: none. */
const list = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** The Judge0- and Piston-compatible APIs (docs/COMPAT.md), and result callbacks. */
const compatEnv = {
  /** Where the Judge0 CE API is served (`off`: not served). */
  JUDGE0_PREFIX: mountPoint('/judge0'),
  /** Judge0 authentication: the header (or query parameter) and its accepted tokens; none: open. */
  JUDGE0_AUTHN_HEADER: z.string().min(1).default('X-Auth-Token'),
  JUDGE0_AUTHN_TOKEN: tokens,
  /** Judge0 authorization for its admin routes; none: those routes answer 403. */
  JUDGE0_AUTHZ_HEADER: z.string().min(1).default('X-Auth-User'),
  JUDGE0_AUTHZ_TOKEN: tokens,
  /** Waiting jobs beyond which Judge0 submissions answer 503 "queue is full". */
  JUDGE0_MAX_QUEUE_SIZE: z.coerce.number().int().nonnegative().default(100),
  JUDGE0_ENABLE_WAIT_RESULT: flag(true),
  JUDGE0_ENABLE_BATCHED_SUBMISSIONS: flag(true),
  JUDGE0_ENABLE_SUBMISSION_DELETE: flag(false),
  /** Where the Piston v2 API is served (`off`: not served). */
  PISTON_PREFIX: mountPoint('/piston'),
  /** Attempts and timeout of a result callback (Judge0's: 3 and 5 s). */
  CALLBACK_MAX_TRIES: z.coerce.number().int().min(1).max(10).default(3),
  CALLBACK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /**
   * Hosts (`host` or `host:port`) a callback may reach although they resolve to a private,
   * loopback or link-local address; comma-separated. Empty: only public addresses.
   */
  CALLBACK_ALLOWED_HOSTS: list,
};

export const apiEnvSchema = z.object({
  ...shared,
  /** PostgreSQL (`postgres://…`); unset or empty: embedded PGlite under DATA_DIR (one API process only). */
  DATABASE_URL: z
    .string()
    .refine(
      (url) => url === '' || /^postgres(ql)?:\/\//.test(url),
      'DATABASE_URL must start with postgres://',
    )
    .optional(),
  /** PostgreSQL schema for the tables (default: public); lets deployments and tests share a database. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_SCHEMA: lowercase letters, digits and _')
    .optional(),
  /** Folder for embedded data (PGlite); `memory://` keeps it in memory. */
  DATA_DIR: z.string().min(1).default('./data'),
  HOST: z.string().default('0.0.0.0'),
  PORT: port(4000),
  /** Origins allowed by CORS and Socket.IO, comma-separated (`scheme://host[:port]`, nothing after). */
  WEB_ORIGIN: z
    .string()
    .default('http://localhost:3000,http://127.0.0.1:3000')
    .transform((value, ctx) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean)
        .map((origin) => {
          const normal = webOrigin(origin);
          if (normal === null)
            ctx.addIssue({
              code: 'custom',
              message: `WEB_ORIGIN: "${origin}" is not an origin: write http(s)://host[:port], with no path`,
            });
          return normal ?? origin;
        }),
    ),
  /**
   * Which proxies the API believes about the client (`X-Forwarded-For`, `-Proto`, `-Host`: Express's
   * `trust proxy`), comma-separated: `loopback`, `linklocal`, `uniquelocal` (the private ranges),
   * addresses or CIDR ranges; `none` believes no one. List only proxies that set those headers
   * themselves: any client that reaches the API from a trusted address can claim to be anyone, and
   * so escape the per-address rate limits.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((value, ctx) => {
      const entries = value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      if (entries.length === 1 && entries[0] === 'none') return [];
      for (const entry of entries) {
        if (!isProxyEntry(entry))
          ctx.addIssue({
            code: 'custom',
            message: `TRUST_PROXY: "${entry}" is not loopback, linklocal, uniquelocal, an IP address or a CIDR range (or use "none" alone)`,
          });
      }
      return entries;
    }),
  /** Attempts per job; only infrastructure faults are retried. */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** Completed and failed jobs are trimmed from the queue after this many s (results live on elsewhere). */
  QUEUE_KEEP_SECONDS: z.coerce.number().int().positive().default(3600),
  DEFAULT_TIME_MS: z.coerce.number().int().positive().default(2_000),
  MAX_TIME_MS: z.coerce.number().int().positive().default(15_000),
  DEFAULT_MEMORY_MB: z.coerce.number().int().positive().default(256),
  MAX_MEMORY_MB: z.coerce.number().int().positive().default(1_024),
  OUTPUT_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1 << 20),
  /** How long a sign-in lasts, in hours (fractions allowed); also the session cookie's Max-Age. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(720),
  /** Mark the session cookie `Secure` (HTTPS only). Off by default so http://localhost works. */
  COOKIE_SECURE: flag(false),
  /** `POST /submit` per signed-in account per minute, from any address (0: no limit). */
  SUBMIT_RATE_PER_MINUTE_USER: z.coerce.number().int().nonnegative().default(30),
  /**
   * `POST /submit` without a sign-in per client address per minute (0: no limit). Everyone behind
   * one NAT shares it, hence generous; signed-in requests count against their account instead.
   */
  SUBMIT_RATE_PER_MINUTE_IP: z.coerce.number().int().nonnegative().default(240),
  /** `POST /auth/login` and `/auth/signup` attempts together per client address per minute (0: no limit). */
  AUTH_RATE_PER_MINUTE_IP: z.coerce.number().int().nonnegative().default(60),
  /** `POST /auth/signup` attempts per client address per hour (0: no limit). */
  SIGNUP_RATE_PER_HOUR_IP: z.coerce.number().int().nonnegative().default(60),
  /** Failed sign-ins per client address per hour, any usernames (0: no limit). */
  LOGIN_FAILURES_PER_HOUR_IP: z.coerce.number().int().nonnegative().default(200),
  /** Failed sign-ins per username and client address per hour; a success clears it (0: no limit). */
  LOGIN_FAILURES_PER_HOUR_USER_IP: z.coerce.number().int().nonnegative().default(10),
  /** Failed sign-ins per username per hour, all addresses together (0: no limit). */
  LOGIN_FAILURES_PER_HOUR_USER: z.coerce.number().int().nonnegative().default(50),
  /** Largest problem package zip `POST /admin/problems` takes, in MiB. */
  PACKAGE_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(256).default(64),
  /** How often one API instance checks unfinished submissions against the queue, in ms (0: never). */
  RECONCILE_INTERVAL_MS: ms(30_000),
  /** A submission unfinished for this long is checked: queued again if Redis lost it, in ms. */
  RECONCILE_AFTER_MS: ms(60_000),
  /** A results stream entry pending this long on an API instance (one that died) is taken over, in ms. */
  RESULTS_CLAIM_IDLE_MS: ms(15_000),
  /** First wait before a result that could not be saved is tried again (doubling each time), in ms. */
  RESULTS_RETRY_MS: ms(1_000),
  ...compatEnv,
});
export type ApiEnv = z.infer<typeof apiEnvSchema>;

export const workerEnvSchema = z.object({
  ...shared,
  /** Jobs run at once by this worker process; default: the number of cores. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  /** Unique name of this worker in logs and the live-worker registry; default: host-pid. */
  WORKER_ID: z.string().min(1).max(128).optional(),
  /**
   * The languages this worker may offer, comma-separated ids (e.g. `python,cpp`); default: every language
   * whose toolchain it finds. Others are not even probed: a worker pool can be split by language, and a slow
   * machine starts without probing and self-testing toolchains it will not use.
   */
  WORKER_LANGUAGES: z
    .string()
    .transform((value, ctx) => {
      const ids = value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      const unknown = ids.filter((id) => !(LANGUAGE_IDS as readonly string[]).includes(id));
      if (unknown.length > 0 || ids.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message:
            ids.length === 0
              ? 'name at least one language id'
              : `unknown language id(s) ${unknown.join(', ')}; known: ${LANGUAGE_IDS.join(', ')}`,
        });
        return z.NEVER;
      }
      return [...new Set(ids)] as LanguageId[];
    })
    .optional(),
  /**
   * `none` runs code WITHOUT isolation and is refused unless NODE_ENV=development
   * or ALLOW_UNSANDBOXED=true.
   */
  SANDBOX: z.enum(['bwrap', 'none']).default('bwrap'),
  ALLOW_UNSANDBOXED: flag(false),
  /**
   * Which sandbox instance (cgroup folder, work root, uid range) this worker takes; by default
   * the first one no live worker on the host holds.
   */
  SANDBOX_INSTANCE: z.coerce.number().int().min(0).max(31).optional(),
  /** First uid of sandbox cells; instance n uses the 300 uids from base + 300 n. They must be unused on the host. */
  SANDBOX_UID_BASE: z.coerce.number().int().min(1000).max(4_000_000_000).default(10_001),
  /** Folder holding the sandbox work roots (default: the system temp folder). */
  SANDBOX_WORK_ROOT: z.string().startsWith('/').optional(),
  /** A job whose worker stops renewing its lock for this long is handed to another worker, in ms. */
  JOB_LOCK_MS: ms(30_000),
  /** How often a worker looks for stalled jobs, in ms. */
  STALLED_INTERVAL_MS: ms(30_000),
  /** Folder for what the worker builds once and keeps across restarts (the precompiled C++ header). */
  CACHE_DIR: z.string().min(1).optional(),
  /**
   * CPU limit of a compile step in ms (its wall clock: twice that); raise it on a slow host (an emulated
   * machine) where compilers start slowly.
   */
  COMPILE_TIME_MS: z.coerce.number().int().min(1_000).max(600_000).default(15_000),
  /** Memory for compiled programs kept between jobs, in MiB (0: no cache). */
  COMPILE_CACHE_MB: z.coerce.number().int().nonnegative().default(256),
  /** Disk for imported problem packages kept between jobs (under CACHE_DIR/packages), in MiB. */
  PACKAGE_CACHE_MB: z.coerce.number().int().min(1).default(1024),
  /** Heartbeat period of the live-worker registry, in ms. */
  HEARTBEAT_MS: ms(5_000),
  /** Port of the worker's `GET /metrics` and `GET /health` server (9100 in production); unset: none; 0: any free port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
});
export type WorkerEnv = z.infer<typeof workerEnvSchema>;

/** Parse an environment, throwing one readable error that names every bad variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${problems.join('\n')}`);
}
