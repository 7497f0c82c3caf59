/**
 * Run by `npm run db:generate` after drizzle-kit: removes the `"public".` qualifier drizzle-kit
 * writes in foreign-key references, so a migration creates every table in the schema that
 * `search_path` names (`public` in production, a private schema per test file).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../migrations/', import.meta.url));

for (const name of await readdir(folder)) {
  if (!name.endsWith('.sql')) continue;
  const path = `${folder}${name}`;
  const sql = await readFile(path, 'utf8');
  const unqualified = sql.replaceAll('"public".', '');
  if (unqualified !== sql) {
    await writeFile(path, unqualified);
    process.stdout.write(`unqualified: migrations/${name}\n`);
  }
}
