/**
 * A contest scoreboard at scale: 1,000 participants × 12 problems with tens of thousands of submits,
 * seeded straight into PostgreSQL (a private schema) under a real API instance on the machine's Redis.
 * Measures the board's database reads, its scoring and the whole `GET /contests/:id/scoreboard`
 * (p50 / p95) and, for a push, one participant's row read and rescored (the rows kept, BoardRows), the time
 * from a verdict being saved (as the result persister saves it, then announces it: with its participant,
 * then again without, which rescores every row)
 * until the board holding it reaches a Socket.IO viewer (a manager's live room and the public one), and,
 * with `--browser`, the web page's first render of the 1,000 rows and of a pushed update in Chromium (it
 * builds the web app first if its build is not current, which takes minutes once), with the time from a row
 * update's arrival in the page to the frame showing it. Also the bytes a push sends in the full form
 * (`scoreboard`) and in the compact one the page watches (`scoreboardCompact`, then `scoreboardRows`).
 * Prints Markdown tables;
 * a full run also writes them to docs/PERFORMANCE.md.
 *
 *   npm run bench:scoreboard -- [--participants 1000] [--problems 12] [--max-tries 7] [--reads 30]
 *                               [--pushes 20] [--browser] [--no-write]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { Redis } from 'ioredis';
import { BoardRows, computeScoreboard } from '@arbiter/contests';
import type {
  ClientToServerEvents,
  Scoreboard,
  ScoreboardRowsUpdate,
  ServerToClientEvents,
} from '@arbiter/contracts';
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
} from '../tests/support/platform.js';
import { createBoardContest, seedBoardParticipants } from '../tests/support/scoreboard-board.js';
import { LoadWatch, publish, type Table } from './support/report.js';
import { ms, percentile } from './support/stats.js';
import { wrongAnswer } from './support/wrong-answer.js';
import { contestChangeMessage } from '../apps/api/src/contests/changed-rows.js';
import { scoringContest } from '../apps/api/src/contests/contest-views.js';

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '1000' },
    problems: { type: 'string', default: '12' },
    /** Each participant tries each problem 0 … max-tries − 1 times (uniformly): about (max − 1) / 2 on average. */
    'max-tries': { type: 'string', default: '7' },
    reads: { type: 'string', default: '30' },
    pushes: { type: 'string', default: '20' },
    browser: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const PARTICIPANTS = Number(values.participants);
const PROBLEMS = Number(values.problems);
const MAX_TRIES = Number(values['max-tries']);
const READS = Number(values.reads);
const PUSHES = Number(values.pushes);
const TIMEOUT_MS = 30_000;

type Viewer = Socket<ServerToClientEvents, ClientToServerEvents>;

const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
};
const row = (name: string, samples: number[]) => [
  name,
  String(samples.length),
  ms(percentile(samples, 50)),
  ms(percentile(samples, 95)),
  ms(Math.max(...samples)),
];

/** The seeded accounts: `racer<n>` has the id `bench-<n>`. */
const userIdOf = (username: string) => `bench-${username.slice('racer'.length)}`;
/** Participants whose cell A is not solved on a board (their next try counts). */
const unsolvedOnA = (board: Scoreboard | undefined) =>
  (board?.rows ?? [])
    .filter((r) => r.username.startsWith('racer') && r.cells.find((c) => c.letter === 'A')?.solved === false)
    .map((r) => r.username);

const attemptsOf = (board: Scoreboard, username: string) =>
  board.rows.find((r) => r.username === username)?.cells.find((c) => c.letter === 'A')?.attempts ?? -1;

async function main(): Promise<void> {
  const load = new LoadWatch();
  const prefix = testPrefix();
  // The page calls the API from the web app's origin: the API must allow it (CORS and Socket.IO).
  const webPort = values.browser ? await (await import('../tests/e2e/web-app.js')).freePort() : 0;
  const api = await startApi(prefix, {
    AUTH_RATE_PER_MINUTE_IP: '0',
    SIGNUP_RATE_PER_HOUR_IP: '0',
    ...(values.browser ? { WEB_ORIGIN: `http://127.0.0.1:${webPort}` } : {}),
  });
  const url = base(api);
  const db = await openTestDatabase(prefix);
  const redis = new Redis(REDIS_URL);
  const viewers: Viewer[] = [];
  const notes: string[] = [];
  const tables: Table[] = [];
  try {
    // The first account is the admin: it creates the contest and watches the live board.
    const admin = await signUp(url, `bench-admin-${prefix.slice(5)}`);
    const board = await createBoardContest(url, admin, { title: 'Scoreboard bench', problems: PROBLEMS });
    const { contestId, slugs, startsAt } = board;

    // Participants and their tries, in SQL: each (participant, problem) gets 0 … MAX_TRIES − 1 tries,
    // the last accepted six times in ten, minutes spread over the four hours so far.
    const [, seedMs] = await timed(async () => {
      await seedBoardParticipants(prefix, board, PARTICIPANTS, 'bench');
      await testSql(
        prefix,
        `insert into submissions (id, user_id, problem_slug, language, mode, code, status, verdict,
           tests_passed, tests_total, contest_id, created_at, finished_at)
         select gen_random_uuid()::text, 'bench-' || u, p.slug, 'python', 'submit', 'print(1)', 'completed',
           case when j = t.tries and t.solves then 'ACCEPTED' else 'WRONG_ANSWER' end,
           case when j = t.tries and t.solves then 10 else (j % 10) end, 10, $1,
           $2::timestamptz + make_interval(mins => t.first + j * 3),
           $2::timestamptz + make_interval(mins => t.first + j * 3, secs => 2)
         from generate_series(1, $3) u
         cross join unnest($4::text[]) p(slug)
         cross join lateral (
           select floor(random() * $5 + u * 0)::int as tries, random() < 0.6 + length(p.slug) * 0 as solves,
             floor(random() * 200)::int as first
         ) t
         cross join lateral generate_series(1, t.tries) j`,
        [contestId, startsAt.toISOString(), PARTICIPANTS, slugs, MAX_TRIES],
      );
      await testSql(prefix, 'analyze');
    });
    const counted = await testSql(
      prefix,
      'select count(*)::int as n from submissions where contest_id = $1',
      [contestId],
    );
    const submits = Number((counted.rows[0] as { n: number }).n);
    notes.push(
      `${PARTICIPANTS} participants × ${slugs.length} problems (ICPC), ${submits} submits seeded in ${ms(seedMs / 1000)} s; ` +
        `one API instance in the benchmark's process, PostgreSQL and Redis on the same machine.`,
    );

    // Reads: the database rows, the scoring, and the whole HTTP answer.
    const contest = await db.contests.get(contestId);
    if (contest === null) throw new Error('the contest vanished');
    const query: number[] = [];
    const scoring: number[] = [];
    const http: number[] = [];
    const httpCompact: number[] = [];
    const rowQuery: number[] = [];
    const rowScoring: number[] = [];
    let bytes = 0;
    let compactBytes = 0;
    for (let i = 0; i < READS + 3; i += 1) {
      const [[participants, rows], readMs] = await timed(() =>
        Promise.all([db.contests.participants(contestId), db.contests.submissions(contestId)]),
      );
      const [, scoreMs] = await timed(async () =>
        computeScoreboard(contest, participants, rows, { frozen: false, now: new Date() }),
      );
      const [body, httpMs] = await timed(async () => {
        const answer = await fetch(`${url}/contests/${contestId}/scoreboard`, { headers: { cookie: admin } });
        return answer.text();
      });
      bytes = body.length;
      const [compactBody, compactMs] = await timed(async () => {
        const answer = await fetch(`${url}/contests/${contestId}/scoreboard?form=compact`, {
          headers: { cookie: admin },
        });
        return answer.text();
      });
      compactBytes = compactBody.length;
      // What a push does with the rows it keeps: one participant read again, their row rescored, the board ranked.
      const kept = BoardRows.score(scoringContest(contest), participants, rows);
      const userId = userIdOf(`racer${(i % PARTICIPANTS) + 1}`);
      const [[participant, mine], rowReadMs] = await timed(() =>
        Promise.all([db.contests.participant(contestId, userId), db.contests.submissions(contestId, userId)]),
      );
      const [, rowScoreMs] = await timed(async () => {
        kept.replace(userId, participant, mine);
        return kept.views(new Date());
      });
      if (i < 3) continue; // warm-up: plans cached, JIT warm
      query.push(readMs);
      scoring.push(scoreMs);
      http.push(httpMs);
      httpCompact.push(compactMs);
      rowQuery.push(rowReadMs);
      rowScoring.push(rowScoreMs);
    }
    tables.push({
      title:
        `Reading the board (ms), ${READS} reads after 3 warm-ups; the HTTP answer is ${ms(bytes / 1024, 0)} KiB ` +
        `(${ms(compactBytes / 1024, 0)} KiB with \`form=compact\`). A push rescores only the row a verdict ` +
        `touched: the last two steps.`,
      header: ['step', 'reads', 'p50', 'p95', 'max'],
      align: ['l', 'r', 'r', 'r', 'r'],
      rows: [
        row('database: participants + submits', query),
        row('scoring (computeScoreboard)', scoring),
        row('`GET /contests/:id/scoreboard`, whole', http),
        row('`GET /contests/:id/scoreboard?form=compact`, whole', httpCompact),
        row('database: one participant + their submits', rowQuery),
        row('their row rescored, the board ranked (BoardRows)', rowScoring),
      ],
    });

    // Pushes: a manager (live room) and an anonymous viewer (public room) watch over Socket.IO.
    /** Each viewer's boards, with when each arrived (performance.now(), ms). */
    const boards = new Map<Viewer, { board: Scoreboard; at: number }[]>();
    for (const cookie of [admin, undefined]) {
      const viewer: Viewer = io(url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        ...(cookie === undefined ? {} : { extraHeaders: { cookie } }),
      });
      const seen: { board: Scoreboard; at: number }[] = [];
      boards.set(viewer, seen);
      viewer.on('scoreboard', (board) => seen.push({ board, at: performance.now() }));
      viewers.push(viewer);
      const ack = await viewer.timeout(TIMEOUT_MS).emitWithAck('watchContest', { contestId });
      if (!ack.ok) throw new Error(`watchContest: ${ack.error.message}`);
      await waitFor(
        async () => seen.length > 0,
        TIMEOUT_MS,
        () => 'no first board',
      );
    }
    const [live, everyone] = viewers as [Viewer, Viewer];
    const toLive: number[] = [];
    const toPublic: number[] = [];
    // A third viewer, anonymous, watches in the compact form the web page uses: the board once, then rows.
    const compact: Viewer = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    viewers.push(compact);
    const compactBoards: number[] = [];
    const compactUpdates: { update: ScoreboardRowsUpdate; bytes: number; at: number }[] = [];
    compact.on('scoreboardCompact', (board) => compactBoards.push(JSON.stringify(board).length));
    compact.on('scoreboardRows', (update) =>
      compactUpdates.push({ update, bytes: JSON.stringify(update).length, at: performance.now() }),
    );
    const compactAck = await compact
      .timeout(TIMEOUT_MS)
      .emitWithAck('watchContest', { contestId, form: 'compact' });
    if (!compactAck.ok) throw new Error(`watchContest (compact): ${compactAck.error.message}`);
    await waitFor(
      async () => compactBoards.length > 0,
      TIMEOUT_MS,
      () => 'no first compact board',
    );
    const toCompact: number[] = [];
    const fullBytes: number[] = [];
    // The same verdicts announced without the participant: every row read and scored again, as every push did before.
    const wholeLive: number[] = [];
    const wholePublic: number[] = [];
    const wholeCompact: number[] = [];
    const channel = `${prefix}:contests:changed`;
    // Tries after a solve do not count: each push is a wrong answer of someone who has not solved A.
    const unsolved = unsolvedOnA(boards.get(live)?.at(-1)?.board);
    for (let i = 0; i < 2 * PUSHES; i += 1) {
      const whole = i >= PUSHES;
      const username = unsolved[i % unsolved.length] ?? 'racer1';
      const latest = boards.get(live)?.at(-1);
      if (latest === undefined) throw new Error('no board');
      const before = attemptsOf(latest.board, username);
      const jobId = randomUUID();
      await db.submissions.insertQueued({
        id: jobId,
        userId: userIdOf(username),
        problemSlug: slugs[0] ?? 'a-plus-b',
        language: 'python',
        mode: 'submit',
        code: 'print(2)',
        contestId,
      });
      // As the result persister does: the verdict saved, then announced to every instance.
      const saved = performance.now();
      await db.submissions.finish(jobId, wrongAnswer(jobId));
      await redis.publish(channel, whole ? contestId : contestChangeMessage(contestId, userIdOf(username)));
      const arrival = (viewer: Viewer) =>
        boards.get(viewer)?.find((seen) => seen.at > saved && attemptsOf(seen.board, username) > before)?.at;
      const compactArrival = () =>
        compactUpdates.find((seen) => seen.at > saved && seen.update.rows.some((r) => r[0] === username));
      await waitFor(
        async () =>
          arrival(live) !== undefined && arrival(everyone) !== undefined && compactArrival() !== undefined,
        TIMEOUT_MS,
        () => `push ${i} did not arrive`,
      );
      (whole ? wholeLive : toLive).push((arrival(live) ?? NaN) - saved);
      (whole ? wholePublic : toPublic).push((arrival(everyone) ?? NaN) - saved);
      (whole ? wholeCompact : toCompact).push((compactArrival()?.at ?? NaN) - saved);
      const fullBoard = boards.get(everyone)?.find((seen) => seen.at > saved)?.board;
      fullBytes.push(JSON.stringify(fullBoard ?? {}).length);
      // Past the instance's quiet time (200 ms), so each push is a first one, not a coalesced one.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    tables.push({
      title:
        `A saved verdict until the board holding it reaches a Socket.IO viewer (ms), ${PUSHES} verdicts, one at a time, ` +
        `announced with the participant (its row rescored), then ${PUSHES} announced without (every row read and scored).`,
      header: ['viewer', 'pushes', 'p50', 'p95', 'max'],
      align: ['l', 'r', 'r', 'r', 'r'],
      rows: [
        row('manager (live board)', toLive),
        row('anonymous (public board)', toPublic),
        row('anonymous, compact form (its rows)', toCompact),
        row('manager, every row rescored', wholeLive),
        row('anonymous, every row rescored', wholePublic),
        row('anonymous compact, every row rescored', wholeCompact),
      ],
    });
    const kib = (bytes: number[]) => ms(percentile(bytes, 50) / 1024, 1);
    tables.push({
      title: 'What one push sends a viewer (KiB of JSON, p50), the full form against the compact one.',
      header: ['form', 'whole board', 'one wrong answer', 'rows in it'],
      align: ['l', 'r', 'r', 'r'],
      rows: [
        ['full (`scoreboard`)', kib(fullBytes), kib(fullBytes), String(PARTICIPANTS)],
        [
          'compact (`scoreboardCompact`, then `scoreboardRows`)',
          kib(compactBoards),
          kib(compactUpdates.map((seen) => seen.bytes)),
          ms(
            percentile(
              compactUpdates.map((seen) => seen.update.rows.length),
              50,
            ),
            0,
          ),
        ],
      ],
    });

    if (values.browser)
      tables.push(
        await browserRender(
          api.port,
          webPort,
          contestId,
          db,
          slugs[0] ?? 'a-plus-b',
          redis,
          channel,
          unsolved.slice(-5),
        ),
      );
  } finally {
    for (const viewer of viewers) viewer.disconnect();
    redis.disconnect();
    await db.close();
    await api.close(1_000);
    await cleanup(prefix);
  }
  await publish({
    name: 'scoreboard',
    command: `npm run bench:scoreboard${values.browser ? ' -- --browser' : ''}`,
    tables,
    load,
    notes,
    write: !values['no-write'] && PARTICIPANTS === 1000 && PROBLEMS === 12,
  });
}

/** The scoreboard page in Chromium: the first render of every row, then a pushed verdict shown in the DOM. */
async function browserRender(
  apiPort: number,
  webPort: number,
  contestId: string,
  db: Awaited<ReturnType<typeof openTestDatabase>>,
  slug: string,
  redis: Redis,
  channel: string,
  /** Participants without a solve of A, whose next try shows. */
  usernames: string[],
): Promise<Table> {
  const { buildWeb, launchChromium, startWeb } = await import('../tests/e2e/web-app.js');
  buildWeb();
  const web = await startWeb(webPort, apiPort);
  const browser = await launchChromium();
  const firstRender: number[] = [];
  const update: number[] = [];
  const applied: number[] = [];
  try {
    for (let i = 0; i < 4; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${web.url}/contests/${contestId}/scoreboard`, { waitUntil: 'commit' });
      // From the start of the navigation (the page's time origin) to the frame with every row.
      const handle = await page.waitForFunction(
        `document.querySelectorAll('[data-testid="scoreboard-row"]').length >= ${PARTICIPANTS} && performance.now()`,
        undefined,
        { timeout: TIMEOUT_MS, polling: 'raf' },
      );
      const rendered = Number(await handle.jsonValue());
      if (i > 0) firstRender.push(rendered);
      if (i === 3) {
        await page
          .locator('[data-testid="live-status"][data-connected="true"]')
          .waitFor({ timeout: TIMEOUT_MS });
        for (const username of usernames) {
          const selector = `[data-testid="scoreboard-row"][data-user="${username}"] [data-testid="cell-A"]`;
          const before = Number((await page.locator(selector).getAttribute('data-attempts')) ?? '0');
          const jobId = randomUUID();
          await db.submissions.insertQueued({
            id: jobId,
            userId: userIdOf(username),
            problemSlug: slug,
            language: 'python',
            mode: 'submit',
            code: 'print(3)',
            contestId,
          });
          const shown = page.waitForFunction(
            `Number(document.querySelector(${JSON.stringify(selector)})?.getAttribute('data-attempts') ?? 0) > ${before} && ` +
              `performance.now() - (performance.getEntriesByName('scoreboard:rows').at(-1)?.startTime ?? NaN)`,
            undefined,
            { timeout: TIMEOUT_MS, polling: 'raf' },
          );
          const saved = performance.now();
          await db.submissions.finish(jobId, wrongAnswer(jobId));
          await redis.publish(channel, contestChangeMessage(contestId, userIdOf(username)));
          const inPage = Number(await (await shown).jsonValue());
          update.push(performance.now() - saved);
          // From the update's arrival in the page (the hook's User Timing mark) to the frame that shows it.
          if (Number.isFinite(inPage)) applied.push(inPage);
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    web.stop();
  }
  return {
    title: `The scoreboard page in Chromium (headless, 1280×800, the production build) (ms).`,
    header: ['step', 'samples', 'p50', 'p95', 'max'],
    align: ['l', 'r', 'r', 'r', 'r'],
    rows: [
      row(`navigation → all ${PARTICIPANTS} rows in the DOM`, firstRender),
      row('verdict saved → its cell changed on the page', update),
      ...(applied.length > 0 ? [row('row update received → its cell changed (in the page)', applied)] : []),
    ],
  };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
