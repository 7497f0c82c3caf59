/** SQL on SQLite (Debian's sqlite3): the program is a script run on an empty in-memory database; stdin is its table `input(n, line)`, one row per line numbered from 1; each query prints its rows, columns separated by `|`. */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

/**
 * Run before the program: stdin as the table `input(n, line)`, one row per line (numbered from 1), read once
 * through the shell's `readfile`.
 */
const SQL_INPUT = `CREATE TABLE input AS WITH RECURSIVE
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
  run: () => [
    '/usr/bin/sqlite3',
    '-batch',
    '-bail',
    '-init',
    '/dev/null',
    ':memory:',
    '.read input.sql',
    '.read main.sql',
  ],
  classify: outOfMemory(/out of memory/i),
  version: {
    argv: ['/usr/bin/sqlite3', '--version'],
    parse: (out) => /^(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
