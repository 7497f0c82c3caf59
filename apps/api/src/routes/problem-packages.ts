/**
 * Problem packages, admins only: `POST /admin/problems` imports a package zip (a new problem, or a new
 * version of one), `GET /admin/problems` lists the imported problems (pages by slug), `GET
 * /admin/problems/:slug` gives its settings, versions and reports, `PATCH /admin/problems/:slug` changes its
 * title, statement, limits, difficulty and visibility, `DELETE /admin/problems/:slug` deletes it, `POST
 * /admin/problems/:slug/verify` verifies the latest version again, `GET /admin/problems/:slug/package`
 * exports one version back to a zip. See docs/PROBLEMS.md.
 */
import { z } from 'zod';
import {
  importedProblemListQuerySchema,
  importProblemQuerySchema,
  problemSlugSchema,
  type ImportedProblemDetail,
  type ImportedProblemList,
  type ImportProblemResponse,
  type UpdateProblemResponse,
  type VerifyProblemResponse,
} from '@arbiter/contracts';
import { PackageError, packageFromZip } from '@arbiter/problem-package';
import { ADMIN } from '../auth/access.js';
import { requireAdmin } from '../admin/require-admin.js';
import { HttpError, notFound, unavailable } from '../http/http-error.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import {
  ImportedProblemDetail as ImportedProblemDetailBody,
  ImportedProblemList as ImportedProblemListBody,
  ImportProblemResponse as ImportBody,
  UpdateProblemRequest as UpdateBody,
  UpdateProblemResponse as UpdatedBody,
  VerifyProblemResponse as VerifyBody,
} from '../openapi/http-schemas.js';
import { importPackage, SlugRefusedError } from '../problems/import-package.js';
import { packageTimeLimitSeconds } from '../problems/package-limits.js';
import { currentVerification, queueVerification } from '../problems/verification-job.js';
import type { ApiResources } from '../resources.js';

const ZIP = 'application/zip';

/** A database fault while importing or exporting: 503, nothing half-stored (one transaction). */
async function withDatabase<T>(resources: ApiResources, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError || error instanceof PackageError || error instanceof SlugRefusedError)
      throw error;
    resources.logger.error({ err: error }, `could not ${what}`);
    throw unavailable(
      `The database is not reachable right now; could not ${what}. Try again in a few seconds.`,
    );
  }
}

/** The repository's problems are files under `problems/`: 409, saying where they are changed. */
function refuseBuiltIn(resources: ApiResources, slug: string, what: 'edited' | 'deleted'): void {
  if (!resources.catalog.has(slug)) return;
  throw new HttpError(
    409,
    'CONFLICT',
    `"${slug}" is one of the repository's problems (problems/${slug}); it is ${what} there, not here. Only imported problems are ${what} through the API.`,
  );
}

export function problemPackageRoutes(resources: ApiResources): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/admin/problems',
      tag: 'Admin',
      summary: 'Import a problem package (ICPC / Kattis format)',
      description:
        'The body is the package as a zip, its root (`problem.yaml`) at the zip root or in one folder. A new slug ' +
        'answers 201; an existing one gets a new version (200), which new submissions are judged on while jobs ' +
        'already queued keep theirs. The report says what was found, what is not judged yet, and warnings.',
      access: ADMIN,
      action: 'import problems',
      query: importProblemQuerySchema,
      rawBody: {
        type: ZIP,
        limit: resources.packageUploadBytes,
        description: 'The problem package as a zip (PACKAGE_UPLOAD_MAX_MB at most).',
      },
      responses: {
        200: { description: 'A new version of an imported problem.', body: ImportBody },
        201: { description: 'A new imported problem (version 1).', body: ImportBody },
        400: {
          description:
            '`INVALID_PACKAGE`: the package cannot be judged; `details` names each file and what is wrong with it. ' +
            '`INVALID_REQUEST`: the slug is not valid.',
          errors: ['INVALID_PACKAGE', 'INVALID_REQUEST'],
        },
        409: {
          description:
            '`CONFLICT`: a built-in problem has this slug, or this version ranks lower scores better (`grading.objective: min`) and an IOI contest has the problem.',
          errors: ['CONFLICT'],
        },
        503: {
          description: 'The database is unreachable; nothing was stored.',
          errors: ['SERVICE_UNAVAILABLE'],
        },
      },
      handle: async ({ query }, req, res) => {
        const admin = requireAdmin(req, 'import problems');
        const zip = req.body as Buffer;
        let result;
        try {
          const files = await packageFromZip(zip);
          result = await withDatabase(resources, 'store the package', () =>
            importPackage(resources.db, files, {
              ...(query.slug === undefined ? {} : { slug: query.slug }),
              isBuiltIn: (slug) => resources.catalog.has(slug),
            }),
          );
        } catch (error) {
          const name = query.slug === undefined ? 'the package' : `problem "${query.slug}"`;
          if (error instanceof PackageError) {
            const details = error.issues.map((issue) =>
              issue.file ? `${issue.file}: ${issue.message}` : issue.message,
            );
            throw new HttpError(
              400,
              'INVALID_PACKAGE',
              `${name} cannot be imported: ${details[0] ?? error.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`,
              details,
            );
          }
          if (error instanceof SlugRefusedError) {
            throw new HttpError(
              error.conflict ? 409 : 400,
              error.conflict ? 'CONFLICT' : 'INVALID_REQUEST',
              error.message,
            );
          }
          throw error;
        }
        resources.logger.info(
          { problem: result.slug, version: result.version, sha256: result.sha256 },
          'problem package imported',
        );
        // A worker judges the package's own submissions; the report says so until it has.
        try {
          const stored = await resources.db.problems.version(result.slug, result.version);
          if (stored !== null) {
            result.report.verification = await queueVerification(resources, stored, admin.id);
          }
        } catch (error) {
          resources.logger.error({ err: error, problem: result.slug }, 'could not queue the verification');
          result.report.warnings.push(
            'the submissions could not be queued for verification (queue or database unreachable); import again to retry',
          );
        }
        const answer: ImportProblemResponse = {
          slug: result.slug,
          version: result.version,
          sha256: result.sha256,
          title: result.title,
          report: result.report,
        };
        res.status(result.replaced ? 200 : 201).json(answer);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/problems',
      tag: 'Admin',
      summary: 'Imported problems, each at its latest version',
      description:
        "By slug, a page at a time (`nextCursor`). Each with where its latest version's verification stands. " +
        'The problems of the repository (`problems/`) are in `GET /problems`.',
      access: ADMIN,
      action: 'list imported problems',
      query: importedProblemListQuerySchema,
      responses: {
        200: { description: 'One page, by slug.', body: ImportedProblemListBody },
        503: { description: 'The database is unreachable.', errors: ['SERVICE_UNAVAILABLE'] },
      },
      handle: async ({ query }, _req, res) => {
        // One more than asked: whether there is a next page.
        const rows = await withDatabase(resources, 'list the problems', () =>
          resources.db.problems.list({
            ...(query.cursor === undefined ? {} : { after: query.cursor }),
            limit: query.limit + 1,
          }),
        );
        const page = rows.slice(0, query.limit);
        const answer: ImportedProblemList = {
          problems: await Promise.all(
            page.map(async (row) => {
              const verification = await currentVerification(resources, row.verification ?? undefined);
              return {
                slug: row.slug,
                title: row.title,
                version: row.version,
                sha256: row.sha256,
                size: row.size,
                updatedAt: row.updatedAt.toISOString(),
                visibility: row.visibility,
                verification:
                  verification === undefined
                    ? null
                    : {
                        status: verification.status,
                        ...(verification.ok === undefined ? {} : { ok: verification.ok }),
                      },
              };
            }),
          ),
          nextCursor: rows.length > query.limit ? (page.at(-1)?.slug ?? null) : null,
        };
        res.set('Cache-Control', 'no-store').json(answer);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/problems/:slug',
      tag: 'Admin',
      summary: "An imported problem's versions with their import and verification reports",
      description:
        "Newest first. `report.verification` is `queued` until a worker has judged the package's labelled " +
        'submissions, then lists each with the verdicts its label allows and the one it got, and the time limit ' +
        '(stated, or derived from the accepted submissions).',
      access: ADMIN,
      action: 'read imported problems',
      params: z.object({ slug: problemSlugSchema }),
      responses: {
        200: { description: 'The versions.', body: ImportedProblemDetailBody },
        404: { description: '`NOT_FOUND`: no such imported problem.', errors: ['NOT_FOUND'] },
        503: { description: 'The database is unreachable.', errors: ['SERVICE_UNAVAILABLE'] },
      },
      handle: async ({ params }, _req, res) => {
        const [versions, settings] = await withDatabase(resources, 'read the problem', () =>
          Promise.all([
            resources.db.problems.versions(params.slug),
            resources.db.problems.settings(params.slug),
          ]),
        );
        const latest = versions[0];
        if (latest === undefined || settings === null)
          throw notFound(`No imported problem "${params.slug}".`);
        const answer: ImportedProblemDetail = {
          slug: params.slug,
          settings,
          latestVersion: latest.version,
          versions: await Promise.all(
            versions.map(async (version) => {
              const verification = await currentVerification(resources, version.report.verification);
              const report = { ...version.report, ...(verification === undefined ? {} : { verification }) };
              return {
                version: version.version,
                sha256: version.sha256,
                title: version.title,
                timeLimit: packageTimeLimitSeconds({ metadata: version.metadata, report }) ?? null,
                report,
                createdAt: version.createdAt.toISOString(),
              };
            }),
          ),
        };
        res.set('Cache-Control', 'no-store').json(answer);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/admin/problems/:slug',
      tag: 'Admin',
      summary: "Change an imported problem's title, statement, limits, difficulty or visibility",
      description:
        "Any of the fields; `null` puts back the package's own statement or limit. The statement is Markdown; the " +
        "limits apply to submissions accepted from now on (each clamped by the server's maxima). A `draft` is " +
        'left out of `GET /problems` and refused at `POST /submit` (`UNKNOWN_PROBLEM`) for all but admins. The ' +
        "repository's problems (`problems/`) are edited in their folders: 409.",
      access: ADMIN,
      action: 'edit problems',
      params: z.object({ slug: problemSlugSchema }),
      invalid: (part, error, req) =>
        part === 'params' ? notFound(`No imported problem "${String(req.params.slug)}".`) : error,
      body: UpdateBody,
      responses: {
        200: { description: 'The settings now in force.', body: UpdatedBody },
        400: {
          description: 'A field is invalid (named in `details`).',
          errors: ['INVALID_REQUEST', 'INVALID_JSON'],
        },
        404: { description: '`NOT_FOUND`: no such problem.', errors: ['NOT_FOUND'] },
        409: { description: "`CONFLICT`: one of the repository's problems.", errors: ['CONFLICT'] },
        503: {
          description: 'The database is unreachable; nothing changed.',
          errors: ['SERVICE_UNAVAILABLE'],
        },
      },
      handle: async ({ params, body }, req, res) => {
        requireAdmin(req, 'edit problems');
        refuseBuiltIn(resources, params.slug, 'edited');
        const settings = await withDatabase(resources, 'change the problem', () =>
          resources.db.problems.updateSettings(params.slug, body),
        );
        if (settings === null) throw notFound(`No imported problem "${params.slug}".`);
        resources.logger.info(
          { problem: params.slug, change: Object.keys(body) },
          'problem settings changed',
        );
        const answer: UpdateProblemResponse = { slug: params.slug, settings };
        res.set('Cache-Control', 'no-store').json(answer);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/admin/problems/:slug',
      tag: 'Admin',
      summary: 'Delete an imported problem',
      description:
        'Every version goes, and each stored package no other version names. Submissions made to it stay in ' +
        "their authors' histories; jobs already queued are still judged. The repository's problems " +
        '(`problems/`) are removed from the repository, not here: 409.',
      access: ADMIN,
      action: 'delete problems',
      params: z.object({ slug: problemSlugSchema }),
      invalid: (_part, _error, req) => notFound(`No imported problem "${String(req.params.slug)}".`),
      responses: {
        204: { description: 'Deleted.' },
        404: { description: '`NOT_FOUND`: no such problem.', errors: ['NOT_FOUND'] },
        409: { description: "`CONFLICT`: one of the repository's problems.", errors: ['CONFLICT'] },
        503: {
          description: 'The database is unreachable; nothing was deleted.',
          errors: ['SERVICE_UNAVAILABLE'],
        },
      },
      handle: async ({ params }, req, res) => {
        requireAdmin(req, 'delete problems');
        refuseBuiltIn(resources, params.slug, 'deleted');
        const removed = await withDatabase(resources, 'delete the problem', () =>
          resources.db.problems.remove(params.slug),
        );
        if (!removed) throw notFound(`No imported problem "${params.slug}".`);
        resources.logger.info({ problem: params.slug }, 'imported problem deleted');
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'post',
      path: '/admin/problems/:slug/verify',
      tag: 'Admin',
      summary: "Verify an imported problem's latest version again",
      description:
        "Queues a new verification job for the latest version: a worker judges the package's labelled submissions " +
        "and runs its input validators again, and the findings replace the version's `report.verification` " +
        '(`queued` until then; `GET /admin/problems/:slug` gives them). For a verification whose job was lost or ' +
        'failed, or after the workers changed (a language added).',
      access: ADMIN,
      action: 'verify problems',
      params: z.object({ slug: problemSlugSchema }),
      invalid: (_part, _error, req) => notFound(`No imported problem "${String(req.params.slug)}".`),
      responses: {
        202: { description: 'Queued: `verification.status` is `queued`, with the job id.', body: VerifyBody },
        404: { description: '`NOT_FOUND`: no such imported problem.', errors: ['NOT_FOUND'] },
        503: {
          description: 'The database or the queue is unreachable; nothing was queued.',
          errors: ['SERVICE_UNAVAILABLE'],
        },
      },
      handle: async ({ params }, req, res) => {
        const admin = requireAdmin(req, 'verify problems');
        const latest = await withDatabase(resources, 'read the problem', () =>
          resources.db.problems.latest(params.slug),
        );
        if (latest === null) throw notFound(`No imported problem "${params.slug}".`);
        let verification;
        try {
          verification = await queueVerification(resources, latest, admin.id);
        } catch (error) {
          if (error instanceof HttpError) throw error;
          resources.logger.error({ err: error, problem: params.slug }, 'could not queue the verification');
          throw unavailable(
            'The queue or the database is not reachable right now; the verification was not queued. Try again in a few seconds.',
          );
        }
        resources.logger.info(
          { problem: params.slug, version: latest.version, jobId: verification.jobId },
          'problem verification queued again',
        );
        const answer: VerifyProblemResponse = { slug: params.slug, version: latest.version, verification };
        res.status(202).json(answer);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/problems/:slug/package',
      tag: 'Admin',
      summary: "An imported problem's package as a zip",
      description:
        'The latest version, or `?version=N`. The zip holds the files as imported (paths sorted, fixed ' +
        'timestamps): importing it again gives the same SHA-256 (`ETag`).',
      access: ADMIN,
      action: 'export problems',
      params: z.object({ slug: problemSlugSchema }),
      query: z.object({ version: z.coerce.number().int().positive().optional() }),
      responses: {
        200: {
          description: 'The package.',
          media: { type: ZIP, schema: { type: 'string', format: 'binary' } },
          headers: {
            ETag: { description: 'The SHA-256 of the zip, quoted.', schema: { type: 'string' } },
          },
        },
        404: { description: '`NOT_FOUND`: no such imported problem or version.', errors: ['NOT_FOUND'] },
        503: { description: 'The database is unreachable.', errors: ['SERVICE_UNAVAILABLE'] },
      },
      handle: async ({ params, query }, _req, res) => {
        const found = await withDatabase(resources, 'read the package', async () => {
          const version =
            query.version === undefined
              ? await resources.db.problems.latest(params.slug)
              : await resources.db.problems.version(params.slug, query.version);
          if (version === null) return null;
          const zip = await resources.db.problems.blob(version.sha256);
          return zip === null ? null : { version, zip };
        });
        if (found === null) {
          throw notFound(
            query.version === undefined
              ? `No imported problem "${params.slug}".`
              : `Problem "${params.slug}" has no version ${query.version}.`,
          );
        }
        res
          .status(200)
          .set({
            'Content-Type': ZIP,
            'Content-Disposition': `attachment; filename="${params.slug}-v${found.version.version}.zip"`,
            ETag: `"${found.version.sha256}"`,
            'Cache-Control': 'no-store',
          })
          .send(found.zip);
      },
    }),
  ];
}
