/** SQL (SQLite): what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const sqlMeta = {
  id: 'sql',
  name: 'SQL (SQLite)',
  extensions: ['.sql'],
  monaco: 'sql',
  debian: ['sqlite3'],
  stdioStarter: 'SELECT line FROM input;\n',
  sample:
    "SELECT CAST(substr(line, 1, instr(line, ' ') - 1) AS INTEGER) + CAST(substr(line, instr(line, ' ') + 1) AS INTEGER)\nFROM input\nWHERE n = 1;\n",
  samples: {
    hello: "SELECT 'hello';\n",
    compileError: "SELEC 'broken';\n",
    runtimeError: "SELECT 'before';\nSELECT abs(-9223372036854775808);\n",
    timeLimit: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)\nSELECT count(*) FROM c;\n',
    memoryLimit:
      'CREATE TABLE t(b BLOB);\nWITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)\nINSERT INTO t SELECT randomblob(1 << 20) FROM c;\n',
  },
} as const satisfies LanguageMeta;
