/** Problem packages in integration tests: a zip imported through `POST /admin/problems`, its verification awaited. */
import {
  importedProblemDetailSchema,
  importProblemResponseSchema,
  type ImportProblemResponse,
  type JobResult,
  type PackageVerification,
} from '@arbiter/contracts';
import { packageFromZip, type PackageFile } from '@arbiter/problem-package';
import { beforeAll, expect } from 'vitest';
import { post, signUp, waitFor, waitForResult } from './platform.js';
import { scaledMs } from './speed-factor.js';
import { usePlatform, type Platform } from './use-platform.js';

/** A test file's platform with the sessions of an admin and a user signed up on it. */
export interface PackagePlatform extends Platform {
  /** The session cookie of `<name>-admin`. */
  readonly admin: string;
  /** The session cookie of `<name>-user`. */
  readonly user: string;
}

/**
 * The platform of a package test file: an API without sign-up or submission rate limits and a worker, with
 * `<name>-admin` (the first account, so an admin) and `<name>-user` signed up before the file's tests.
 */
export function usePackagePlatform(name: string): PackagePlatform {
  const platform = usePlatform({
    api: { AUTH_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0' },
  });
  let admin: string | undefined;
  let user: string | undefined;
  beforeAll(async () => {
    admin = await signUp(platform.url, `${name}-admin`);
    user = await signUp(platform.url, `${name}-user`);
  });
  const signedUp = (who: string, session: string | undefined): string => {
    if (session === undefined) throw new Error(`${name}-${who} is not signed up (used outside a test?)`);
    return session;
  };
  return {
    get prefix() {
      return platform.prefix;
    },
    get api() {
      return platform.api;
    },
    get worker() {
      return platform.worker;
    },
    get url() {
      return platform.url;
    },
    get admin() {
      return signedUp('admin', admin);
    },
    get user() {
      return signedUp('user', user);
    },
  };
}

/** Imports `zip` under `slug` as the admin whose session is `cookie`; throws unless it is created (201). */
export async function importPackage(
  url: string,
  cookie: string,
  zip: Buffer,
  slug: string,
): Promise<ImportProblemResponse> {
  const answer = await fetch(`${url}/admin/problems?slug=${slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/zip', cookie },
    body: zip,
  });
  const body: unknown = await answer.json();
  if (answer.status !== 201)
    throw new Error(`importing ${slug} answered ${answer.status}: ${JSON.stringify(body)}`);
  return importProblemResponseSchema.parse(body);
}

/** The latest version's verification of `slug` once it has left the queue (done or failed). */
export async function verifiedPackage(
  url: string,
  cookie: string,
  slug: string,
  timeoutMs: number,
): Promise<PackageVerification> {
  let last: PackageVerification | undefined;
  await waitFor(
    async () => {
      const answer = await fetch(`${url}/admin/problems/${slug}`, { headers: { cookie } });
      last = importedProblemDetailSchema.parse(await answer.json()).versions[0]?.report.verification;
      return last !== undefined && last.status !== 'queued';
    },
    timeoutMs,
    () => `verification of ${slug} did not finish: ${JSON.stringify(last)}`,
  );
  return last as PackageVerification;
}

type VerifiedSubmission = PackageVerification['submissions'][number];

/** A verification's submissions by their path under `submissions/` (`accepted/sum.py`, …). */
export function submissionsByPath(verification: PackageVerification): Record<string, VerifiedSubmission> {
  return Object.fromEntries(verification.submissions.map((s) => [s.path.replace(/^submissions\//, ''), s]));
}

/** What each submission got, by its path under `submissions/`. */
export function verdictsByPath(verification: PackageVerification): Record<string, VerifiedSubmission['got']> {
  return Object.fromEntries(
    Object.entries(submissionsByPath(verification)).map(([path, s]) => [path, s.got]),
  );
}

/**
 * Submits `code` to an imported problem as the user whose session is `cookie`, and waits for its result as
 * `viewer` sees it (an admin also sees the validator's messages).
 */
export async function submitToPackage(
  url: string,
  cookie: string,
  submission: { problem: string; language: string; code: string },
  viewer = cookie,
): Promise<JobResult> {
  const answer = await post(url, '/submit', { mode: 'submit', ...submission }, { cookie });
  if (answer.status !== 202)
    throw new Error(
      `submitting to ${submission.problem} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
    );
  const { jobId } = answer.body as { jobId: string };
  return waitForResult(url, jobId, scaledMs(120_000), viewer);
}

/** The package `GET /admin/problems/:slug/package` exports holds each of `paths` with its bytes in `files`. */
export async function expectExportKeeps(
  url: string,
  cookie: string,
  slug: string,
  files: readonly PackageFile[],
  paths: readonly string[],
): Promise<void> {
  const exported = await fetch(`${url}/admin/problems/${slug}/package`, { headers: { cookie } });
  expect(exported.status).toBe(200);
  const entries = await packageFromZip(Buffer.from(await exported.arrayBuffer()));
  for (const path of paths)
    expect(entries.find((e) => e.path === path)?.bytes.toString(), path).toBe(
      files.find((f) => f.path === path)?.bytes.toString(),
    );
}
