/**
 * A contest board at scale for the scoreboard test and benchmark: a contest of the first catalog problems made
 * through the API (started four hours ago, ending in four), and its participants inserted straight in SQL.
 * Their submissions stay with each caller (the benchmark's are random, the test's follow a fixed pattern).
 */
import { testSql } from './platform.js';

export interface BoardContest {
  contestId: string;
  /** The contest's problems in letter order (A is the first). */
  slugs: string[];
  startsAt: Date;
}

/** Creates, as the admin whose cookie is `admin`, a contest of the first `problems` problems of `GET /problems`. */
export async function createBoardContest(
  url: string,
  admin: string,
  options: { title: string; problems: number },
): Promise<BoardContest> {
  const catalog = (await (await fetch(`${url}/problems`)).json()) as { slug: string }[];
  const slugs = catalog.slice(0, options.problems).map((problem) => problem.slug);
  const startsAt = new Date(Date.now() - 4 * 3_600_000);
  const created = await fetch(`${url}/contests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin },
    body: JSON.stringify({
      title: options.title,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(Date.now() + 4 * 3_600_000).toISOString(),
      problems: slugs.map((problem, i) => ({ letter: String.fromCharCode(65 + i), problem })),
    }),
  });
  if (created.status !== 201) throw new Error(`contest: ${created.status} ${await created.text()}`);
  const contestId = ((await created.json()) as { id: string }).id;
  return { contestId, slugs, startsAt };
}

/**
 * Inserts `count` users, `racer<n>` with the id `<idPrefix>-<n>` (n from 1), registered in the contest at its start.
 */
export async function seedBoardParticipants(
  prefix: string,
  contest: BoardContest,
  count: number,
  idPrefix: string,
): Promise<void> {
  await testSql(
    prefix,
    `insert into users (id, username, username_key, password_hash, role, created_at)
     select $1::text || '-' || i, 'racer' || i, 'racer' || i, 'x', 'user', now() from generate_series(1, $2) i`,
    [idPrefix, count],
  );
  await testSql(
    prefix,
    `insert into contest_participants (contest_id, user_id, registered_at, virtual)
     select $1, $2::text || '-' || i, $3::timestamptz, false from generate_series(1, $4) i`,
    [contest.contestId, idPrefix, contest.startsAt.toISOString(), count],
  );
}
