/**
 * Imported problems and their versions: adding a version (its package stored once by hash),
 * the latest version of a slug, one version, a package's bytes by hash, the list.
 */
import { createHash } from 'node:crypto';
import type {
  ImportedProblemSettings,
  ImportReportBody,
  PackageVerification,
  ProblemVisibility,
  UpdateProblemRequest,
} from '@arbiter/contracts';
import { asc, desc, eq, and, gt, inArray, notExists, sql } from 'drizzle-orm';
import type { Clock, Db } from './db.js';
import { systemClock } from './db.js';
import {
  importedProblems,
  packageBlobs,
  problemVersions,
  type ProblemVersionMetadata,
} from './schema/index.js';

export interface NewProblemVersion {
  slug: string;
  title: string;
  /** The normalised package zip; stored once under its SHA-256. */
  zip: Buffer;
  metadata: ProblemVersionMetadata;
  report: ImportReportBody;
}

export interface ProblemVersion {
  slug: string;
  version: number;
  sha256: string;
  title: string;
  metadata: ProblemVersionMetadata;
  report: ImportReportBody;
  createdAt: Date;
}

export interface ImportedProblemSummary {
  slug: string;
  title: string;
  version: number;
  sha256: string;
  size: number;
  updatedAt: Date;
  visibility: ProblemVisibility;
  difficulty: ImportedProblemSettings['difficulty'];
  /** The latest version's verification as stored (`queued` until a worker's findings are saved). */
  verification: PackageVerification | null;
}

/** A page of the list: slugs after `after`, at most `limit` of them (all when absent). */
export interface ProblemListPage {
  after?: string;
  limit?: number;
}

const versionColumns = {
  slug: problemVersions.slug,
  version: problemVersions.version,
  sha256: problemVersions.sha256,
  title: problemVersions.title,
  metadata: problemVersions.metadata,
  report: problemVersions.report,
  createdAt: problemVersions.createdAt,
};

const settingsColumns = {
  title: importedProblems.title,
  statement: importedProblems.statement,
  timeLimitMs: importedProblems.timeLimitMs,
  memoryMb: importedProblems.memoryMb,
  difficulty: importedProblems.difficulty,
  visibility: importedProblems.visibility,
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class ProblemPackagesRepository {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = systemClock,
  ) {}

  /**
   * Stores a package as the next version of its slug (1 for a new slug). The blob is written only when
   * no package with the same hash is stored yet. Two imports of one slug at once take turns (row lock).
   */
  async addVersion(input: NewProblemVersion): Promise<{ version: ProblemVersion; replaced: boolean }> {
    const sha256 = sha256Hex(input.zip);
    const now = this.now();
    return this.db.transaction(async (tx) => {
      await tx
        .insert(packageBlobs)
        .values({ sha256, bytes: input.zip, size: input.zip.length, createdAt: now })
        .onConflictDoNothing();
      // Creates the problem at version 0 or locks its row; either way the next version is ours alone.
      await tx
        .insert(importedProblems)
        .values({ slug: input.slug, title: input.title, latestVersion: 0, createdAt: now, updatedAt: now })
        .onConflictDoNothing();
      const [locked] = await tx
        .select({ latest: importedProblems.latestVersion, titleSetByAdmin: importedProblems.titleSetByAdmin })
        .from(importedProblems)
        .where(eq(importedProblems.slug, input.slug))
        .for('update');
      const previous = locked?.latest ?? 0;
      const version = previous + 1;
      const [row] = await tx
        .insert(problemVersions)
        .values({
          slug: input.slug,
          version,
          sha256,
          title: input.title,
          metadata: input.metadata,
          report: input.report,
          createdAt: now,
        })
        .returning(versionColumns);
      await tx
        .update(importedProblems)
        // An admin's title stays; otherwise the problem is called as its newest package.
        .set({
          latestVersion: version,
          ...(locked?.titleSetByAdmin === true ? {} : { title: input.title }),
          updatedAt: now,
        })
        .where(eq(importedProblems.slug, input.slug));
      if (!row) throw new Error('the new problem version was not returned');
      return { version: row, replaced: previous > 0 };
    });
  }

  /**
   * Stores what verifying a version found (the report's `verification`; null removes it); the version's
   * files and metadata never change. With `ifJobId`, only while the report still names that job as the current verification
   * (compare-and-set in one statement): an older job finishing after a newer one was queued stores nothing.
   * Returns false when nothing was stored (no such version, or another job is current).
   */
  async setVerification(
    slug: string,
    version: number,
    verification: PackageVerification | null,
    ifJobId?: string,
  ): Promise<boolean> {
    const rows = await this.db
      .update(problemVersions)
      .set({
        report:
          verification === null
            ? sql`${problemVersions.report} - 'verification'`
            : sql`jsonb_set(${problemVersions.report}, '{verification}', ${JSON.stringify(verification)}::jsonb)`,
      })
      .where(
        and(
          eq(problemVersions.slug, slug),
          eq(problemVersions.version, version),
          ifJobId === undefined
            ? undefined
            : sql`${problemVersions.report} -> 'verification' ->> 'jobId' = ${ifJobId}`,
        ),
      )
      .returning({ version: problemVersions.version });
    return rows.length > 0;
  }

  /** The version new submissions of `slug` are judged on; null: no such imported problem. */
  async latest(slug: string): Promise<ProblemVersion | null> {
    const [row] = await this.db
      .select(versionColumns)
      .from(problemVersions)
      .innerJoin(
        importedProblems,
        and(
          eq(importedProblems.slug, problemVersions.slug),
          eq(importedProblems.latestVersion, problemVersions.version),
        ),
      )
      .where(eq(problemVersions.slug, slug));
    return row ?? null;
  }

  async version(slug: string, version: number): Promise<ProblemVersion | null> {
    const [row] = await this.db
      .select(versionColumns)
      .from(problemVersions)
      .where(and(eq(problemVersions.slug, slug), eq(problemVersions.version, version)));
    return row ?? null;
  }

  /** Every version of a slug, newest first. */
  async versions(slug: string): Promise<ProblemVersion[]> {
    return this.db
      .select(versionColumns)
      .from(problemVersions)
      .where(eq(problemVersions.slug, slug))
      .orderBy(desc(problemVersions.version));
  }

  /** A stored package's zip by hash; null: none. */
  async blob(sha256: string): Promise<Buffer | null> {
    const [row] = await this.db
      .select({ bytes: packageBlobs.bytes })
      .from(packageBlobs)
      .where(eq(packageBlobs.sha256, sha256));
    return row?.bytes ?? null;
  }

  /** Imported problems at their latest version, by slug: all of them, or one page. */
  async list(page: ProblemListPage = {}): Promise<ImportedProblemSummary[]> {
    const query = this.db
      .select({
        slug: importedProblems.slug,
        title: importedProblems.title,
        version: importedProblems.latestVersion,
        sha256: problemVersions.sha256,
        size: packageBlobs.size,
        updatedAt: importedProblems.updatedAt,
        visibility: importedProblems.visibility,
        difficulty: importedProblems.difficulty,
        verification: sql<PackageVerification | null>`${problemVersions.report} -> 'verification'`,
      })
      .from(importedProblems)
      .innerJoin(
        problemVersions,
        and(
          eq(problemVersions.slug, importedProblems.slug),
          eq(problemVersions.version, importedProblems.latestVersion),
        ),
      )
      .innerJoin(packageBlobs, eq(packageBlobs.sha256, problemVersions.sha256))
      .where(page.after === undefined ? undefined : gt(importedProblems.slug, page.after))
      .orderBy(asc(importedProblems.slug));
    return page.limit === undefined ? query : query.limit(page.limit);
  }

  /** What admins set on an imported problem; null: no such imported problem. */
  async settings(slug: string): Promise<ImportedProblemSettings | null> {
    const [row] = await this.db
      .select(settingsColumns)
      .from(importedProblems)
      .where(eq(importedProblems.slug, slug));
    return row ?? null;
  }

  /** The titles in force of the imported problems among `slugs`, by slug, in one query; other slugs are left out. */
  async titles(slugs: readonly string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) return new Map();
    const rows = await this.db
      .select({ slug: importedProblems.slug, title: importedProblems.title })
      .from(importedProblems)
      .where(inArray(importedProblems.slug, [...slugs]));
    return new Map(rows.map((row) => [row.slug, row.title]));
  }

  /**
   * Changes what an admin sets (absent fields stay, null ones go back to the package's); null: no such problem.
   * A title that differs from the one in force becomes the admin's (re-imports keep it); `title: null` puts
   * back the latest version's name, which re-imports then replace again.
   */
  async updateSettings(slug: string, change: UpdateProblemRequest): Promise<ImportedProblemSettings | null> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx
        .select({ title: importedProblems.title, latest: importedProblems.latestVersion })
        .from(importedProblems)
        .where(eq(importedProblems.slug, slug))
        .for('update');
      if (current === undefined) return null;
      const { title, ...rest } = change;
      let titleChange: { title?: string; titleSetByAdmin?: boolean } = {};
      if (title === null) {
        const [latest] = await tx
          .select({ title: problemVersions.title })
          .from(problemVersions)
          .where(and(eq(problemVersions.slug, slug), eq(problemVersions.version, current.latest)));
        titleChange = { title: latest?.title ?? current.title, titleSetByAdmin: false };
      } else if (title !== undefined && title !== current.title) {
        titleChange = { title, titleSetByAdmin: true };
      }
      const [row] = await tx
        .update(importedProblems)
        .set({ ...rest, ...titleChange, updatedAt: this.now() })
        .where(eq(importedProblems.slug, slug))
        .returning(settingsColumns);
      return row ?? null;
    });
  }

  /**
   * Deletes an imported problem with every version, and the stored packages no other version names, in one
   * transaction. Submissions made to it stay (with their code and results). False: no such problem.
   */
  async remove(slug: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const deleted = await tx
        .delete(importedProblems)
        .where(eq(importedProblems.slug, slug))
        .returning({ slug: importedProblems.slug });
      if (deleted.length === 0) return false;
      await tx.delete(packageBlobs).where(
        notExists(
          tx
            .select({ one: sql`1` })
            .from(problemVersions)
            .where(eq(problemVersions.sha256, packageBlobs.sha256)),
        ),
      );
      return true;
    });
  }

  /** How many stored blobs there are (tests check that identical packages share one). */
  async blobCount(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(packageBlobs);
    return row?.n ?? 0;
  }
}
