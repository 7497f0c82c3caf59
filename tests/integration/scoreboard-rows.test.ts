/**
 * The scoreboard's compact live form at scale: 1,000 participants × 12 problems seeded in SQL under a real
 * API (no worker: verdicts are saved and announced as the result persister does). A `watchContest` with
 * `form: 'compact'` gets the whole board once, under a size cap, and then a verdict as one changed row,
 * not the board again; a viewer that missed an update asks again and gets the whole board.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { Redis } from 'ioredis';
import {
  applyRowsUpdate,
  type ClientToServerEvents,
  type CompactScoreboard,
  type ScoreboardRowsUpdate,
  type ServerToClientEvents,
} from '@arbiter/contracts';
import type { ApiServer } from '../../apps/api/src/api-server.js';
import {
  REDIS_URL,
  base,
  cleanup,
  openTestDatabase,
  signUp,
  startApi,
  testPrefix,
  testSql,
  waitFor,
} from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { wrongAnswer } from '../../bench/support/wrong-answer.js';

const PARTICIPANTS = 1_000;
const PROBLEMS = 12;
/** The whole board's compact form at this size: the full form is about 1.4 MiB. */
const BOARD_CAP_BYTES = 256 * 1024;
/** One changed row with the board's head. */
const UPDATE_CAP_BYTES = 4 * 1024;

const prefix = testPrefix();
let api: ApiServer;
let url: string;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let redis: Redis;
let admin: string;
let contestId: string;
let slug: string;

beforeAll(async () => {
  api = await startApi(prefix, { AUTH_RATE_PER_MINUTE_IP: '0', SIGNUP_RATE_PER_HOUR_IP: '0' });
  url = base(api);
  db = await openTestDatabase(prefix);
  redis = new Redis(REDIS_URL);
  admin = await signUp(url, `rows-admin-${prefix.slice(5)}`);
  const catalog = (await (await fetch(`${url}/problems`)).json()) as { slug: string }[];
  const slugs = catalog.slice(0, PROBLEMS).map((problem) => problem.slug);
  slug = slugs[0] ?? 'a-plus-b';
  const startsAt = new Date(Date.now() - 4 * 3_600_000);
  const created = await fetch(`${url}/contests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin },
    body: JSON.stringify({
      title: 'Rows',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(Date.now() + 4 * 3_600_000).toISOString(),
      problems: slugs.map((problem, i) => ({ letter: String.fromCharCode(65 + i), problem })),
    }),
  });
  expect(created.status).toBe(201);
  contestId = ((await created.json()) as { id: string }).id;
  await testSql(
    prefix,
    `insert into users (id, username, username_key, password_hash, role, created_at)
     select 'rows-' || i, 'racer' || i, 'racer' || i, 'x', 'user', now() from generate_series(1, $1) i`,
    [PARTICIPANTS],
  );
  await testSql(
    prefix,
    `insert into contest_participants (contest_id, user_id, registered_at, virtual)
     select $1, 'rows-' || i, $2::timestamptz, false from generate_series(1, $3) i`,
    [contestId, startsAt.toISOString(), PARTICIPANTS],
  );
  // Participant i tries problem p (i + p) % 4 times, the last accepted unless p is 0 (A stays unsolved).
  await testSql(
    prefix,
    `insert into submissions (id, user_id, problem_slug, language, mode, code, status, verdict,
       tests_passed, tests_total, contest_id, created_at, finished_at)
     select gen_random_uuid()::text, 'rows-' || u, p.slug, 'python', 'submit', 'print(1)', 'completed',
       case when j = (u + p.n) % 4 and p.n > 1 then 'ACCEPTED' else 'WRONG_ANSWER' end, 1, 10, $1,
       $2::timestamptz + make_interval(mins => (u % 100) + j * 3),
       $2::timestamptz + make_interval(mins => (u % 100) + j * 3, secs => 2)
     from generate_series(1, $3) u
     cross join unnest($4::text[]) with ordinality p(slug, n)
     cross join lateral generate_series(1, (u + p.n::int) % 4) j`,
    [contestId, startsAt.toISOString(), PARTICIPANTS, slugs],
  );
});

afterAll(async () => {
  redis?.disconnect();
  await db?.close();
  await api?.close(1_000);
  await cleanup(prefix);
});

/** Saves a wrong answer of `racer<n>` on A and announces it, as the result persister does. */
async function wrongTry(n: number): Promise<void> {
  const jobId = randomUUID();
  await db.submissions.insertQueued({
    id: jobId,
    userId: `rows-${n}`,
    problemSlug: slug,
    language: 'python',
    mode: 'submit',
    code: 'print(2)',
    contestId,
  });
  await db.submissions.finish(jobId, wrongAnswer(jobId));
  await redis.publish(`${prefix}:contests:changed`, contestId);
}

const attemptsOnA = (board: CompactScoreboard | undefined, username: string) =>
  board?.rows.find((row) => row[0] === username)?.[6][0]?.[0] ?? 0;

describe('compact scoreboard pushes', () => {
  it('sends the board once under its cap, then a verdict as the one row it changed', async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const boards: { board: CompactScoreboard; bytes: number }[] = [];
    const updates: { update: ScoreboardRowsUpdate; bytes: number }[] = [];
    const legacy: unknown[] = [];
    socket.on('scoreboardCompact', (board) => boards.push({ board, bytes: JSON.stringify(board).length }));
    socket.on('scoreboardRows', (update) => updates.push({ update, bytes: JSON.stringify(update).length }));
    socket.on('scoreboard', (board) => legacy.push(board));
    try {
      const ack = await socket
        .timeout(scaledMs(30_000))
        .emitWithAck('watchContest', { contestId, form: 'compact' });
      expect(ack).toEqual({ ok: true });
      await waitFor(
        () => boards.length > 0,
        scaledMs(30_000),
        () => 'no first board',
      );
      const first = boards[0];
      expect(first?.board.rows).toHaveLength(PARTICIPANTS);
      expect(first?.bytes).toBeLessThan(BOARD_CAP_BYTES);

      let held = first?.board;
      for (const n of [7, 8]) {
        const before = attemptsOnA(held, `racer${n}`);
        await wrongTry(n);
        await waitFor(
          () => updates.some(({ update }) => update.rows.some((row) => row[0] === `racer${n}`)),
          scaledMs(30_000),
          () => `the try of racer${n} was not pushed`,
        );
        const { update, bytes } = updates.at(-1) as { update: ScoreboardRowsUpdate; bytes: number };
        // A wrong answer on an unsolved problem moves no one: exactly its row travels.
        expect(update.rows.map((row) => row[0])).toEqual([`racer${n}`]);
        expect(update.removed).toEqual([]);
        expect(bytes).toBeLessThan(UPDATE_CAP_BYTES);
        held = applyRowsUpdate(held as CompactScoreboard, update) ?? undefined;
        expect(attemptsOnA(held, `racer${n}`)).toBe(before + 1);
      }
      // The whole board went out once; the compact viewer got no full-form boards.
      expect(boards).toHaveLength(1);
      expect(legacy).toHaveLength(0);

      // Watching again (as a viewer that missed an update does) brings the whole board, the same as held.
      await socket.timeout(scaledMs(30_000)).emitWithAck('watchContest', { contestId, form: 'compact' });
      await waitFor(
        () => boards.length > 1,
        scaledMs(30_000),
        () => 'no board on watching again',
      );
      expect(boards[1]?.board.rows).toEqual(held?.rows);
    } finally {
      socket.disconnect();
    }
  });
});
