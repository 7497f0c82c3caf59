/**
 * Live contest scoreboards through real POST /submit, the real worker and sandbox: three users in
 * an ICPC contest (wrong tries, a compile error, a solve, the freeze, the reveal) with the board
 * pushed over Socket.IO as verdicts land, and an IOI contest with a partial score; boards pushed at the
 * freeze and at the end without any verdict, and watchers nudged when a clarification or an
 * announcement is posted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import {
  scoreboardSchema,
  type ClientToServerEvents,
  type Scoreboard,
  type ServerToClientEvents,
} from '@arbiter/contracts';
import type { Socket } from 'socket.io-client';
import { signUp, waitFor, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';
import { scaledMs } from '../support/speed-factor.js';

const platform = usePlatform({
  api: { AUTH_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0', SUBMIT_RATE_PER_MINUTE_IP: '0' },
});
const users: Record<string, string> = {};

async function call(method: string, path: string, cookie?: string, body?: unknown) {
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie === undefined ? {} : { cookie }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const SOLVE = 'a, b = map(int, input().split())\nprint(a + b)\n';
const WRONG = 'a, b = map(int, input().split())\nprint(a - b)\n';
const BROKEN = 'print(\n';
// Right until the sum leaves 32 bits: passes the small tests only.
const INT32 = 'a, b = map(int, input().split())\nprint((a + b + 2**31) % 2**32 - 2**31)\n';

/** Submits in the contest and waits for the verdict. */
async function submitIn(contestId: string, user: string, code: string) {
  const answer = await call('POST', '/submit', users[user], {
    language: 'python',
    code,
    problem: 'a-plus-b',
    mode: 'submit',
    contestId,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return waitForResult(platform.url, String(answer.body.jobId), scaledMs(60_000), users[user]);
}

async function board(contestId: string, cookie?: string): Promise<Scoreboard> {
  const answer = await call('GET', `/contests/${contestId}/scoreboard`, cookie);
  expect(answer.status).toBe(200);
  return scoreboardSchema.parse(answer.body);
}

const rowOf = (scoreboard: Scoreboard, user: string) => scoreboard.rows.find((row) => row.username === user);
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

beforeAll(async () => {
  for (const name of ['board-admin', 'board-ann', 'board-bob', 'board-cat'])
    users[name] = await signUp(platform.url, name);
});

describe('contest scoreboard', () => {
  it('scores an ICPC contest live, freezes it for the public, and reveals it at the end', async () => {
    const created = await call('POST', '/contests', users['board-admin'], {
      title: 'ICPC night',
      startsAt: minutesFromNow(-5),
      endsAt: minutesFromNow(120),
      penaltyMinutes: 20,
      problems: [{ letter: 'A', problem: 'a-plus-b' }],
    });
    expect(created.status).toBe(201);
    const contestId = String(created.body.id);
    for (const name of ['board-ann', 'board-bob', 'board-cat'])
      expect((await call('POST', `/contests/${contestId}/register`, users[name], {})).status).toBe(200);

    // An anonymous viewer watches the board over Socket.IO.
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(platform.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const pushed: Scoreboard[] = [];
    socket.on('scoreboard', (scoreboard) => pushed.push(scoreboard));
    try {
      const ack = await socket.timeout(scaledMs(10_000)).emitWithAck('watchContest', { contestId });
      expect(ack).toEqual({ ok: true });
      await waitFor(
        async () => pushed.length > 0,
        scaledMs(10_000),
        () => 'no first board',
      );
      expect(pushed[0]?.rows).toHaveLength(3);

      expect((await submitIn(contestId, 'board-ann', WRONG)).verdict).toBe('WRONG_ANSWER');
      expect((await submitIn(contestId, 'board-ann', BROKEN)).verdict).toBe('COMPILE_ERROR');
      expect((await submitIn(contestId, 'board-ann', SOLVE)).verdict).toBe('ACCEPTED');
      expect((await submitIn(contestId, 'board-cat', WRONG)).verdict).toBe('WRONG_ANSWER');
      // The solve reaches the watcher without a request.
      await waitFor(
        async () =>
          pushed.some(
            (b) => rowOf(b, 'board-ann')?.solved === 1 && rowOf(b, 'board-cat')?.cells[0]?.attempts === 1,
          ),
        scaledMs(20_000),
        () => `no pushed board with ann's solve: ${JSON.stringify(pushed.at(-1))}`,
      );
      const live = await board(contestId);
      expect(rowOf(live, 'board-ann')).toMatchObject({ rank: 1, solved: 1 });
      // One rejected try before the solve (the compile error does not count): 20 penalty minutes on top.
      const ann = rowOf(live, 'board-ann');
      expect(ann?.cells[0]).toMatchObject({ attempts: 2, solved: true, firstToSolve: true });
      expect(ann?.penalty).toBe((ann?.cells[0]?.solvedAtMinutes ?? 0) + 20);
      expect(rowOf(live, 'board-bob')).toMatchObject({ rank: 2, solved: 0 });
      expect(rowOf(live, 'board-cat')).toMatchObject({ rank: 2, solved: 0 });

      // Freeze from now: the contest ends in 30 minutes, with the last 30 frozen.
      const freezeAt = Date.now() - 1_000;
      const frozenPatch = await call('PATCH', `/contests/${contestId}`, users['board-admin'], {
        endsAt: new Date(freezeAt + 30 * 60_000).toISOString(),
        freezeMinutes: 30,
      });
      expect(frozenPatch.status).toBe(200);
      expect((await submitIn(contestId, 'board-bob', SOLVE)).verdict).toBe('ACCEPTED');
      // The board pushed once bob's verdict is saved (the freeze's own push may come before it).
      await waitFor(
        async () => {
          const last = pushed.at(-1);
          return last?.frozen === true && rowOf(last, 'board-bob')?.cells[0]?.pending === 1;
        },
        scaledMs(20_000),
        () => `no frozen board with bob's try pushed after the freeze: ${JSON.stringify(pushed.at(-1))}`,
      );
      // The public sees bob's try as pending; the admin sees the solve.
      const publicBoard = await board(contestId, users['board-bob']);
      expect(publicBoard.frozen).toBe(true);
      expect(rowOf(publicBoard, 'board-bob')?.cells[0]).toMatchObject({ solved: false, pending: 1 });
      expect(pushed.at(-1)?.frozen).toBe(true);
      expect(rowOf(pushed.at(-1) as Scoreboard, 'board-bob')?.cells[0]?.pending).toBe(1);
      const adminBoard = await board(contestId, users['board-admin']);
      expect(adminBoard.frozen).toBe(false);
      // Bob solved at once, ann with 20 penalty minutes: bob leads, which the public does not see yet.
      expect(rowOf(adminBoard, 'board-bob')).toMatchObject({ solved: 1, rank: 1 });
      expect(rowOf(publicBoard, 'board-ann')?.rank).toBe(1);

      // The end, now: revealed to everyone. Bob's solve was saved before this instant, so it counts (an end a
      // second ago could fall before it when the verdict and its push come back within that second).
      const ended = await call('PATCH', `/contests/${contestId}`, users['board-admin'], {
        endsAt: new Date().toISOString(),
        freezeMinutes: 1,
      });
      expect(ended.status).toBe(200);
      const revealed = await board(contestId);
      expect(revealed.frozen).toBe(false);
      expect(revealed.rows.map((row) => [row.username, row.rank, row.solved])).toEqual([
        ['board-bob', 1, 1],
        ['board-ann', 2, 1],
        ['board-cat', 3, 0],
      ]);
    } finally {
      socket.disconnect();
    }
  });

  it('scores an IOI contest by the best share of tests passed', async () => {
    const created = await call('POST', '/contests', users['board-admin'], {
      title: 'IOI day',
      startsAt: minutesFromNow(-5),
      endsAt: minutesFromNow(120),
      scoring: 'ioi',
      problems: [{ letter: 'A', problem: 'a-plus-b', points: 100 }],
    });
    const contestId = String(created.body.id);
    for (const name of ['board-ann', 'board-bob'])
      await call('POST', `/contests/${contestId}/register`, users[name], {});
    const partial = await submitIn(contestId, 'board-ann', INT32);
    expect(partial.verdict).toBe('WRONG_ANSWER');
    const passed = partial.passed ?? 0;
    const total = partial.total ?? 0;
    expect(passed).toBeGreaterThan(0);
    expect(passed).toBeLessThan(total);
    expect((await submitIn(contestId, 'board-ann', WRONG)).verdict).toBe('WRONG_ANSWER');
    expect((await submitIn(contestId, 'board-bob', SOLVE)).verdict).toBe('ACCEPTED');
    // A verdict is readable as soon as the worker reports it; the board counts it once it is stored.
    let scores = await board(contestId);
    await waitFor(
      async () => {
        scores = await board(contestId);
        return (
          rowOf(scores, 'board-bob')?.score === 100 && rowOf(scores, 'board-ann')?.cells[0]?.attempts === 2
        );
      },
      scaledMs(20_000),
      () => `the board never counted bob's solve and ann's two tries: ${JSON.stringify(scores.rows)}`,
    );
    const expected = Math.floor((passed / total) * 100 * 100) / 100;
    expect(scores.rows.map((row) => [row.username, row.rank, row.score])).toEqual([
      ['board-bob', 1, 100],
      ['board-ann', 2, expected],
    ]);
    expect(rowOf(scores, 'board-ann')?.cells[0]).toMatchObject({
      attempts: 2,
      score: expected,
      solved: false,
    });
  });

  it('pushes the board at the freeze and at the end, and nudges watchers about new messages', async () => {
    const created = await call('POST', '/contests', users['board-admin'], {
      title: 'Clockwork',
      startsAt: minutesFromNow(-5),
      endsAt: minutesFromNow(120),
      problems: [{ letter: 'A', problem: 'a-plus-b' }],
    });
    expect(created.status).toBe(201);
    const contestId = String(created.body.id);
    expect((await call('POST', `/contests/${contestId}/register`, users['board-ann'], {})).status).toBe(200);

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(platform.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const pushed: Scoreboard[] = [];
    const nudges: string[] = [];
    socket.on('scoreboard', (scoreboard) => pushed.push(scoreboard));
    socket.on('contestMessages', (event) => nudges.push(event.contestId));
    try {
      expect(await socket.timeout(scaledMs(10_000)).emitWithAck('watchContest', { contestId })).toEqual({
        ok: true,
      });
      await waitFor(
        async () => pushed.length > 0,
        scaledMs(10_000),
        () => 'no first board',
      );
      expect(pushed[0]?.frozen).toBe(false);

      // The freeze comes a few seconds from now: the board is pushed frozen then, with no verdict.
      const lead = scaledMs(3_000);
      const toFreeze = await call('PATCH', `/contests/${contestId}`, users['board-admin'], {
        endsAt: new Date(Date.now() + 60_000 + lead).toISOString(),
        freezeMinutes: 1,
      });
      expect(toFreeze.status).toBe(200);
      await waitFor(
        async () => pushed.some((b) => b.frozen),
        scaledMs(30_000),
        () => `no frozen board pushed at the freeze: ${JSON.stringify(pushed.map((b) => b.frozen))}`,
      );

      // The end a few seconds from now: the board is pushed revealed then.
      const mark = pushed.length;
      const toEnd = await call('PATCH', `/contests/${contestId}`, users['board-admin'], {
        endsAt: new Date(Date.now() + lead).toISOString(),
      });
      expect(toEnd.status).toBe(200);
      await waitFor(
        async () => pushed.slice(mark).some((b) => !b.frozen),
        scaledMs(30_000),
        () => `no revealed board pushed at the end: ${JSON.stringify(pushed.map((b) => b.frozen))}`,
      );
      expect((await board(contestId)).frozen).toBe(false);

      // A question and an announcement reach the watcher as nudges (no content: it reads them again).
      const asked = await call('POST', `/contests/${contestId}/clarifications`, users['board-ann'], {
        question: 'Is the input one line?',
      });
      expect(asked.status).toBe(201);
      await waitFor(
        async () => nudges.length >= 1,
        scaledMs(10_000),
        () => 'no nudge after a question',
      );
      const posted = await call('POST', `/contests/${contestId}/announcements`, users['board-admin'], {
        body: 'Thanks for taking part.',
      });
      expect(posted.status).toBe(201);
      await waitFor(
        async () => nudges.length >= 2,
        scaledMs(10_000),
        () => 'no nudge after an announcement',
      );
      expect(new Set(nudges)).toEqual(new Set([contestId]));
    } finally {
      socket.disconnect();
    }
  });
});
