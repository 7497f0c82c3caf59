/**
 * Importing a problem package (the CLI and `POST /admin/problems`): parse it, pick its slug, store it
 * as the next version of that slug, content once by hash (docs/PROBLEMS.md, "Storage").
 */
import type { Database, ProblemVersionMetadata } from '@arbiter/db';
import {
  normalizedZip,
  parsePackage,
  PackageError,
  type PackageFile,
  type ProblemPackage,
  type TestGroup,
} from '@arbiter/problem-package';
import { problemSlugSchema, type ImportProblemResponse } from '@arbiter/contracts';

/**
 * The slug cannot be used: none could be made from the package (400), or it conflicts with what exists
 * (409): a built-in problem has it, or an IOI contest has it and this version ranks lower scores better.
 */
export class SlugRefusedError extends Error {
  override name = 'SlugRefusedError';
  constructor(
    message: string,
    readonly conflict = false,
  ) {
    super(message);
  }
}

export interface ImportOptions {
  /** The slug asked for; default: made from the package's title (else `fallbackSlug`). */
  slug?: string;
  /** The folder's or file's name, when the title gives no slug. */
  fallbackSlug?: string;
  /** Whether a built-in problem of `problems/` has this slug (imports may not shadow one). */
  isBuiltIn: (slug: string) => boolean;
}

export interface ImportResult extends ImportProblemResponse {
  /** An earlier version existed: this import replaced it for new submissions. */
  replaced: boolean;
}

/** `Hello, World!` → `hello-world`; '' when nothing is left. */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

function groupCounts(groups: readonly TestGroup[]): { name: string; cases: number }[] {
  const out: { name: string; cases: number }[] = [];
  const walk = (group: TestGroup) => {
    const cases = group.items.filter((item) => !('items' in item)).length;
    out.push({ name: group.name, cases });
    for (const item of group.items) if ('items' in item) walk(item);
  };
  groups.forEach(walk);
  return out;
}

/** What a version keeps besides its files. */
export function versionMetadata(pkg: ProblemPackage): ProblemVersionMetadata {
  const samples = pkg.testData.cases.filter((c) => c.sample).length;
  return {
    formatVersion: pkg.metadata.formatVersion,
    types: [...pkg.metadata.types],
    validation: pkg.validation,
    validatorFlags: pkg.metadata.validatorFlags,
    ...(pkg.timeLimit === undefined ? {} : { timeLimit: pkg.timeLimit }),
    timeMultiplier: pkg.metadata.limits.timeMultiplier,
    timeSafetyMargin: pkg.metadata.limits.timeSafetyMargin,
    memoryMb: pkg.metadata.limits.memory,
    outputMb: pkg.metadata.limits.output,
    groups: groupCounts(pkg.testData.groups),
    samples,
    secret: pkg.testData.cases.length - samples,
    ...(pkg.metadata.objective === 'min' ? { objective: 'min' as const } : {}),
  };
}

/** Parses and stores a package; throws PackageError (bad package) or SlugRefusedError. */
export async function importPackage(
  database: Database,
  files: readonly PackageFile[],
  options: ImportOptions,
): Promise<ImportResult> {
  const pkg = parsePackage(files);
  const slug = options.slug ?? (slugOf(pkg.title) || slugOf(options.fallbackSlug ?? ''));
  if (!problemSlugSchema.safeParse(slug).success) {
    throw new SlugRefusedError(
      `No slug could be made from the package's name "${pkg.title}"; give one (lowercase letters, digits, hyphens).`,
    );
  }
  if (options.isBuiltIn(slug)) {
    throw new SlugRefusedError(
      `"${slug}" is a built-in problem of problems/; import under another slug.`,
      true,
    );
  }
  if (pkg.metadata.objective === 'min') {
    // IOI contests rank higher scores better; contests check this when they take a problem, and so do imports.
    const ioi = await database.contests.withProblem(slug, 'ioi');
    if (ioi.length > 0) {
      throw new SlugRefusedError(
        `This version of "${slug}" ranks lower scores better (grading.objective: min), which IOI scoring cannot rank, and the IOI contest${ioi.length > 1 ? 's' : ''} ${ioi.map((c) => `"${c.title}" (${c.id})`).join(', ')} use${ioi.length > 1 ? '' : 's'} it: take it out of ${ioi.length > 1 ? 'them' : 'it'} or make ${ioi.length > 1 ? 'them' : 'it'} ICPC first, or import under another slug.`,
        true,
      );
    }
  }
  const report = {
    found: [...pkg.report.found],
    unsupported: [...pkg.report.unsupported],
    warnings: [...pkg.report.warnings],
  };
  if (pkg.timeLimit === undefined) {
    report.warnings.push(
      'no time limit stated: derived from the accepted submissions when their verification has run (until then, and without any, the platform default applies)',
    );
  }
  const { version, replaced } = await database.problems.addVersion({
    slug,
    title: pkg.title,
    zip: await normalizedZip(files),
    metadata: versionMetadata(pkg),
    report,
  });
  return { slug, version: version.version, sha256: version.sha256, title: version.title, report, replaced };
}

export { PackageError };
