/**
 * The 2023-07 draft's `scoring` map in a group's testdata.yaml (`score`, `max_score`, `aggregation`), which
 * 2025-09 replaced by `max_score` and `score_aggregation` and which the specification's own example scoring
 * package still uses: read as those keys. In the draft an accepted case scores its group's `score` (1 by
 * default), a group is the `sum` or `min` of its cases and subgroups (`sum` in secret, `min` below it), and
 * its maximum is the sum or minimum of theirs unless `max_score` says otherwise.
 */
import { z } from 'zod';

/** A draft number: YAML's, or a string holding one (the draft types these keys as strings). */
const draftNumber = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a non-negative number')
    .transform(Number),
]);

export const draftScoringSchema = z
  .object({
    score: draftNumber.optional(),
    max_score: draftNumber.optional(),
    aggregation: z.enum(['sum', 'min']).optional(),
  })
  .strict();

/** The map as a group's file wrote it (this file's own, never inherited). */
export interface DraftScoring {
  readonly score?: number;
  readonly maxScore?: number;
  readonly aggregation?: 'sum' | 'min';
}

export function readDraftScoring(value: z.infer<typeof draftScoringSchema>): DraftScoring {
  return {
    ...(value.score === undefined ? {} : { score: value.score }),
    ...(value.max_score === undefined ? {} : { maxScore: value.max_score }),
    ...(value.aggregation === undefined ? {} : { aggregation: value.aggregation }),
  };
}

/**
 * The 2025-09 keys a group's draft map comes to: its aggregation, and its maximum from its `score` times
 * its cases and from its subgroups' maxima (those read already, `subgroupMaxima`; an unbounded one leaves
 * the group unbounded).
 */
export function draftAggregation(
  name: string,
  draft: DraftScoring,
  caseCount: number,
  subgroupMaxima: readonly (number | 'unbounded')[],
): { maxScore: number | 'unbounded'; scoreAggregation: 'sum' | 'min' } {
  const scoreAggregation = draft.aggregation ?? (name === 'secret' ? 'sum' : 'min');
  if (draft.maxScore !== undefined) return { maxScore: draft.maxScore, scoreAggregation };
  const perCase = draft.score ?? 1;
  const parts = [...Array<number>(caseCount).fill(perCase), ...subgroupMaxima];
  if (parts.includes('unbounded')) return { maxScore: 'unbounded', scoreAggregation };
  const numbers = parts as number[];
  const maxScore =
    numbers.length === 0
      ? 0
      : scoreAggregation === 'sum'
        ? numbers.reduce((a, b) => a + b, 0)
        : Math.min(...numbers);
  return { maxScore, scoreAggregation };
}
