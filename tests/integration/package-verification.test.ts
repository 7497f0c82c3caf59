/**
 * Verification on import, on real Redis, the database and the sandbox: importing a package (API and CLI)
 * queues a job in which a worker judges the package's labelled submissions (C++, C, Python 3, a
 * multi-file Java program); the report lists each with the verdicts its label allows and the one it got,
 * a mislabelled one fails, and the time limit the package does not state is derived from the accepted
 * submissions as problemtools derives it, then applies to submissions through POST /submit; the input
 * validators (Python, and C++ with its own header) run on every input and name the bad one.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import {
  importedProblemDetailSchema,
  importProblemResponseSchema,
  type ImportedProblemDetail,
  type PackageVerification,
} from '@arbiter/contracts';
import { packageFromFolder } from '@arbiter/problem-package';
import { databaseEnv, post, REDIS_URL, ROOT, signUp, waitFor, waitForResult } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';
import { submissionsByPath } from '../support/packages.js';

const PACKAGES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));
/** Eight submissions compiled and judged in the sandbox (one of them Java), on a shared machine. */
const TIMEOUT = scaledMs(480_000);

const platform = usePlatform({
  api: { AUTH_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0' },
});
let admin: string;

beforeAll(async () => {
  admin = await signUp(platform.url, 'verify-admin');
});

async function detail(slug: string): Promise<ImportedProblemDetail> {
  const answer = await fetch(`${platform.url}/admin/problems/${slug}`, { headers: { cookie: admin } });
  expect(answer.status).toBe(200);
  return importedProblemDetailSchema.parse(await answer.json());
}

/** Waits until the latest version's verification is no longer queued. */
async function verified(slug: string): Promise<PackageVerification> {
  let last: PackageVerification | undefined;
  await waitFor(
    async () => {
      last = (await detail(slug)).versions[0]?.report.verification;
      return last !== undefined && last.status !== 'queued';
    },
    scaledMs(420_000),
    () => `verification of ${slug} did not finish: ${JSON.stringify(last)}`,
  );
  return last as PackageVerification;
}

describe('verifying a package on import', () => {
  it(
    'judges every labelled submission in a worker, derives the time limit and applies it to submissions',
    async () => {
      const zip = await writeZip(await packageFromFolder(join(PACKAGES, 'sum-verify')));
      const answer = await fetch(`${platform.url}/admin/problems?slug=sum-verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/zip', cookie: admin },
        body: zip,
      });
      expect(answer.status).toBe(201);
      const imported = importProblemResponseSchema.parse(await answer.json());
      expect(imported.report.verification?.status).toBe('queued');
      const jobId = imported.report.verification?.jobId as string;
      // The job is an ordinary queue job: its record finishes like any other.
      const job = await waitForResult(platform.url, jobId, scaledMs(420_000), admin);
      expect(job.status).toBe('completed');

      const verification = await verified('sum-verify');
      expect(verification.status).toBe('done');
      const subs = submissionsByPath(verification);
      expect(Object.keys(subs).sort()).toEqual([
        'accepted/multi',
        'accepted/sum.cpp',
        'accepted/sum.py',
        'run_time_error/crash.py',
        'time_limit_exceeded/spin.cpp',
        'wrong_answer/actually_right.py',
        'wrong_answer/int_overflow.c',
      ]);
      expect(subs['accepted/sum.cpp']).toMatchObject({ language: 'cpp', got: 'ACCEPTED', ok: true });
      expect(subs['accepted/sum.py']).toMatchObject({ got: 'ACCEPTED', ok: true });
      expect(['python', 'pypy']).toContain(subs['accepted/sum.py']?.language);
      expect(subs['accepted/multi']).toMatchObject({ language: 'java', got: 'ACCEPTED', ok: true });
      expect(subs['wrong_answer/int_overflow.c']).toMatchObject({
        language: 'c',
        expected: ['WRONG_ANSWER'],
        got: 'WRONG_ANSWER',
        decidingCase: 'secret/2',
        ok: true,
      });
      expect(subs['time_limit_exceeded/spin.cpp']).toMatchObject({
        got: 'TIME_LIMIT_EXCEEDED',
        gotWithMargin: 'TIME_LIMIT_EXCEEDED',
        decidingCase: 'sample/1',
        ok: true,
      });
      expect(subs['run_time_error/crash.py']).toMatchObject({ got: 'RUNTIME_ERROR', ok: true });
      // Filed under wrong_answer, but correct: reported, and the package as a whole did not verify.
      expect(subs['wrong_answer/actually_right.py']).toMatchObject({
        expected: ['WRONG_ANSWER'],
        got: 'ACCEPTED',
        ok: false,
      });
      expect(verification.ok).toBe(false);

      // Input validators: both ran on every input (a Python one, and a C++ folder with its own header);
      // the bounds one names the case with four numbers as bad data.
      expect(verification.inputValidation?.validators).toEqual([
        { name: 'bounds.py', status: 'ran', cases: 3 },
        { name: 'format', status: 'ran', cases: 3 },
      ]);
      expect(verification.inputValidation?.invalid).toEqual([
        {
          file: 'data/secret/2.in',
          validator: 'bounds.py',
          message: expect.stringContaining('n = 4 is outside 1..3') as string,
        },
      ]);
      expect(verification.inputValidation?.ok).toBe(false);

      // problemtools: the slowest accepted case times time_multiplier (3), rounded, at least 1 s;
      // the margin time_safety_margin (2) times it, at least one second more.
      const limit = verification.timeLimit;
      expect(limit?.source).toBe('derived');
      const slowest = (limit?.slowestAcceptedMs as number) / 1000;
      const seconds = Math.max(1, Math.floor(0.5 + slowest * 3));
      expect(limit?.seconds).toBe(seconds);
      expect(limit?.marginSeconds).toBe(Math.max(seconds + 1, Math.floor(0.5 + slowest * 3 * 2)));
      expect(limit?.slowestAcceptedMs).toBe(
        Math.max(
          ...['accepted/multi', 'accepted/sum.cpp', 'accepted/sum.py'].map(
            (path) => subs[path]?.maxTimeMs as number,
          ),
        ),
      );
      expect((await detail('sum-verify')).versions[0]?.timeLimit).toBe(seconds);

      // The derived limit is the one submissions are judged with from now on.
      const submitted = await post(
        platform.url,
        '/submit',
        {
          mode: 'submit',
          problem: 'sum-verify',
          language: 'python',
          code: 'import sys\nw = sys.stdin.read().split()\nprint(sum(map(int, w[1:])))\n',
        },
        { cookie: admin },
      );
      expect(submitted.status).toBe(202);
      const result = await waitForResult(
        platform.url,
        (submitted.body as { jobId: string }).jobId,
        scaledMs(120_000),
        admin,
      );
      expect(result.verdict).toBe('ACCEPTED');
      expect(result.limits.timeMs).toBe(seconds * 1000);
    },
    TIMEOUT,
  );

  it(
    'from the CLI: --wait prints each submission with what it expected and got, and stores it',
    async () => {
      const waitSeconds = String(Math.round(scaledMs(420_000) / 1000));
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'apps/api/src/cli/problems.ts',
          'import',
          join(PACKAGES, 'sum-verify'),
          '--slug',
          'sum-cli',
          '--wait',
          waitSeconds,
        ],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            REDIS_URL,
            REDIS_PREFIX: platform.prefix,
            LOG_LEVEL: 'silent',
            ...databaseEnv(platform.prefix),
          },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(/Imported sum-cli as version 1/);
      expect(stdout).toMatch(/verification queued as job/);
      expect(stdout).toMatch(/time limit: \d+ s \(derived, slowest accepted case \d+ ms; margin \d+ s\)/);
      expect(stdout).toMatch(
        /ok {3}submissions\/wrong_answer\/int_overflow\.c \[c\]: expected WRONG_ANSWER, got WRONG_ANSWER/,
      );
      expect(stdout).toMatch(
        /FAIL submissions\/wrong_answer\/actually_right\.py \[(python|pypy)\]: expected WRONG_ANSWER, got ACCEPTED/,
      );
      expect(stdout).toMatch(/some submissions did not get their label/);
      expect(stdout).toMatch(/input validator format: ran on 3 inputs/);
      expect(stdout).toMatch(/bad data: data\/secret\/2\.in refused by bounds\.py/);
      const stored = (await detail('sum-cli')).versions[0]?.report.verification;
      expect(stored?.status).toBe('done');
      expect(stored?.submissions).toHaveLength(7);
    },
    TIMEOUT,
  );
});
