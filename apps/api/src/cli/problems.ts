/**
 * Problem packages from a shell, against the same database as the API (same environment:
 * DATABASE_URL, DATABASE_SCHEMA, DATA_DIR, PROBLEMS_DIR):
 *
 *   npm run problems -- import <folder-or-zip> [--slug S]
 *   npm run problems -- list
 *
 * An import of a slug that exists adds a version; jobs already queued keep theirs. With embedded PGlite
 * the API must be stopped first (one process per data folder); with PostgreSQL it may run.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { problemSlugSchema } from '@arbiter/contracts';
import { DataDirLockedError, type Database } from '@arbiter/db';
import { createLogger } from '@arbiter/observability';
import {
  formatPackageIssue,
  PackageError,
  packageFromFolder,
  packageFromZip,
} from '@arbiter/problem-package';
import { CATALOG_ROOT, loadCatalog } from '@arbiter/problems';
import { openApiDatabase } from '../database.js';
import { loadEnv } from '../env.js';
import { importPackage, SlugRefusedError } from '../problems/import-package.js';

const USAGE = `Usage:
  npm run problems -- import <folder-or-zip> [--slug S]   import a problem package (a new version if S exists)
  npm run problems -- list                                 imported problems with their latest version
`;

type Command = { name: 'list' } | { name: 'import'; path: string; slug?: string };

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
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--slug') {
      slug = rest[++i];
      if (slug === undefined) throw new UsageError('--slug needs a value.');
      const parsed = problemSlugSchema.safeParse(slug);
      if (!parsed.success)
        throw new UsageError(`--slug "${slug}": lowercase letters, digits and single hyphens.`);
    } else if (path === undefined) path = arg;
    else throw new UsageError(`Unexpected argument: ${arg}`);
  }
  if (path === undefined) throw new UsageError('import needs the package folder or zip.');
  return { name, path, ...(slug === undefined ? {} : { slug }) };
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function run(database: Database, command: Command, problemsDir: string): Promise<void> {
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
    await run(database, command, env.PROBLEMS_DIR ?? CATALOG_ROOT);
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
