/**
 * `GET /users/:username/profile`: anyone may read a user's profile: problems solved by difficulty
 * and tag, submits per UTC day over the last year, streaks and recent solves. Submits of a contest
 * that has not ended stay out, and so do problems of contests that have not started.
 */
import type { Request } from 'express';
import { z } from 'zod';
import {
  DIFFICULTY_LEVELS,
  PROFILE_ACTIVITY_DAYS,
  PROFILE_RECENT_ACCEPTED,
  usernameSchema,
  type UserProfile,
} from '@arbiter/contracts';
import type { ProfileStats, User } from '@arbiter/db';
import type { Problem } from '@arbiter/problems';
import { PUBLIC } from '../auth/access.js';
import { notFound } from '../http/http-error.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { UserProfile as UserProfileSchema } from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';

const noSuchUser = (username: unknown) => notFound(`No user named "${String(username)}".`);

/** The answer, from the figures and the problems anyone may see. */
export function profileView(
  user: Pick<User, 'username' | 'createdAt'>,
  stats: ProfileStats,
  problems: Problem[],
): UserProfile {
  const bySlug = new Map(problems.map((problem) => [problem.slug, problem]));
  const solved = stats.solved.flatMap((solve) => {
    const problem = bySlug.get(solve.problemSlug);
    return problem === undefined ? [] : [{ problem, at: solve.lastAcceptedAt }];
  });
  const tagTotals = new Map<string, number>();
  for (const problem of problems)
    for (const tag of problem.tags) tagTotals.set(tag, (tagTotals.get(tag) ?? 0) + 1);
  const tagSolved = new Map<string, number>();
  for (const { problem } of solved)
    for (const tag of problem.tags) tagSolved.set(tag, (tagSolved.get(tag) ?? 0) + 1);
  return {
    username: user.username,
    memberSince: user.createdAt.toISOString(),
    solved: {
      total: solved.length,
      of: problems.length,
      byDifficulty: DIFFICULTY_LEVELS.map((difficulty) => ({
        difficulty,
        solved: solved.filter(({ problem }) => problem.difficulty === difficulty).length,
        total: problems.filter((problem) => problem.difficulty === difficulty).length,
      })),
      byTag: [...tagSolved]
        .map(([tag, count]) => ({ tag, solved: count, total: tagTotals.get(tag) ?? count }))
        .sort((a, b) => b.solved - a.solved || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)),
    },
    activity: {
      from: stats.from,
      to: stats.to,
      total: stats.days.reduce((sum, day) => sum + day.count, 0),
      days: stats.days,
    },
    streak: { current: stats.currentStreak, longest: stats.longestStreak },
    recentAccepted: solved
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, PROFILE_RECENT_ACCEPTED)
      .map(({ problem, at }) => ({
        slug: problem.slug,
        title: problem.title,
        difficulty: problem.difficulty,
        acceptedAt: at.toISOString(),
      })),
  };
}

export function profileRoutes(resources: Pick<ApiResources, 'db' | 'catalog'>): RouteSpec[] {
  const { db, catalog } = resources;
  return [
    defineRoute({
      method: 'get',
      path: '/users/:username/profile',
      tag: 'Users',
      summary: "A user's profile: solved problems, a year of activity, streaks",
      description:
        'Public. Days are UTC. Activity counts submits (not runs, not rejudges); streaks count days with an ' +
        'accepted submit. Submits of a contest that has not ended yet are left out until its end.',
      access: PUBLIC,
      params: z.object({ username: usernameSchema.describe('The account, as it signs in (any case).') }),
      invalid: (_part: string, _error: Error, req: Request) => noSuchUser(req.params.username),
      responses: {
        200: { description: 'The profile.', body: UserProfileSchema },
        404: { description: '`NOT_FOUND`: no account of that name.', errors: ['NOT_FOUND'] },
      },
      handle: async ({ params }, _req, res) => {
        const user = await db.users.findUserByUsername(params.username);
        if (user === null) throw noSuchUser(params.username);
        const [stats, hidden] = await Promise.all([
          db.profiles.profile(user.id, PROFILE_ACTIVITY_DAYS),
          db.contests.unreleasedProblems(),
        ]);
        const problems = [...catalog.values()].filter((problem) => !hidden.has(problem.slug));
        res.json(profileView(user, stats, problems));
      },
    }),
  ];
}
