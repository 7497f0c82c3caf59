/**
 * Account administration from a shell, against the same database as the API (same environment:
 * DATABASE_URL, DATABASE_SCHEMA, DATA_DIR):
 *
 *   npm run admin -- list
 *   npm run admin -- promote <username>
 *   npm run admin -- demote <username>
 *   npm run admin -- set-role <username> <admin|organiser|teacher|user>
 *
 * Roles are read from the database on every request, so a change applies to existing sessions at
 * once. With embedded PGlite the API must be stopped first (one process per data folder).
 */
import { createLogger } from '@arbiter/observability';
import { ROLE_NAMES, parseRoleName, type UserRole } from '@arbiter/contracts';
import { DataDirLockedError, schema, type Database } from '@arbiter/db';
import { changeRole, describeRole } from '../auth/change-role.js';
import { openApiDatabase } from '../database.js';
import { loadEnv } from '../env.js';

const USAGE = `Usage:
  npm run admin -- list                 every account with its role
  npm run admin -- promote <username>   make an account an admin
  npm run admin -- demote <username>    make an admin (or organiser) a plain user
  npm run admin -- set-role <username> <role>
                                        roles: admin, organiser (or teacher), user
`;

type Command = { name: 'list' } | { name: 'set-role'; username: string; role: UserRole };

class UsageError extends Error {}

/** The command the arguments name, checked before the database is opened. */
function parseArgs(args: string[]): Command {
  const [name, username, ...rest] = args;
  if (name === 'set-role') {
    const [roleName, ...extra] = rest;
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    if (!username || roleName === undefined) throw new UsageError('set-role needs a username and a role.');
    const role = parseRoleName(roleName);
    if (role === null) throw new UsageError(`Unknown role "${roleName}": one of ${ROLE_NAMES.join(', ')}.`);
    return { name, username, role };
  }
  if (rest.length > 0) throw new UsageError(`Unexpected arguments: ${rest.join(' ')}`);
  if (name === 'list') {
    if (username !== undefined) throw new UsageError(`Unexpected argument: ${username}`);
    return { name };
  }
  if (name !== 'promote' && name !== 'demote') throw new UsageError(`Unknown command "${name ?? ''}".`);
  if (!username) throw new UsageError(`${name} needs a username.`);
  return { name: 'set-role', username, role: name === 'promote' ? 'admin' : 'user' };
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function listUsers(database: Database) {
  const { users } = schema;
  return database.db
    .select({ username: users.username, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(users.createdAt, users.username);
}

async function run(database: Database, command: Command): Promise<void> {
  if (command.name === 'list') {
    const rows = await listUsers(database);
    if (rows.length === 0) {
      out('No accounts yet. The first one to sign up becomes an admin.');
      return;
    }
    const width = Math.max(8, ...rows.map((row) => row.username.length));
    out(`${'username'.padEnd(width)}  role       created`);
    for (const row of rows)
      out(`${row.username.padEnd(width)}  ${row.role.padEnd(9)}  ${row.createdAt.toISOString()}`);
    return;
  }
  const change = await changeRole(database, command.username, command.role);
  switch (change.outcome) {
    case 'no-such-user':
      throw new Error(`No account named "${command.username}". See: npm run admin -- list`);
    case 'last-admin':
      throw new Error(`${change.user.username} is the only admin; promote someone else first.`);
    case 'unchanged':
      out(`${change.user.username} is already ${describeRole(command.role)}.`);
      return;
    case 'changed':
      out(`${change.user.username} is now ${describeRole(command.role)}.`);
  }
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
  let database: Database;
  try {
    const env = loadEnv();
    database = await openApiDatabase(env, createLogger({ service: 'admin', level: 'warn' }));
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
    await run(database, command);
    return 0;
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
