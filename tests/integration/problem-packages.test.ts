/**
 * Imported problem packages end to end, on real Redis, PostgreSQL and the sandbox: the import API (201 new,
 * 200 new version, 4xx naming the file, admins only, size cap), export round trip, the CLI, versions pinned
 * per job, and judging through POST /submit by the specification: order of test cases, the default
 * validator's flags, limits from problem.yaml, and a C++ custom output validator with its own header.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { importedProblemListSchema, importProblemResponseSchema, type JobResult } from '@arbiter/contracts';
import { packageFromFolder } from '@arbiter/problem-package';
import type { RunningWorker } from '@arbiter/worker';
import {
  databaseEnv,
  post,
  REDIS_URL,
  ROOT,
  signUp,
  startWorkerInProcess,
  waitForResult,
} from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';

const FIXTURES = fileURLToPath(new URL('../../packages/problem-package/test/fixtures/', import.meta.url));
/** Each test judges a few programs in the sandbox, on a machine other suites share. */
const TIMEOUT = scaledMs(240_000);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// No worker at first: the pinning test queues jobs before any worker runs.
const platform = usePlatform({
  api: { AUTH_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0', PACKAGE_UPLOAD_MAX_MB: '1' },
  worker: false,
});
let admin: string;
let user: string;
let worker: RunningWorker | undefined;
let cacheDir: string;

beforeAll(async () => {
  admin = await signUp(platform.url, 'package-admin');
  user = await signUp(platform.url, 'package-user');
  cacheDir = await mkdtemp(join(tmpdir(), 'arbiter-package-cache-'));
  // The sandbox's cells read the precompiled C++ header from under it.
  await chmod(cacheDir, 0o755);
});
afterAll(async () => {
  await worker?.stop(2_000);
  await rm(cacheDir, { recursive: true, force: true });
});

async function fixtureZip(name: string): Promise<Buffer> {
  return writeZip(await packageFromFolder(join(FIXTURES, name)));
}

function upload(zip: Buffer, query = '', cookie = admin, type = 'application/zip'): Promise<Response> {
  return fetch(`${platform.url}/admin/problems${query}`, {
    method: 'POST',
    headers: { 'content-type': type, cookie },
    body: zip,
  });
}

/** A tiny package whose one secret answer is `answer`. */
function tinyPackage(answer: string): Promise<Buffer> {
  return writeZip([
    { path: 'problem.yaml', bytes: 'name: Tiny\nlimits:\n  time_limit: 2\n' },
    { path: 'data/secret/1.in', bytes: '\n' },
    { path: 'data/secret/1.ans', bytes: `${answer}\n` },
  ]);
}

async function submitAs(cookie: string, body: Record<string, unknown>): Promise<string> {
  const answer = await post(platform.url, '/submit', { mode: 'submit', ...body }, { cookie });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return (answer.body as { jobId: string }).jobId;
}

async function judged(cookie: string, body: Record<string, unknown>): Promise<JobResult> {
  const jobId = await submitAs(cookie, body);
  return waitForResult(platform.url, jobId, scaledMs(120_000), cookie);
}

function startTestWorker(): Promise<RunningWorker> {
  return startWorkerInProcess(platform.prefix, { CACHE_DIR: cacheDir, PACKAGE_CACHE_MB: '64' });
}

describe('importing packages', () => {
  it(
    'refuses signed-out clients, plain users, other media types and zips over the cap',
    async () => {
      const zip = await fixtureZip('judge-order');
      expect((await upload(zip, '', '')).status).toBe(401);
      expect((await upload(zip, '', user)).status).toBe(403);
      const wrongType = await upload(zip, '', admin, 'application/octet-stream');
      expect(wrongType.status).toBe(415);
      expect(((await wrongType.json()) as { error: { code: string } }).error.code).toBe(
        'UNSUPPORTED_MEDIA_TYPE',
      );
      const big = await upload(Buffer.alloc(1024 * 1024 + 1, 1));
      expect(big.status).toBe(413);
    },
    TIMEOUT,
  );

  it(
    'answers 400 naming the file and the problem for a bad package, 409 for a built-in slug',
    async () => {
      const bad = await writeZip([
        { path: 'problem.yaml', bytes: 'name: Broken\n' },
        { path: 'data/secret/1.in', bytes: '1\n' },
      ]);
      const answer = await upload(bad, '?slug=broken');
      expect(answer.status).toBe(400);
      const body = (await answer.json()) as { error: { code: string; message: string; details: string[] } };
      expect(body.error.code).toBe('INVALID_PACKAGE');
      expect(body.error.message).toContain('problem "broken"');
      expect(body.error.details).toContain('data/secret/1.in: has no 1.ans beside it');

      const flags = await writeZip([
        { path: 'problem.yaml', bytes: 'name: Flags\nvalidator_flags: float_tolerance x\n' },
        { path: 'data/secret/1.in', bytes: '1\n' },
        { path: 'data/secret/1.ans', bytes: '1\n' },
      ]);
      const flagged = (await (await upload(flags)).json()) as { error: { details: string[] } };
      expect(flagged.error.details[0]).toMatch(/^problem\.yaml: validator flags/);

      const builtIn = await upload(await tinyPackage('1'), '?slug=a-plus-b');
      expect(builtIn.status).toBe(409);
    },
    TIMEOUT,
  );

  it(
    'imports (201), adds a version on re-import (200), lists and exports byte for byte',
    async () => {
      const zip = await fixtureZip('judge-order');
      const first = await upload(zip);
      expect(first.status).toBe(201);
      const created = importProblemResponseSchema.parse(await first.json());
      expect(created).toMatchObject({ slug: 'judge-order', version: 1, title: 'Judge Order' });
      expect(created.report.found).toContain('time limit 1 s');

      const again = await upload(zip);
      expect(again.status).toBe(200);
      const replaced = importProblemResponseSchema.parse(await again.json());
      expect(replaced.version).toBe(2);
      // The same files: the same stored content.
      expect(replaced.sha256).toBe(created.sha256);

      const exported = await fetch(`${platform.url}/admin/problems/judge-order/package`, {
        headers: { cookie: admin },
      });
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toBe('application/zip');
      const bytes = Buffer.from(await exported.arrayBuffer());
      expect(sha256(bytes)).toBe(created.sha256);
      expect(exported.headers.get('etag')).toBe(`"${created.sha256}"`);
      // Exported, imported again under another slug: the same package.
      const copy = importProblemResponseSchema.parse(
        await (await upload(bytes, '?slug=judge-order-copy')).json(),
      );
      expect(copy.sha256).toBe(created.sha256);
      expect(
        (
          await fetch(`${platform.url}/admin/problems/judge-order/package?version=9`, {
            headers: { cookie: admin },
          })
        ).status,
      ).toBe(404);

      const list = importedProblemListSchema.parse(
        await (await fetch(`${platform.url}/admin/problems`, { headers: { cookie: admin } })).json(),
      );
      expect(list.problems.map((p) => [p.slug, p.version])).toEqual([
        ['judge-order', 2],
        ['judge-order-copy', 1],
      ]);
    },
    TIMEOUT,
  );

  it(
    'imports from the command line, and names the bad file when it cannot',
    async () => {
      const cli = (args: string[]) =>
        new Promise<{ code: number | null; output: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            ['--import', 'tsx', 'apps/api/src/cli/problems.ts', ...args],
            {
              cwd: ROOT,
              env: {
                ...process.env,
                REDIS_URL,
                REDIS_PREFIX: platform.prefix,
                ...databaseEnv(platform.prefix),
              },
            },
          );
          let output = '';
          child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.on('exit', (code) => resolve({ code, output }));
        });
      const ok = await cli(['import', join(FIXTURES, 'custom-checker'), '--slug', 'cli-checker']);
      expect(ok.output).toContain('Imported cli-checker as version 1');
      expect(ok.code).toBe(0);

      const dir = await mkdtemp(join(tmpdir(), 'arbiter-bad-package-'));
      try {
        await writeFile(join(dir, 'problem.yaml'), 'name: Bad\nlimits:\n  memory: -1\n');
        const bad = await cli(['import', dir]);
        expect(bad.code).toBe(1);
        expect(bad.output).toContain('problem.yaml: limits.memory');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );
});

describe('judging imported packages', () => {
  it(
    'judges a job on the version it was queued with, even when a re-import came before a worker took it',
    async () => {
      const v1 = importProblemResponseSchema.parse(
        await (await upload(await tinyPackage('1'), '?slug=pinned')).json(),
      );
      const early = await submitAs(user, { problem: 'pinned', language: 'python', code: 'print(1)' });
      const v2 = importProblemResponseSchema.parse(
        await (await upload(await tinyPackage('2'), '?slug=pinned')).json(),
      );
      expect([v1.version, v2.version]).toEqual([1, 2]);
      const late = await submitAs(user, { problem: 'pinned', language: 'python', code: 'print(1)' });

      worker = await startTestWorker();
      const [earlyResult, lateResult] = await Promise.all([
        waitForResult(platform.url, early, scaledMs(120_000), user),
        waitForResult(platform.url, late, scaledMs(120_000), user),
      ]);
      expect(earlyResult.verdict).toBe('ACCEPTED');
      expect(lateResult.verdict).toBe('WRONG_ANSWER');
      // The worker fetched both versions by hash and keeps them on disk, checked against their hash (beside
      // the packages the verification jobs of this file's other imports fetched).
      const cached = await readdir(join(cacheDir, 'packages'));
      expect(cached).toEqual(expect.arrayContaining([`${v1.sha256}.zip`, `${v2.sha256}.zip`]));
      for (const v of [v1, v2])
        expect(sha256(await readFile(join(cacheDir, 'packages', `${v.sha256}.zip`)))).toBe(v.sha256);
    },
    TIMEOUT,
  );

  it(
    'fetches a package again when its cached file does not match its hash',
    async () => {
      const latest = importedProblemListSchema
        .parse(await (await fetch(`${platform.url}/admin/problems`, { headers: { cookie: admin } })).json())
        .problems.find((p) => p.slug === 'pinned');
      if (latest === undefined) throw new Error('pinned is not listed');
      // A fresh worker (nothing in memory) finds a damaged file on disk.
      await worker?.stop(2_000);
      const file = join(cacheDir, 'packages', `${latest.sha256}.zip`);
      await writeFile(file, 'not the package');
      worker = await startTestWorker();
      const result = await judged(user, { problem: 'pinned', language: 'python', code: 'print(2)' });
      expect(result.verdict).toBe('ACCEPTED');
      expect(sha256(await readFile(file))).toBe(latest.sha256);
    },
    TIMEOUT,
  );

  it(
    'runs samples first, then groups recursively in byte order of names; the first failure decides',
    async () => {
      const puppet = await readFile(
        join(FIXTURES, 'judge-order/submissions/run_time_error/puppet.py'),
        'utf8',
      );
      const result = await judged(user, { problem: 'judge-order', language: 'python', code: puppet });
      // sample/1 (3.0000001 within float_tolerance), secret/0group/1, then secret/10 before secret/9.
      expect(result.verdict).toBe('RUNTIME_ERROR');
      expect(result.tests.map((t) => [t.name, t.verdict])).toEqual([
        ['sample/1', 'ACCEPTED'],
        ['secret/0group/1', 'ACCEPTED'],
        ['secret/10', 'RUNTIME_ERROR'],
      ]);
      expect(result).toMatchObject({ passed: 2, total: 4 });
      // Limits from the package: .timelimit (1 s) and limits.memory (256 MiB).
      expect(result.limits).toMatchObject({ timeMs: 1_000, memoryMb: 256 });
      // Secret data stays secret.
      expect(result.failedTest?.input).toBeUndefined();
    },
    TIMEOUT,
  );

  it(
    "applies a group's own validator flags and the problem's float tolerance",
    async () => {
      const lower = `import sys\nc, _, rest = sys.stdin.readline().strip().partition(' ')\nprint(rest.lower())\n`;
      const caseResult = await judged(user, { problem: 'judge-order', language: 'python', code: lower });
      expect(caseResult.verdict).toBe('WRONG_ANSWER');
      expect(caseResult.failedTest?.name).toBe('secret/0group/1');

      const far = await judged(user, { problem: 'judge-order', language: 'python', code: 'print(3.1)' });
      expect(far.verdict).toBe('WRONG_ANSWER');
      expect(far.failedTest).toMatchObject({
        name: 'sample/1',
        source: 'sample',
        expected: '3\n',
        actual: '3.1\n',
      });
      expect(far.passed).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'stops a program at the stated time limit, and a run judges the samples only',
    async () => {
      const spin = `import sys\nc, _, rest = sys.stdin.readline().strip().partition(' ')\nif c == 'crash':\n    while True: pass\nprint(rest)\n`;
      const slow = await judged(user, { problem: 'judge-order', language: 'python', code: spin });
      expect(slow.verdict).toBe('TIME_LIMIT_EXCEEDED');
      expect(slow.failedTest?.name).toBe('secret/10');

      const run = await post(
        platform.url,
        '/submit',
        { mode: 'run', problem: 'judge-order', language: 'python', code: spin },
        { cookie: user },
      );
      expect(run.status).toBe(202);
      const ran = await waitForResult(
        platform.url,
        (run.body as { jobId: string }).jobId,
        scaledMs(120_000),
        user,
      );
      expect(ran).toMatchObject({ verdict: 'ACCEPTED', passed: 1, total: 1 });
    },
    TIMEOUT,
  );
});

describe('custom output validators', () => {
  beforeAll(async () => {
    expect((await upload(await fixtureZip('custom-checker'))).status).toBe(201);
  }, TIMEOUT);

  it(
    'accepts any right answer the C++ validator (with its own validate.h) accepts',
    async () => {
      const code = await readFile(
        join(FIXTURES, 'custom-checker/submissions/accepted/one-and-rest.py'),
        'utf8',
      );
      const result = await judged(user, { problem: 'any-two-summands', language: 'python', code });
      expect(result).toMatchObject({ verdict: 'ACCEPTED', passed: 3, total: 3 });
    },
    TIMEOUT,
  );

  it(
    "rejects on exit 43: teammessage.txt to the user, judgemessage.txt to admins only; the group's flags reach it",
    async () => {
      const code = await readFile(join(FIXTURES, 'custom-checker/submissions/wrong_answer/zero.py'), 'utf8');
      const jobId = await submitAs(user, { problem: 'any-two-summands', language: 'python', code });
      const seen = await waitForResult(platform.url, jobId, scaledMs(120_000), user);
      expect(seen.verdict).toBe('WRONG_ANSWER');
      expect(seen.failedTest).toMatchObject({ name: 'sample/1', message: 'both numbers must be positive\n' });
      expect(seen.failedTest?.judgeMessage).toBeUndefined();
      const asAdmin = await waitForResult(platform.url, jobId, scaledMs(10_000), admin);
      expect(asAdmin.failedTest?.judgeMessage).toBe('flags:\nnon-positive: 0 5\n');

      // Equal halves pass everywhere but in the group whose testdata.yaml passes `distinct`.
      const halves = await judged(user, {
        problem: 'any-two-summands',
        language: 'python',
        code: 'n = int(input())\nprint(n // 2, n - n // 2)\n',
      });
      expect(halves.verdict).toBe('WRONG_ANSWER');
      expect(halves.failedTest).toMatchObject({
        name: 'secret/strict/1',
        message: 'the numbers must differ\n',
      });
    },
    TIMEOUT,
  );

  it(
    'makes any other exit a judge error, explained to admins',
    async () => {
      const jobId = await submitAs(user, {
        problem: 'any-two-summands',
        language: 'python',
        code: 'print("boom")',
      });
      const seen = await waitForResult(platform.url, jobId, scaledMs(120_000), user);
      expect(seen.verdict).toBe('INTERNAL_ERROR');
      expect(seen.failedTest?.judgeMessage).toBeUndefined();
      const asAdmin = await waitForResult(platform.url, jobId, scaledMs(10_000), admin);
      expect(asAdmin.failedTest?.judgeMessage).toContain('output validator exited with code 7');
    },
    TIMEOUT,
  );
});
