/** SQL on SQLite (Debian's sqlite3): the program is a script run on an empty in-memory database (or on the file `db.sqlite` sent beside it); stdin is its table `input(n, line)`, one row per line numbered from 1; each query prints its rows, columns separated by `|`. */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

/**
 * Run before the program: stdin as the table `input(n, line)`, one row per line (numbered from 1), read once
 * through the shell's `readfile`. A temporary table, in memory: a `db.sqlite` sent beside the program is not
 * written to for it, and a table `input` of its own is hidden, not clashed with.
 */
const SQL_INPUT = `PRAGMA temp_store = MEMORY;
CREATE TEMP TABLE input AS WITH RECURSIVE
  lines(n, line, rest) AS (
    SELECT 0, NULL, CAST(readfile('/dev/stdin') AS TEXT)
    UNION ALL
    SELECT n + 1, substr(rest, 1, instr(rest || char(10), char(10)) - 1), substr(rest, instr(rest || char(10), char(10)) + 1)
    FROM lines WHERE rest <> ''
  )
  SELECT n, line FROM lines WHERE n > 0;
`;

export const sqlRecipe: LanguageRecipe = {
  id: 'sql',
  prepare: async (code) => ({ files: { 'input.sql': SQL_INPUT, 'main.sql': code } }),
  run: (files) => [
    '/usr/bin/sqlite3',
    '-batch',
    '-bail',
    '-init',
    '/dev/null',
    // A database sent beside the program (Judge0's `additional_files` name it `db.sqlite`), else an empty one.
    'db.sqlite' in files ? 'db.sqlite' : ':memory:',
    '.read input.sql',
    '.read main.sql',
  ],
  classify: outOfMemory(/out of memory/i),
  version: {
    argv: ['/usr/bin/sqlite3', '--version'],
    parse: (out) => /^(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
