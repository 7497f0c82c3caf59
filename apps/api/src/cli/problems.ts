/**
 * Problem packages from a shell, against the same database as the API (same environment:
 * DATABASE_URL, DATABASE_SCHEMA, DATA_DIR, PROBLEMS_DIR):
 *
 *   npm run problems -- import <folder-or-zip> [--slug S] [--wait SECONDS | --no-verify]
 *   npm run problems -- list
 *
 * An import of a slug that exists adds a version; jobs already queued keep theirs. With embedded PGlite
 * the API must be stopped first (one process per data folder); with PostgreSQL it may run. The package's
 * labelled submissions are queued for a worker to verify (REDIS_URL); `--wait` waits for its findings,
 * prints them and stores them with the version (the API's result persister stores them too when it runs).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isFinalStatus, problemSlugSchema, type PackageVerification } from '@arbiter/contracts';
import { DataDirLockedError, type Database, type ProblemVersion } from '@arbiter/db';
import { createLogger } from '@arbiter/observability';
import {
  formatPackageIssue,
  PackageError,
  packageFromFolder,
  packageFromZip,
} from '@arbiter/problem-package';
import { CATALOG_ROOT, loadCatalog } from '@arbiter/problems';
import { openApiDatabase } from '../database.js';
import { loadEnv, type ApiEnv } from '../env.js';
import {
  createKeys,
  createRedis,
  createSubmissionQueue,
  JobEventLog,
  JobStore,
  PackageBlobs,
} from '@arbiter/queue';
import { limitPolicy } from '../limit-policy.js';
import { queueVerification } from '../problems/verification-job.js';
import { importPackage, SlugRefusedError } from '../problems/import-package.js';

const USAGE = `Usage:
  npm run problems -- import <folder-or-zip> [--slug S]   import a problem package (a new version if S exists)
        [--wait SECONDS]    wait up to SECONDS for a worker to verify its submissions, and print the findings
        [--no-verify]       do not queue the verification (no Redis needed)
  npm run problems -- list                                 imported problems with their latest version
`;

type Command =
  { name: 'list' } | { name: 'import'; path: string; slug?: string; verify: boolean; waitSeconds?: number };

class UsageError extends Error {}

function parseArgs(args: string[]): Command {
  const [name, ...rest] = args;
  if (name === 'list') {
    if (rest.length > 0) throw new UsageError(`Unexpected arguments: ${rest.join(' ')}`);
    return { name };
  }
  if (name !== 'import') throw new UsageError(`Unknown command "${name ?? ''}".`);
  let path: string | undefined;
  let slug: string | undefined;
  let verify = true;
  let waitSeconds: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--no-verify') verify = false;
    else if (arg === '--wait') {
      waitSeconds = Number(rest[++i]);
      if (!Number.isFinite(waitSeconds) || waitSeconds <= 0)
        throw new UsageError('--wait needs a number of seconds.');
    } else if (arg === '--slug') {
      slug = rest[++i];
      if (slug === undefined) throw new UsageError('--slug needs a value.');
      const parsed = problemSlugSchema.safeParse(slug);
      if (!parsed.success)
        throw new UsageError(`--slug "${slug}": lowercase letters, digits and single hyphens.`);
    } else if (path === undefined) path = arg;
    else throw new UsageError(`Unexpected argument: ${arg}`);
  }
  if (path === undefined) throw new UsageError('import needs the package folder or zip.');
  if (!verify && waitSeconds !== undefined)
    throw new UsageError('--wait and --no-verify exclude each other.');
  return {
    name,
    path,
    verify,
    ...(slug === undefined ? {} : { slug }),
    ...(waitSeconds === undefined ? {} : { waitSeconds }),
  };
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function run(database: Database, command: Command, env: ApiEnv): Promise<void> {
  const problemsDir = env.PROBLEMS_DIR ?? CATALOG_ROOT;
  if (command.name === 'list') {
    const rows = await database.problems.list();
    if (rows.length === 0) out('No imported problems yet.');
    for (const row of rows) out(`${row.slug}  v${row.version}  ${row.sha256.slice(0, 12)}  ${row.title}`);
    return;
  }
  const info = await stat(command.path);
  const files = info.isDirectory()
    ? await packageFromFolder(command.path)
    : await packageFromZip(await readFile(command.path));
  const catalog = await loadCatalog(problemsDir);
  const result = await importPackage(database, files, {
    ...(command.slug === undefined ? {} : { slug: command.slug }),
    fallbackSlug: basename(command.path).replace(/\.zip$/i, ''),
    isBuiltIn: (slug) => catalog.has(slug),
  });
  out(
    `${result.replaced ? 'Replaced' : 'Imported'} ${result.slug} as version ${result.version} (sha256 ${result.sha256}).`,
  );
  for (const line of result.report.found) out(`  found: ${line}`);
  for (const line of result.report.unsupported) out(`  unsupported: ${line}`);
  for (const line of result.report.warnings) out(`  warning: ${line}`);
  if (!command.verify) return;
  const version = await database.problems.version(result.slug, result.version);
  if (version === null) return;
  const verification = await verifyFromCli(database, version, env, command.waitSeconds);
  printVerification(verification);
}

/** Queues the verification job; with `waitSeconds`, waits for its findings and stores them. */
async function verifyFromCli(
  database: Database,
  version: ProblemVersion,
  env: ApiEnv,
  waitSeconds: number | undefined,
): Promise<PackageVerification> {
  const redis = createRedis(env.REDIS_URL, { name: 'problems-cli' });
  const keys = createKeys(env.REDIS_PREFIX);
  const queue = createSubmissionQueue({
    connection: redis,
    prefix: env.REDIS_PREFIX,
    attempts: env.JOB_ATTEMPTS,
    keepSeconds: env.QUEUE_KEEP_SECONDS,
  });
  const store = new JobStore({ redis, keys, ttlSeconds: env.RESULT_TTL_SECONDS });
  try {
    const queued = await queueVerification(
      {
        redis,
        prefix: env.REDIS_PREFIX,
        queue,
        store,
        events: new JobEventLog({
          redis,
          keys,
          maxLength: env.EVENTS_MAX_LENGTH,
          ttlSeconds: env.EVENTS_TTL_SECONDS,
        }),
        packages: new PackageBlobs({ redis, keys }),
        db: database,
        limits: limitPolicy(env),
      },
      version,
      null,
    );
    out(`  verification queued as job ${queued.jobId ?? '?'}`);
    if (waitSeconds === undefined || queued.jobId === undefined) return queued;
    const deadline = Date.now() + waitSeconds * 1000;
    for (;;) {
      const record = await store.get(queued.jobId);
      if (record !== null && isFinalStatus(record.status)) {
        const found = record.verification ?? {
          ...queued,
          status: 'failed' as const,
          error: record.error ?? 'the verification job failed',
        };
        await database.problems.setVerification(
          version.slug,
          version.version,
          { ...found, jobId: queued.jobId },
          queued.jobId,
        );
        return found;
      }
      if (Date.now() > deadline) return queued;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await queue.close().catch(() => undefined);
    redis.disconnect();
  }
}

function printVerification(verification: PackageVerification): void {
  if (verification.status === 'queued') {
    out('  verification: queued (a worker will judge the submissions; see GET /admin/problems/<slug>)');
    return;
  }
  if (verification.status === 'failed') {
    out(`  verification failed: ${verification.error ?? 'unknown error'}`);
    return;
  }
  const limit = verification.timeLimit;
  if (limit !== undefined) {
    const slowest =
      limit.slowestAcceptedMs === undefined
        ? ''
        : `, slowest accepted case ${Math.round(limit.slowestAcceptedMs)} ms`;
    out(`  time limit: ${limit.seconds} s (${limit.source}${slowest}; margin ${limit.marginSeconds} s)`);
  }
  for (const validator of verification.inputValidation?.validators ?? []) {
    out(
      validator.status === 'ran'
        ? `  input validator ${validator.name}: ran on ${validator.cases ?? 0} inputs`
        : `  input validator ${validator.name}: ${validator.status} ${validator.message ?? ''}`,
    );
  }
  for (const bad of verification.inputValidation?.invalid ?? []) {
    out(`  bad data: ${bad.file} refused by ${bad.validator}: ${bad.message.split('\n')[0] ?? ''}`);
  }
  for (const sub of verification.submissions) {
    const got =
      sub.got === null
        ? 'not judged'
        : `got ${sub.got}${sub.gotWithMargin !== sub.got && sub.gotWithMargin !== null ? ` (${sub.gotWithMargin} with the margin)` : ''}`;
    const note = sub.note === undefined ? '' : ` (${sub.note})`;
    out(
      `  ${sub.ok ? 'ok  ' : 'FAIL'} ${sub.path} [${sub.language ?? '-'}]: expected ${sub.expected.join('/') || '-'}, ${got}${note}`,
    );
  }
  out(
    `  verification: ${verification.submissions.every((sub) => sub.ok) ? 'every submission got its label' : 'some submissions did not get their label'}${verification.inputValidation?.ok === false ? '; some inputs are bad data or a validator could not run' : ''}`,
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === 'help' || args[0] === '--help') {
    process.stdout.write(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  let command: Command;
  try {
    command = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}`);
    return 2;
  }
  const env = loadEnv();
  let database: Database;
  try {
    database = await openApiDatabase(env, createLogger({ service: 'problems', level: 'warn' }));
  } catch (error) {
    if (error instanceof DataDirLockedError)
      throw new Error(
        `${error.message}\nStop the API first: embedded PGlite allows one process per folder.`,
        {
          cause: error,
        },
      );
    throw error;
  }
  try {
    await run(database, command, env);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      process.stderr.write(
        `${command.name === 'import' ? command.path : ''}: not a package Arbiter can import:\n`,
      );
      for (const issue of error.issues) process.stderr.write(`  ${formatPackageIssue(issue)}\n`);
      return 1;
    }
    if (error instanceof SlugRefusedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
