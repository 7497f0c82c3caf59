/**
 * Similarity reports: the submissions of one problem (in a contest, a class assignment, or everywhere)
 * compared pairwise with Dolos in the sandbox, pairs ranked by similarity with their matching fragments.
 */
import { z } from 'zod';
import { languageIdSchema } from './languages.js';

/** Most submissions one report compares (the latest submit of each author, newest authors first). */
export const MAX_SIMILARITY_SUBMISSIONS = 100;
/** Most pairs a report keeps (the most similar). */
export const MAX_SIMILARITY_PAIRS = 200;
/** Most fragments kept per pair (the longest). */
export const MAX_SIMILARITY_FRAGMENTS = 50;

/** `POST /admin/similarity`: what to compare. A class assignment needs both ids; not with `contestId`. */
export const similarityRequestSchema = z
  .object({
    problem: z.string().min(1).max(200).describe('The problem slug.'),
    contestId: z.string().min(1).max(100).optional().describe('Only submissions made in this contest.'),
    classId: z.string().min(1).max(100).optional().describe("Only this class's members' submits."),
    assignmentId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('With `classId`: the assignment (the problem must be one of its problems).'),
  })
  .strict()
  .refine((r) => (r.classId === undefined) === (r.assignmentId === undefined), {
    message: 'classId and assignmentId go together',
  })
  .refine((r) => r.contestId === undefined || r.classId === undefined, {
    message: 'a report is about a contest or a class assignment, not both',
  });
export type SimilarityRequest = z.infer<typeof similarityRequestSchema>;

/** A span of a source: rows and columns from 0, the end inclusive as Dolos reports it. */
export const sourceRegionSchema = z.object({
  startRow: z.number().int().nonnegative(),
  startCol: z.number().int().nonnegative(),
  endRow: z.number().int().nonnegative(),
  endCol: z.number().int().nonnegative(),
});
export type SourceRegion = z.infer<typeof sourceRegionSchema>;

export const similarityPairSchema = z.object({
  /** Submission ids. */
  left: z.string(),
  right: z.string(),
  /** Dolos' similarity: the share of both sources' fingerprints they have in common, 0 to 1. */
  similarity: z.number().min(0).max(1),
  /** The longest fragment, in k-grams (consecutive matching fingerprints). */
  longest: z.number().int().nonnegative(),
  /** Fingerprints in common. */
  overlap: z.number().int().nonnegative(),
  /** The matching fragments, longest first. */
  fragments: z
    .array(z.object({ left: sourceRegionSchema, right: sourceRegionSchema }))
    .max(MAX_SIMILARITY_FRAGMENTS),
});
export type SimilarityPair = z.infer<typeof similarityPairSchema>;

/** What the similarity job's sandboxed analysis found, most similar pair first. */
export const similarityResultSchema = z.object({
  pairs: z.array(similarityPairSchema).max(MAX_SIMILARITY_PAIRS),
  /** Languages Dolos cannot parse, groups that failed (with why): the report is then partial. */
  warnings: z.array(z.string()),
});
export type SimilarityResult = z.infer<typeof similarityResultSchema>;

/** The job's input: the sources, one group per language (pairs are only formed within a group). */
export const similarityJobSchema = z.object({
  groups: z.array(
    z.object({
      language: languageIdSchema,
      files: z.array(z.object({ id: z.string(), code: z.string() })).max(MAX_SIMILARITY_SUBMISSIONS),
    }),
  ),
});
export type SimilarityJob = z.infer<typeof similarityJobSchema>;

/** One compared submission, as the report shows it. */
export const similaritySubmissionSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  language: languageIdSchema,
  code: z.string(),
  verdict: z.string().nullable(),
  createdAt: z.string(),
});
export type SimilaritySubmission = z.infer<typeof similaritySubmissionSchema>;

export const similarityScopeSchema = z.object({
  problem: z.string(),
  contestId: z.string().optional(),
  classId: z.string().optional(),
  assignmentId: z.string().optional(),
});
export type SimilarityScope = z.infer<typeof similarityScopeSchema>;

/** `GET /admin/similarity/:id`. */
export const similarityReportSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  scope: similarityScopeSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  /** Why the analysis failed (status `failed`). */
  error: z.string().nullable(),
  submissions: z.array(similaritySubmissionSchema),
  /** Empty until `completed`. */
  pairs: z.array(similarityPairSchema),
  warnings: z.array(z.string()),
});
export type SimilarityReport = z.infer<typeof similarityReportSchema>;

/** `POST /admin/similarity`'s answer. */
export const similarityStartedSchema = z.object({
  id: z.string(),
  /** Submissions compared. */
  submissions: z.number().int().nonnegative(),
});
export type SimilarityStarted = z.infer<typeof similarityStartedSchema>;
