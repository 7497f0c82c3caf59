/**
 * The scoreboard's compact live form at scale: 1,000 participants × 12 problems seeded in SQL under a real
 * API (no worker: verdicts are saved and announced as the result persister does). A `watchContest` with
 * `form: 'compact'` gets the whole board once, under a size cap, and then a verdict as one changed row,
 * not the board again; a viewer that missed an update asks again and gets the whole board. With two API
 * instances, a rejudge and a solve after the freeze rescore one participant's row on each, and every
 * viewer's board (public and live) then equals a full read of `GET /contests/:id/scoreboard?form=compact`.
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
import { contestChangeMessage } from '../../apps/api/src/contests/changed-rows.js';
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
import { createBoardContest, seedBoardParticipants } from '../support/scoreboard-board.js';
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
let slugs: string[];

beforeAll(async () => {
  api = await startApi(prefix, { AUTH_RATE_PER_MINUTE_IP: '0', SIGNUP_RATE_PER_HOUR_IP: '0' });
  url = base(api);
  db = await openTestDatabase(prefix);
  redis = new Redis(REDIS_URL);
  admin = await signUp(url, `rows-admin-${prefix.slice(5)}`);
  const contest = await createBoardContest(url, admin, { title: 'Rows', problems: PROBLEMS });
  ({ contestId, slugs } = contest);
  slug = slugs[0] ?? 'a-plus-b';
  await seedBoardParticipants(prefix, contest, PARTICIPANTS, 'rows');
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
    [contestId, contest.startsAt.toISOString(), PARTICIPANTS, slugs],
  );
});

afterAll(async () => {
  redis?.disconnect();
  await db?.close();
  await api?.close(1_000);
  await cleanup(prefix);
});

/** Saves a verdict of `racer<n>` (a wrong answer on A unless told) and announces it, as the result persister does. */
async function verdict(
  n: number,
  options: { problemSlug?: string; rejudgeOf?: string; accepted?: boolean } = {},
): Promise<void> {
  const jobId = randomUUID();
  await db.submissions.insertQueued({
    id: jobId,
    userId: `rows-${n}`,
    problemSlug: options.problemSlug ?? slug,
    language: 'python',
    mode: 'submit',
    code: 'print(2)',
    contestId,
    rejudgeOf: options.rejudgeOf ?? null,
  });
  const result = wrongAnswer(jobId);
  await db.submissions.finish(
    jobId,
    options.accepted === true ? { ...result, verdict: 'ACCEPTED', passed: 10 } : result,
  );
  await redis.publish(`${prefix}:contests:changed`, contestChangeMessage(contestId, `rows-${n}`));
}

const wrongTry = (n: number) => verdict(n);

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

  it('rescores one row per change on every API instance, frozen for the public, as a full read does', async () => {
    const second = await startApi(prefix, { AUTH_RATE_PER_MINUTE_IP: '0', SIGNUP_RATE_PER_HOUR_IP: '0' });
    // An anonymous viewer on each instance, and the contest's organiser on the second (the live board).
    const viewers = [
      { name: 'public, first instance', at: url, cookie: undefined },
      { name: 'public, second instance', at: base(second), cookie: undefined },
      { name: 'live, second instance', at: base(second), cookie: admin },
    ].map(({ name, at, cookie }) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(at, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        ...(cookie === undefined ? {} : { extraHeaders: { cookie } }),
      });
      const viewer = {
        name,
        socket,
        cookie,
        held: undefined as CompactScoreboard | undefined,
        broken: false,
      };
      socket.on('scoreboardCompact', (board) => (viewer.held = board));
      socket.on('scoreboardRows', (update) => {
        const next = viewer.held === undefined ? null : applyRowsUpdate(viewer.held, update);
        if (next === null) viewer.broken = true;
        else viewer.held = next;
      });
      return viewer;
    });
    type Viewer = (typeof viewers)[number];
    const row = (viewer: Viewer, n: number) => viewer.held?.rows.find((r) => r[0] === `racer${n}`);
    /** Each viewer's board is, row for row, what a full read answers that viewer. */
    const matchesFullRead = async () => {
      for (const viewer of viewers) {
        expect(viewer.broken, viewer.name).toBe(false);
        const response = await fetch(`${url}/contests/${contestId}/scoreboard?form=compact`, {
          headers: viewer.cookie === undefined ? {} : { cookie: viewer.cookie },
        });
        expect(response.status).toBe(200);
        const full = (await response.json()) as CompactScoreboard;
        expect(viewer.held?.frozen, viewer.name).toBe(full.frozen);
        expect(viewer.held?.problems, viewer.name).toEqual(full.problems);
        expect(viewer.held?.rows, viewer.name).toEqual(full.rows);
      }
    };
    try {
      const wrongForm = await fetch(`${url}/contests/${contestId}/scoreboard?form=wide`);
      expect(wrongForm.status).toBe(400);
      expect(((await wrongForm.json()) as { error: { code: string } }).error.code).toBe('INVALID_REQUEST');
      for (const viewer of viewers) {
        const ack = await viewer.socket
          .timeout(scaledMs(30_000))
          .emitWithAck('watchContest', { contestId, form: 'compact' });
        expect(ack, viewer.name).toEqual({ ok: true });
      }
      await waitFor(
        () => viewers.every((viewer) => viewer.held !== undefined),
        scaledMs(30_000),
        () => 'not every viewer got the board',
      );

      // racer1's last try on B was accepted (seeded); a rejudge makes it a wrong answer.
      const b = slugs[1] ?? slug;
      const accepted = await testSql(
        prefix,
        `select id from submissions where user_id = 'rows-1' and problem_slug = $1 and verdict = 'ACCEPTED'`,
        [b],
      );
      const original = String(accepted.rows[0]?.id);
      const before = row(viewers[0] as Viewer, 1);
      await verdict(1, { problemSlug: b, rejudgeOf: original });
      await waitFor(
        () => viewers.every((viewer) => row(viewer, 1)?.[3] === (before?.[3] ?? 0) - 1),
        scaledMs(30_000),
        () =>
          `the rejudge did not reach every viewer: ${viewers.map((v) => JSON.stringify(row(v, 1))).join(' ')}`,
      );
      // One solve fewer drops racer1 behind others, who move up with it.
      expect(row(viewers[0] as Viewer, 1)?.[1]).toBeGreaterThan(before?.[1] ?? 0);
      await matchesFullRead();

      // The freeze began an hour ago (every seeded try is older): the public boards say frozen.
      const patched = await fetch(`${url}/contests/${contestId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: admin },
        body: JSON.stringify({ freezeMinutes: 300 }),
      });
      expect(patched.status).toBe(200);
      await waitFor(
        () => viewers.every((viewer) => viewer.held?.frozen === (viewer.cookie === undefined)),
        scaledMs(30_000),
        () => 'the freeze did not reach every viewer',
      );

      // racer2 solves A (which nobody had) after the freeze: a pending try to the public, a solve to the organiser.
      await verdict(2, { accepted: true });
      const [firstPublic, secondPublic, live] = viewers as [Viewer, Viewer, Viewer];
      await waitFor(
        () =>
          row(live, 2)?.[6][0]?.[2] !== null &&
          row(live, 2)?.[6][0] !== undefined &&
          [firstPublic, secondPublic].every((viewer) => (row(viewer, 2)?.[6][0]?.[1] ?? 0) === 1),
        scaledMs(30_000),
        () =>
          `the solve did not reach every viewer: ${viewers.map((v) => JSON.stringify(row(v, 2))).join(' ')}`,
      );
      expect(row(firstPublic, 2)?.[6][0]?.[2]).toBeNull();
      expect(live.held?.problems[0]?.first).toEqual(['racer2']);
      expect(firstPublic.held?.problems[0]?.first).toEqual([]);
      await matchesFullRead();
    } finally {
      for (const viewer of viewers) viewer.socket.disconnect();
      await second.close(1_000);
    }
  });
});
