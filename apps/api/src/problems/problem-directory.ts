/**
 * One place that answers "which problem is this slug": a built-in problem of the catalog (`problems/`),
 * or the latest version of an imported package (database). Submissions, rejudges and the reconciler
 * all ask here, so both kinds are judged the same way from the outside.
 */
import type { ImportedProblemSettings, PackageRef } from '@arbiter/contracts';
import type { ProblemVersion } from '@arbiter/db';
import type { Problem } from '@arbiter/problems';
import { HttpError } from '../http/http-error.js';
import type { ApiResources } from '../resources.js';

export type ResolvedProblem =
  | { kind: 'builtin'; problem: Problem }
  | {
      kind: 'package';
      version: ProblemVersion;
      ref: PackageRef;
      /** What admins set: limits in place of the package's, visibility. */
      settings: ImportedProblemSettings;
    };

export async function resolveProblem(
  resources: Pick<ApiResources, 'catalog' | 'db'>,
  slug: string,
): Promise<ResolvedProblem | null> {
  const problem = resources.catalog.get(slug);
  if (problem !== undefined) return { kind: 'builtin', problem };
  const [version, settings] = await Promise.all([
    resources.db.problems.latest(slug),
    resources.db.problems.settings(slug),
  ]);
  if (version === null || settings === null) return null;
  return {
    kind: 'package',
    version,
    ref: { slug: version.slug, version: version.version, sha256: version.sha256 },
    settings,
  };
}

/** Problem titles by slug, for views that list problems (contests, assignments). */
export type ProblemTitles = ReadonlyMap<string, { readonly title: string }>;

/**
 * The titles of `slugs`: a built-in problem's, else an imported problem's (as its admin set it); unknown slugs
 * are left out. The imported ones are read in one query.
 */
export async function problemTitles(
  resources: Pick<ApiResources, 'catalog' | 'db'>,
  slugs: readonly string[],
): Promise<ProblemTitles> {
  const unique = [...new Set(slugs)];
  const imported = await resources.db.problems.titles(unique.filter((slug) => !resources.catalog.has(slug)));
  const titles = new Map<string, { title: string }>();
  for (const slug of unique) {
    const title = resources.catalog.get(slug)?.title ?? imported.get(slug);
    if (title !== undefined) titles.set(slug, { title });
  }
  return titles;
}

/**
 * Problems a contest or an assignment may use: built-in ones, and imported ones once published (a draft is
 * open to admins only, so participants could not open or submit it). Throws a 400 naming the first other.
 */
export async function checkListedProblems(
  resources: Pick<ApiResources, 'catalog' | 'db'>,
  slugs: readonly string[],
): Promise<void> {
  for (const slug of slugs) {
    if (resources.catalog.has(slug)) continue;
    const settings = await resources.db.problems.settings(slug);
    if (settings === null)
      throw new HttpError(400, 'UNKNOWN_PROBLEM', `Unknown problem "${slug}". See GET /problems.`);
    if (settings.visibility !== 'published')
      throw new HttpError(
        400,
        'UNKNOWN_PROBLEM',
        `Problem "${slug}" is a draft: publish it first (PATCH /admin/problems/${slug} {"visibility": "published"}).`,
      );
  }
}

/**
 * IOI contests rank a try by `score / maxScore` (higher is better): an imported problem whose lower scores
 * are better (`grading.objective: min`) cannot be ranked so, and is refused (400) naming it.
 */
export async function checkIoiProblems(
  resources: Pick<ApiResources, 'catalog' | 'db'>,
  slugs: readonly string[],
): Promise<void> {
  for (const slug of slugs) {
    if (resources.catalog.has(slug)) continue;
    const latest = await resources.db.problems.latest(slug);
    if (latest?.metadata.objective === 'min')
      throw new HttpError(
        400,
        'INVALID_REQUEST',
        `Problem "${slug}" ranks lower scores better (grading.objective: min), which IOI scoring cannot rank; use it in an ICPC contest.`,
      );
  }
}
