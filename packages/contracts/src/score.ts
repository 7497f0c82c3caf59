/** A scoring problem's points: the submission's score and each test data group's, as the graders gave them. */
import { z } from 'zod';
import { verdictSchema } from './verdicts.js';

/** One test data group (`secret`, `secret/group1`) as its grader aggregated it. */
export const groupScoreSchema = z.object({
  /** The group's folder below data/. */
  name: z.string(),
  /** The grader's verdict for the group (the default grader: worst or first error, or accepted). */
  verdict: verdictSchema,
  score: z.number(),
  /** The most the group can score: its `range`'s upper bound, else what every case accepted would give; null: unbounded. */
  maxScore: z.number().nullable(),
});
export type GroupScore = z.infer<typeof groupScoreSchema>;

export const scoreResultSchema = z.object({
  /** The root group's score (data/: sample and secret, as the grader flags say). */
  score: z.number(),
  /** The most a submission can score (data/'s `range` upper bound, else every case accepted); null: unbounded. */
  maxScore: z.number().nullable(),
  /** Every group that was graded, parents before their subgroups, in judging order. */
  groups: z.array(groupScoreSchema),
});
export type ScoreResult = z.infer<typeof scoreResultSchema>;
