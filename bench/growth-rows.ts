/**
 * Cost growth with the submissions table: a job's writes (insert, running, finish) and the reads around
 * it (percentile, a user's history, the admin list, problem statistics, counts) timed on PostgreSQL with a
 * near-empty table, then again after 1 M generated rows (real distributions: 1,000 users, 41 problems, six
 * languages, a third accepted). In a schema of its own, dropped at the end.
 *
 *   npx tsx bench/growth-rows.ts [rows, default 1000000] [repetitions, default 200]
 *   DATABASE_URL=postgres://…     the server (default postgres://postgres@127.0.0.1:5432/test)
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@arbiter/db';
import type { JobResult } from '@arbiter/contracts';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const REPS = Number(process.argv[3] ?? 200);
const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `bench_rows_${process.pid}`;
const USERS = 1_000;
const SLUGS = Array.from({ length: 41 }, (_, i) => `problem-${i}`);
const LANGUAGES = ['python', 'cpp', 'java', 'javascript', 'go', 'rust'] as const;

function percentiles(values: number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

async function timed(run: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < REPS; i += 1) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

function result(jobId: string, userId: string, slug: string): JobResult {
  const now = new Date().toISOString();
  return {
    jobId,
    status: 'completed',
    language: 'python',
    mode: 'submit',
    problem: slug,
    userId,
    verdict: 'ACCEPTED',
    stdout: '',
    stderr: '',
    compileOutput: '',
    exitCode: 0,
    signal: null,
    timeMs: 12,
    wallTimeMs: 20,
    memoryKb: 9_000,
    tests: [],
    passed: 10,
    total: 10,
    failedTest: null,
    percentile: null,
    limits: { timeMs: 2000, wallTimeMs: 7000, memoryMb: 256, outputBytes: 1 << 20 },
    error: null,
    worker: 'bench',
    attempts: 1,
    lastSeq: 3,
    createdAt: now,
    startedAt: now,
    finishedAt: now,
  };
}

type Measured = Record<string, { p50: number; p95: number }>;

async function measure(database: Database, userIds: string[]): Promise<Measured> {
  const { submissions, stats } = database;
  const user = (i: number) => userIds[i % userIds.length] ?? '';
  const slug = (i: number) => SLUGS[i % SLUGS.length] ?? '';
  return {
    "a job's writes (insert, running, finish)": await timed(async (i) => {
      const id = randomUUID();
      await submissions.insertQueued({
        id,
        userId: user(i),
        problemSlug: slug(i),
        language: 'python',
        mode: 'submit',
        code: 'print(1)',
      });
      await submissions.markRunning(id, { startedAt: new Date(), worker: 'bench' });
      await submissions.finish(id, result(id, user(i), slug(i)));
    }),
    'percentile of an accepted submit': await timed((i) =>
      stats.percentile({ problem: slug(i), language: 'python', timeMs: 12, memoryKb: 9_000 }),
    ),
    "a user's history, first page": await timed((i) =>
      submissions.listSubmissions({ userId: user(i), limit: 20 }),
    ),
    "a user's history of one problem": await timed((i) =>
      submissions.listSubmissions({ userId: user(i), problem: slug(i), limit: 20 }),
    ),
    'admin list, first page, one verdict': await timed(() =>
      submissions.listAll({ limit: 50, verdict: 'WRONG_ANSWER' }),
    ),
    'problem list statistics (41 problems)': await timed(() => stats.problemStats(SLUGS)),
    "a user's solved problems (profile)": await timed((i) => stats.solvedBy(user(i))),
  };
}

async function generate(client: pg.Client, userIds: string[]): Promise<number> {
  const started = performance.now();
  // One statement per 100,000 rows: each a few seconds, progress visible.
  for (let from = 0; from < ROWS; from += 100_000) {
    const to = Math.min(ROWS, from + 100_000) - 1;
    await client.query(
      `insert into submissions (id, user_id, problem_slug, language, mode, code, status, verdict, time_ms,
         memory_kb, tests_passed, tests_total, created_at, started_at, finished_at)
       select md5('row' || i), ($1::text[])[1 + ((i * 7919) % ${USERS})::int], 'problem-' || ((i * 31) % 41),
         ($2::text[])[1 + (i % 6)::int], case when i % 4 = 0 then 'run' else 'submit' end, 'print(1)', 'completed',
         (array['ACCEPTED','ACCEPTED','WRONG_ANSWER','TIME_LIMIT_EXCEEDED','RUNTIME_ERROR','COMPILE_ERROR'])[1 + ((i * 13) % 6)::int],
         ((i * 17) % 900) / 7.0, (4000 + (i * 23) % 60000)::int, ((i * 3) % 11)::int, 10,
         now() - make_interval(secs => i * 2), now() - make_interval(secs => i * 2),
         now() - make_interval(secs => i * 2)
       from generate_series($3::bigint, $4::bigint) as i`,
      [userIds, LANGUAGES, from, to],
    );
    process.stderr.write(`  ${to + 1} rows\n`);
  }
  await client.query('analyze submissions');
  return performance.now() - started;
}

async function main(): Promise<void> {
  const database = await openDatabase({ url: URL, schema: SCHEMA });
  const client = new pg.Client({ connectionString: URL, options: `-c search_path=${SCHEMA}` });
  await client.connect();
  try {
    const userIds: string[] = [];
    for (let i = 0; i < USERS; i += 1)
      userIds.push((await database.users.createUser({ username: `bench${i}`, passwordHash: 'h' })).id);
    process.stderr.write('near-empty table\n');
    const before = await measure(database, userIds);
    process.stderr.write(`generating ${ROWS} rows\n`);
    const generateMs = await generate(client, userIds);
    process.stderr.write('full table\n');
    const after = await measure(database, userIds);
    const size = await client.query<{ total: string; table: string }>(
      `select pg_size_pretty(pg_total_relation_size('submissions')) as total,
              pg_size_pretty(pg_relation_size('submissions')) as table`,
    );
    const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim();
    console.log(
      `\nPostgreSQL, ${REPS} repetitions each (ms); ${ROWS.toLocaleString('en')} rows generated in ${(generateMs / 1000).toFixed(0)} s; ` +
        `table ${size.rows[0]?.table}, with indexes ${size.rows[0]?.total}; load ${load}\n`,
    );
    console.log(
      `| operation | p50 empty | p95 empty | p50 at ${ROWS.toLocaleString('en')} | p95 at ${ROWS.toLocaleString('en')} |`,
    );
    console.log('|---|--:|--:|--:|--:|');
    for (const [name, empty] of Object.entries(before)) {
      const full = after[name];
      console.log(
        `| ${name} | ${empty.p50.toFixed(2)} | ${empty.p95.toFixed(2)} | ${full?.p50.toFixed(2)} | ${full?.p95.toFixed(2)} |`,
      );
    }
  } finally {
    await client.query(`drop schema if exists ${SCHEMA} cascade`).catch(() => undefined);
    await client.end();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
