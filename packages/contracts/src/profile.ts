/**
 * A user's public profile (`GET /users/:username/profile`): problems solved by difficulty and tag,
 * submits per UTC day over the last year, streaks of days with an accepted submit, recent solves.
 */
import { z } from 'zod';
import { difficultySchema } from './problems.js';

/** Days the activity covers, today (UTC) included. */
export const PROFILE_ACTIVITY_DAYS = 365;
/** Problems listed under recent solves, at most. */
export const PROFILE_RECENT_ACCEPTED = 10;

/** A UTC calendar day, `YYYY-MM-DD`. */
const utcDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD day');

export const profileDifficultySchema = z.object({
  difficulty: difficultySchema,
  /** Problems of this difficulty the user solved. */
  solved: z.number().int().nonnegative(),
  /** Problems of this difficulty in the catalog. */
  total: z.number().int().nonnegative(),
});

export const profileTagSchema = z.object({
  tag: z.string(),
  solved: z.number().int().positive(),
  /** Problems with this tag in the catalog. */
  total: z.number().int().positive(),
});

export const profileDaySchema = z.object({
  date: utcDay,
  /** Submits made that day (UTC). */
  count: z.number().int().positive(),
});

export const profileAcceptedSchema = z.object({
  slug: z.string(),
  title: z.string(),
  difficulty: difficultySchema,
  /** The user's latest accepted submit of it (ISO 8601). */
  acceptedAt: z.string(),
});

export const userProfileSchema = z.object({
  username: z.string(),
  /** ISO 8601. */
  memberSince: z.string(),
  solved: z.object({
    /** Problems solved in all. */
    total: z.number().int().nonnegative(),
    /** Problems in the catalog. */
    of: z.number().int().nonnegative(),
    /** Easy, medium, hard, in that order. */
    byDifficulty: z.array(profileDifficultySchema),
    /** Tags of the solved problems, most solved first (then by name). */
    byTag: z.array(profileTagSchema),
  }),
  activity: z.object({
    /** First day covered (UTC), `to` minus 364 days. */
    from: utcDay,
    /** Today (UTC). */
    to: utcDay,
    /** Submits in the range. */
    total: z.number().int().nonnegative(),
    /** Days with at least one submit, oldest first; the days left out had none. */
    days: z.array(profileDaySchema),
  }),
  streak: z.object({
    /** Consecutive UTC days with an accepted submit, ending today or yesterday (0 otherwise). */
    current: z.number().int().nonnegative(),
    /** The longest such run ever. */
    longest: z.number().int().nonnegative(),
  }),
  /** Up to 10 solved problems, the most recently accepted first. */
  recentAccepted: z.array(profileAcceptedSchema),
});
export type UserProfile = z.infer<typeof userProfileSchema>;
