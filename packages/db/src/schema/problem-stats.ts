/**
 * The `problem_stats` table: per problem, how many judged submits there were and how many were
 * accepted. Updated in the transaction that records a submit's final verdict, so it never drifts
 * from `submissions`.
 */
import { integer, pgTable, text } from 'drizzle-orm/pg-core';

export const problemStats = pgTable('problem_stats', {
  problemSlug: text('problem_slug').primaryKey(),
  /** Submits judged (status `completed`); platform failures are not counted. */
  submissions: integer('submissions').notNull().default(0),
  accepted: integer('accepted').notNull().default(0),
});
