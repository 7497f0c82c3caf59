/** Imported problem packages: the version a job judges, and what the import and export routes take and give. */
import { z } from 'zod';
import { packageVerificationSchema } from './package-verification.js';
import { DIFFICULTY_LEVELS, difficultySchema } from './problems.js';

/** A problem's slug: lowercase letters, digits and single hyphens (as the folders of `problems/`). */
export const problemSlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');

/** Hex SHA-256 of a stored package (its normalised zip). */
export const packageHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a hex SHA-256');

/**
 * The exact package a job judges: fixed when the job is accepted, so a re-import while it waits or
 * runs does not change what it is judged against. Workers fetch the package by `sha256`.
 */
export const packageRefSchema = z.object({
  slug: problemSlugSchema,
  version: z.number().int().positive(),
  sha256: packageHashSchema,
});
export type PackageRef = z.infer<typeof packageRefSchema>;

/** What the import found, what Arbiter does not judge yet, and warnings. */
export const importReportSchema = z.object({
  found: z.array(z.string()),
  unsupported: z.array(z.string()),
  warnings: z.array(z.string()),
  /** The labelled submissions judged by a worker (queued at import; filled in when the job finishes). */
  verification: packageVerificationSchema.optional(),
});
export type ImportReportBody = z.infer<typeof importReportSchema>;

export const importProblemQuerySchema = z.object({
  /** The slug to import under; default: the package's name made into a slug. */
  slug: problemSlugSchema.optional(),
});

/** `draft`: listed and submitted to by admins only; `published`: by everyone. */
export const PROBLEM_VISIBILITIES = ['draft', 'published'] as const;
export const problemVisibilitySchema = z.enum(PROBLEM_VISIBILITIES);
export type ProblemVisibility = z.infer<typeof problemVisibilitySchema>;

/** The longest statement an admin may write (UTF-16 code units), and the most a limit may be set to. */
export const MAX_STATEMENT_CHARS = 256 * 1024;
export const MAX_TIME_LIMIT_MS = 60_000;
export const MAX_MEMORY_LIMIT_MB = 8192;

/**
 * What an admin sets on an imported problem (`PATCH /admin/problems/:slug`), kept across re-imports except
 * the title, which a re-import takes from the new package. null limits and statement: the package's own.
 */
export const importedProblemSettingsSchema = z.object({
  title: z.string(),
  /** Markdown in place of the package's statement; null: the package's own. */
  statement: z.string().nullable(),
  /** The time limit per test case (ms) in place of the package's; null: the package's (or derived). */
  timeLimitMs: z.number().int().positive().nullable(),
  /** The memory limit (MiB) in place of the package's `limits.memory`; null: the package's. */
  memoryMb: z.number().int().positive().nullable(),
  /** As `GET /problems` shows it (a package states none; `medium` until set). */
  difficulty: difficultySchema,
  visibility: problemVisibilitySchema,
});
export type ImportedProblemSettings = z.infer<typeof importedProblemSettingsSchema>;

/**
 * `PATCH /admin/problems/:slug`: any of the settings; null puts back the package's title, statement or limit.
 * A title that differs from the current one is the admin's, kept by re-imports.
 */
export const updateProblemRequestSchema = z
  .object({
    title: z
      .string({ error: 'title must be a string, or null for the package’s name' })
      .trim()
      .min(1, 'title must not be empty')
      .max(200, 'title is at most 200 characters')
      .nullable()
      .optional(),
    statement: z
      .string({ error: 'statement must be Markdown text, or null for the package’s own' })
      .max(MAX_STATEMENT_CHARS, `statement is at most ${MAX_STATEMENT_CHARS} characters`)
      .nullable()
      .optional(),
    timeLimitMs: z
      .number({ error: 'timeLimitMs must be a number of milliseconds, or null for the package’s own' })
      .int('timeLimitMs is a whole number of milliseconds')
      .min(1, 'timeLimitMs is at least 1')
      .max(MAX_TIME_LIMIT_MS, `timeLimitMs is at most ${MAX_TIME_LIMIT_MS}`)
      .nullable()
      .optional(),
    memoryMb: z
      .number({ error: 'memoryMb must be a number of MiB, or null for the package’s own' })
      .int('memoryMb is a whole number of MiB')
      .min(16, 'memoryMb is at least 16')
      .max(MAX_MEMORY_LIMIT_MB, `memoryMb is at most ${MAX_MEMORY_LIMIT_MB}`)
      .nullable()
      .optional(),
    difficulty: z.enum(DIFFICULTY_LEVELS, { error: 'difficulty is easy, medium or hard' }).optional(),
    visibility: z.enum(PROBLEM_VISIBILITIES, { error: 'visibility is draft or published' }).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' });
export type UpdateProblemRequest = z.infer<typeof updateProblemRequestSchema>;

/** `PATCH /admin/problems/:slug`'s answer: the settings now in force. */
export const updateProblemResponseSchema = z.object({
  slug: problemSlugSchema,
  settings: importedProblemSettingsSchema,
});
export type UpdateProblemResponse = z.infer<typeof updateProblemResponseSchema>;

export const importProblemResponseSchema = z.object({
  slug: problemSlugSchema,
  /** 1 for a new problem; each re-import adds one. */
  version: z.number().int().positive(),
  sha256: packageHashSchema,
  title: z.string(),
  report: importReportSchema,
});
export type ImportProblemResponse = z.infer<typeof importProblemResponseSchema>;

export const importedProblemSchema = z.object({
  slug: problemSlugSchema,
  title: z.string(),
  /** The version new submissions are judged on. */
  version: z.number().int().positive(),
  sha256: packageHashSchema,
  /** Bytes of the stored package zip. */
  size: z.number().int().nonnegative(),
  updatedAt: z.string(),
  visibility: problemVisibilitySchema,
  /** Where the latest version's verification stands; null: it was never queued (imported with `--no-verify`). */
  verification: z
    .object({
      status: packageVerificationSchema.shape.status,
      /** Set once done: every submission got its label and every input passed its validators. */
      ok: z.boolean().optional(),
    })
    .nullable(),
});
export type ImportedProblem = z.infer<typeof importedProblemSchema>;

/** Problems per page of `GET /admin/problems`, at most: ADMIN_PAGE_MAX (importing admin-views.ts here would close an import cycle through submission.ts). */
export const PROBLEM_PAGE_MAX = 100;

/** `GET /admin/problems`: pages by slug. */
export const importedProblemListQuerySchema = z
  .object({
    cursor: problemSlugSchema
      .optional()
      .describe('`nextCursor` of the previous page (the last slug it listed).'),
    limit: z.coerce.number().int().min(1).max(PROBLEM_PAGE_MAX).default(50).describe('Problems per page.'),
  })
  .strict();
export type ImportedProblemListQuery = z.infer<typeof importedProblemListQuerySchema>;

export const importedProblemListSchema = z.object({
  problems: z.array(importedProblemSchema),
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type ImportedProblemList = z.infer<typeof importedProblemListSchema>;

/** `GET /admin/problems/:slug`: an imported problem's versions, newest first, each with its report. */
export const importedProblemVersionSchema = z.object({
  version: z.number().int().positive(),
  sha256: packageHashSchema,
  title: z.string(),
  /** The time limit its submissions get (seconds): stated, derived on import, or null for the platform default. */
  timeLimit: z.number().positive().nullable(),
  report: importReportSchema,
  createdAt: z.string(),
});
export const importedProblemDetailSchema = z.object({
  slug: problemSlugSchema,
  /** What admins set: title, statement, limits, difficulty, visibility. */
  settings: importedProblemSettingsSchema,
  /** The version new submissions are judged on. */
  latestVersion: z.number().int().positive(),
  versions: z.array(importedProblemVersionSchema),
});
export type ImportedProblemDetail = z.infer<typeof importedProblemDetailSchema>;

/** `POST /admin/problems/:slug/verify`: the latest version's verification, queued again. */
export const verifyProblemResponseSchema = z.object({
  slug: problemSlugSchema,
  /** The version being verified (the latest). */
  version: z.number().int().positive(),
  /** `status: queued` with the new job's id; `GET /admin/problems/:slug` gives the findings once it is done. */
  verification: packageVerificationSchema,
});
export type VerifyProblemResponse = z.infer<typeof verifyProblemResponseSchema>;
