/**
 * One place that answers "which problem is this slug": a built-in problem of the catalog (`problems/`),
 * or the latest version of an imported package (database). Submissions, rejudges and the reconciler
 * all ask here, so both kinds are judged the same way from the outside.
 */
import type { ImportedProblemSettings, PackageRef } from '@arbiter/contracts';
import type { ProblemVersion } from '@arbiter/db';
import type { Problem } from '@arbiter/problems';
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
