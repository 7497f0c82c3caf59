/**
 * drizzle-kit configuration: `npm run db:generate -w @arbiter/db` diffs `src/schema` against the
 * last snapshot in `migrations/meta` and writes the next SQL migration. No database is needed.
 */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
