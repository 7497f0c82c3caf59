/**
 * Imported problem packages: each package's content stored once under its SHA-256
 * (`package_blobs`, the normalised zip), the imported problems (`imported_problems`) and every
 * version an import made (`problem_versions`), each naming its blob. Versions are never rewritten:
 * a job names the version and hash it was accepted with and is judged on exactly that.
 */
import {
  DIFFICULTY_LEVELS,
  PROBLEM_VISIBILITIES,
  type Difficulty,
  type ImportReportBody,
  type ProblemVisibility,
} from '@arbiter/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';
import { sqlList, timestampMs } from './columns.js';

/** `bytea`, read as a Buffer whichever driver hands it over. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const packageBlobs = pgTable('package_blobs', {
  /** Hex SHA-256 of `bytes`. */
  sha256: text('sha256').primaryKey(),
  /** The package as a zip written by `writeZip` from its files in path order (same files, same bytes). */
  bytes: bytea('bytes').notNull(),
  /** Bytes of the zip. */
  size: integer('size').notNull(),
  createdAt: timestampMs('created_at').notNull().defaultNow(),
});

export const importedProblems = pgTable(
  'imported_problems',
  {
    slug: text('slug').primaryKey(),
    /** The latest import's title, or what an admin set since (`PATCH /admin/problems/:slug`). */
    title: text('title').notNull(),
    /** Whether `title` is an admin's (a PATCH changed it): a re-import then keeps it instead of the package's name. */
    titleSetByAdmin: boolean('title_set_by_admin').notNull().default(false),
    /** The version new submissions are judged on (the last import). */
    latestVersion: integer('latest_version').notNull(),
    /** An admin's statement (Markdown) in place of the package's; null: the package's own. */
    statement: text('statement'),
    /** An admin's time limit per test case (ms) in place of the package's; null: the package's. */
    timeLimitMs: integer('time_limit_ms'),
    /** An admin's memory limit (MiB) in place of the package's; null: the package's. */
    memoryMb: integer('memory_mb'),
    /** As `GET /problems` lists it; a package states none. */
    difficulty: text('difficulty').$type<Difficulty>().notNull().default('medium'),
    /** `draft`: listed and submitted to by admins only; `published`: by everyone. */
    visibility: text('visibility').$type<ProblemVisibility>().notNull().default('published'),
    createdAt: timestampMs('created_at').notNull().defaultNow(),
    updatedAt: timestampMs('updated_at').notNull().defaultNow(),
  },
  () => [
    check('imported_problems_visibility_check', sql.raw(`visibility in ${sqlList(PROBLEM_VISIBILITIES)}`)),
    check('imported_problems_difficulty_check', sql.raw(`difficulty in ${sqlList(DIFFICULTY_LEVELS)}`)),
  ],
);

/** What an import read from a package besides its files: limits, test groups, validation, report. */
export interface ProblemVersionMetadata {
  formatVersion: string;
  types: string[];
  validation: 'default' | 'custom';
  validatorFlags: string;
  /** Seconds; absent: the package states none. */
  timeLimit?: number;
  timeMultiplier: number;
  timeSafetyMargin: number;
  /** MiB. */
  memoryMb: number;
  /** MiB. */
  outputMb: number;
  /** Test groups below data/ in judging order, with their case counts. */
  groups: { name: string; cases: number }[];
  samples: number;
  secret: number;
  /** Scoring problems whose lower scores are better (legacy `grading.objective: min`); absent: higher is better. */
  objective?: 'min';
}

export const problemVersions = pgTable(
  'problem_versions',
  {
    slug: text('slug')
      .notNull()
      .references(() => importedProblems.slug, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => packageBlobs.sha256),
    title: text('title').notNull(),
    metadata: jsonb('metadata').$type<ProblemVersionMetadata>().notNull(),
    /** The import report: found, unsupported, warnings, and the verification of its submissions once a worker ran them. */
    report: jsonb('report').$type<ImportReportBody>().notNull(),
    createdAt: timestampMs('created_at').notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.slug, table.version] }),
    index('problem_versions_sha256_idx').on(table.sha256),
  ],
);
