/**
 * Imported problems as the public catalog shows them (`GET /problems`, `GET /problems/:slug`): published
 * ones for everyone, drafts for admins only. The statement is the admin's Markdown, else the package's own;
 * the examples are the package's samples (`data/sample`), read from the stored zip (kept parsed per hash).
 */
import {
  LISTED_LANGUAGE_IDS,
  type ImportedProblemSettings,
  type LanguageId,
  type ProblemDetail,
  type ProblemSummary,
} from '@arbiter/contracts';
import type { ImportedProblemSummary } from '@arbiter/db';
import { loadPackageZip } from '@arbiter/problem-package';
import type { ApiResources } from '../resources.js';
import type { ProblemStats } from './problem-views.js';
import { packageLimits } from './package-limits.js';

/** Parsed packages kept for their detail page, by hash (a package's files never change). */
const SHOWN_PACKAGES = 16;
const shown = new Map<string, Promise<{ statement: string; examples: ProblemDetail['examples'] }>>();

export function importedSummary(
  row: Pick<ImportedProblemSummary, 'slug' | 'title' | 'difficulty'>,
  stats: ProblemStats | undefined,
  status: ProblemSummary['status'],
): ProblemSummary {
  return {
    slug: row.slug,
    title: row.title,
    difficulty: row.difficulty,
    tags: [],
    submissions: stats?.submissions ?? 0,
    acceptanceRate: stats?.acceptanceRate ?? null,
    status,
  };
}

/** The statement and examples of a stored package (LaTeX statements are shown as their source). */
function packageShown(resources: Pick<ApiResources, 'db'>, sha256: string) {
  let found = shown.get(sha256);
  if (found === undefined) {
    found = (async () => {
      const zip = await resources.db.problems.blob(sha256);
      if (zip === null) throw new Error(`package ${sha256} is not in the database`);
      const pkg = await loadPackageZip(zip);
      const statement =
        pkg.statements.find((s) => s.language === 'en' && s.format === 'markdown') ??
        pkg.statements.find((s) => s.format === 'markdown') ??
        pkg.statements[0];
      return {
        statement:
          statement === undefined
            ? ''
            : statement.format === 'markdown'
              ? statement.text
              : `\`\`\`latex\n${statement.text}\n\`\`\``,
        examples: pkg.testData.cases
          .filter((c) => c.sample)
          .map((c) => {
            // A case names its files; their text is the example.
            const input = pkg.files.get(c.input)?.bytes.toString('utf8') ?? '';
            const output = pkg.files.get(c.answer)?.bytes.toString('utf8') ?? '';
            return { input, output, testInput: input };
          }),
      };
    })();
    // A package that could not be read is read again next time.
    void found.catch(() => shown.delete(sha256));
    shown.set(sha256, found);
    // The oldest entry goes first (a Map iterates in insertion order).
    for (const key of shown.keys()) {
      if (shown.size <= SHOWN_PACKAGES) break;
      shown.delete(key);
    }
  }
  return found;
}

export async function importedDetail(
  resources: Pick<ApiResources, 'db' | 'limits'>,
  resolved: { version: Parameters<typeof packageLimits>[0] & { sha256: string; slug: string } },
  settings: ImportedProblemSettings,
  stats: ProblemStats | undefined,
  status: ProblemSummary['status'],
): Promise<ProblemDetail> {
  const { statement, examples } = await packageShown(resources, resolved.version.sha256);
  const limits = packageLimits(resolved.version, resources.limits, settings);
  const languages: LanguageId[] = [...LISTED_LANGUAGE_IDS];
  return {
    ...importedSummary({ slug: resolved.version.slug, ...settings }, stats, status),
    kind: 'stdio',
    statement: settings.statement ?? statement,
    examples,
    languages,
    // A package brings no starter code: the editor starts empty.
    starterCode: {},
    limits: { timeMs: limits.timeMs, memoryMb: limits.memoryMb },
    signature: null,
    hasSolutions: false,
  };
}
