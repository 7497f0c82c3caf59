/** Problem packages in integration tests: a zip imported through `POST /admin/problems`, its verification awaited. */
import {
  importedProblemDetailSchema,
  importProblemResponseSchema,
  type ImportProblemResponse,
  type PackageVerification,
} from '@arbiter/contracts';
import { waitFor } from './platform.js';

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
