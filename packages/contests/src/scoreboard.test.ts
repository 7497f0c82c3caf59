/** Both scoring rules on hand-made contests: penalties, ties, compile errors, the freeze, rejudges, virtual rows. */
import { describe, expect, it } from 'vitest';
import { computeScoreboard } from './scoreboard.js';
import type { ScoringParticipant } from './types.js';
import { at, contest, sub } from '../test/contest-fixtures.js';
import { isFrozenFor, participantWindow } from './window.js';

const people: ScoringParticipant[] = ['ann', 'bob', 'cat'].map((name) => ({
  userId: name,
  username: name,
  virtual: false,
  startedAt: null,
}));

const live = { frozen: false, now: at(400) };
const row = (board: ReturnType<typeof computeScoreboard>, user: string) =>
  board.rows.find((candidate) => candidate.userId === user);

describe('ICPC', () => {
  it('counts minutes to the first AC plus 20 per rejected try, ignoring compile errors and later tries', () => {
    const board = computeScoreboard(
      contest(),
      people,
      [
        sub('ann', 'two-sum', 10, 'WRONG_ANSWER'),
        sub('ann', 'two-sum', 12, 'COMPILE_ERROR'),
        sub('ann', 'two-sum', 15, 'TIME_LIMIT_EXCEEDED'),
        sub('ann', 'two-sum', 31, 'ACCEPTED'),
        sub('ann', 'two-sum', 40, 'WRONG_ANSWER'),
        sub('ann', 'two-sum', 41, 'INTERNAL_ERROR', { status: 'failed' }),
      ],
      live,
    );
    const ann = row(board, 'ann');
    expect(ann).toMatchObject({ rank: 1, solved: 1, penalty: 31 + 2 * 20, lastSolveMinutes: 31 });
    expect(ann?.cells[0]).toMatchObject({
      attempts: 3,
      solved: true,
      solvedAtMinutes: 31,
      firstToSolve: true,
    });
    expect(board.problems[0]).toMatchObject({ letter: 'A', solvedBy: 1, tries: 3 });
    // Those with nothing solved share the last rank.
    expect(row(board, 'bob')?.rank).toBe(2);
    expect(row(board, 'cat')?.rank).toBe(2);
  });

  it('ranks by solved, then penalty, then the time of the last solve; equal results share a rank', () => {
    const board = computeScoreboard(
      contest(),
      people,
      [
        // ann: A at 10, B at 50 → 60 penalty, last 50.
        sub('ann', 'two-sum', 10, 'ACCEPTED'),
        sub('ann', 'fizz', 50, 'ACCEPTED'),
        // bob: A at 30, B at 30 → 60 penalty, last 30: ahead of ann.
        sub('bob', 'two-sum', 30, 'ACCEPTED'),
        sub('bob', 'fizz', 30, 'ACCEPTED'),
        // cat: the same as bob, made in another order: tied with bob.
        sub('cat', 'fizz', 30, 'ACCEPTED'),
        sub('cat', 'two-sum', 30, 'ACCEPTED'),
      ],
      live,
    );
    expect(board.rows.map((r) => [r.username, r.rank, r.penalty])).toEqual([
      ['bob', 1, 60],
      ['cat', 1, 60],
      ['ann', 3, 60],
    ]);
    // First to solve: ann on A (minute 10); on B bob and cat at the same instant, both marked.
    expect(row(board, 'ann')?.cells[0]?.firstToSolve).toBe(true);
    expect(row(board, 'bob')?.cells[0]?.firstToSolve).toBe(false);
    expect(board.rows.filter((r) => r.cells[1]?.firstToSolve).map((r) => r.username)).toEqual(['bob', 'cat']);
  });

  it('freezes: the public view shows tries after the freeze as pending; the live view and the reveal show them', () => {
    const subs = [
      sub('ann', 'two-sum', 100, 'ACCEPTED'),
      sub('bob', 'two-sum', 200, 'WRONG_ANSWER'),
      sub('bob', 'two-sum', 250, 'ACCEPTED'), // after the freeze at minute 240
      sub('cat', 'fizz', 260, 'WRONG_ANSWER'),
    ];
    const frozen = computeScoreboard(contest(), people, subs, { frozen: true, now: at(270) });
    expect(frozen.frozen).toBe(true);
    expect(frozen.freezeAt).toBe(at(240).toISOString());
    expect(row(frozen, 'bob')?.cells[0]).toMatchObject({ attempts: 1, pending: 1, solved: false });
    expect(row(frozen, 'cat')?.cells[1]).toMatchObject({ attempts: 0, pending: 1 });
    expect(row(frozen, 'bob')?.rank).toBe(2);
    const revealed = computeScoreboard(contest(), people, subs, live);
    expect(revealed.frozen).toBe(false);
    expect(row(revealed, 'bob')).toMatchObject({ rank: 2, solved: 1, penalty: 250 + 20 });
    expect(row(revealed, 'cat')?.cells[1]).toMatchObject({ attempts: 1, pending: 0 });
    // Who sees which: managers always live; everyone else frozen from the freeze to the end only.
    expect(isFrozenFor(contest(), at(239), false)).toBe(false);
    expect(isFrozenFor(contest(), at(240), false)).toBe(true);
    expect(isFrozenFor(contest(), at(270), true)).toBe(false);
    expect(isFrozenFor(contest(), at(300), false)).toBe(false);
  });

  it('counts a try still being judged as pending, not as a rejection', () => {
    const board = computeScoreboard(contest(), people, [sub('ann', 'two-sum', 5, null)], live);
    expect(row(board, 'ann')?.cells[0]).toMatchObject({ attempts: 0, pending: 1, solved: false });
  });

  it('takes the latest finished rejudge of each submission, and keeps the original while one runs', () => {
    const wrong = sub('ann', 'two-sum', 10, 'WRONG_ANSWER');
    const accepted = sub('ann', 'two-sum', 20, 'ACCEPTED');
    const before = computeScoreboard(contest(), people, [wrong, accepted], live);
    expect(row(before, 'ann')).toMatchObject({ solved: 1, penalty: 40 });
    // The first try was right after all (new tests): solved at 10, no penalty; the second no longer counts.
    const first = sub('ann', 'two-sum', 100, 'ACCEPTED', { rejudgeOf: wrong.id, finishedAt: at(100) });
    // Two rejudges of the second: the later one wins.
    const older = sub('ann', 'two-sum', 101, 'ACCEPTED', { rejudgeOf: accepted.id, finishedAt: at(101) });
    const newer = sub('ann', 'two-sum', 102, 'WRONG_ANSWER', { rejudgeOf: accepted.id, finishedAt: at(102) });
    const after = computeScoreboard(contest(), people, [wrong, accepted, newer, older, first], live);
    expect(row(after, 'ann')).toMatchObject({ solved: 1, penalty: 10 });
    expect(row(after, 'ann')?.cells[0]).toMatchObject({ attempts: 1, solvedAtMinutes: 10 });
    // Rejudged to wrong, with the other rejudge not yet finished: unsolved, two tries.
    const running = sub('ann', 'two-sum', 103, null, { rejudgeOf: wrong.id });
    const down = computeScoreboard(contest(), people, [wrong, accepted, newer, running], live);
    expect(row(down, 'ann')?.cells[0]).toMatchObject({ attempts: 2, solved: false, pending: 0 });
  });

  it('measures a duration contest from each participant start, and ignores tries outside the window', () => {
    const timed = contest({ durationMinutes: 60 });
    const started = people.map((p, i) => ({ ...p, startedAt: at(i * 100) }));
    expect(participantWindow(timed, { virtual: false, startedAt: at(200) })).toEqual({
      start: at(200),
      end: at(260),
    });
    const board = computeScoreboard(
      timed,
      started,
      [sub('bob', 'two-sum', 130, 'ACCEPTED'), sub('cat', 'two-sum', 270, 'ACCEPTED')],
      live,
    );
    expect(row(board, 'bob')).toMatchObject({ solved: 1, penalty: 30 });
    expect(row(board, 'cat')).toMatchObject({ solved: 0 });
  });

  it('shows a virtual participant where they would have placed, without moving anyone or marking first solves', () => {
    const virtual: ScoringParticipant = {
      userId: 'vic',
      username: 'vic',
      virtual: true,
      startedAt: at(1000),
    };
    const board = computeScoreboard(
      contest(),
      [...people, virtual],
      [sub('ann', 'two-sum', 50, 'ACCEPTED'), sub('vic', 'two-sum', 1005, 'ACCEPTED')],
      { frozen: true, now: at(1010) },
    );
    expect(row(board, 'vic')).toMatchObject({ rank: 1, virtual: true, solved: 1, penalty: 5 });
    expect(row(board, 'vic')?.cells[0]?.firstToSolve).toBe(false);
    expect(row(board, 'ann')).toMatchObject({ rank: 1 });
    expect(row(board, 'bob')?.rank).toBe(2);
  });
});

describe('IOI', () => {
  const ioi = contest({ scoring: 'ioi' });

  it('keeps the best score per problem (passed / total × points), with no penalty', () => {
    const board = computeScoreboard(
      ioi,
      people,
      [
        sub('ann', 'two-sum', 10, 'WRONG_ANSWER', { testsPassed: 7, testsTotal: 10 }),
        sub('ann', 'two-sum', 20, 'TIME_LIMIT_EXCEEDED', { testsPassed: 2, testsTotal: 10 }),
        sub('ann', 'fizz', 30, 'ACCEPTED'),
        sub('bob', 'two-sum', 5, 'WRONG_ANSWER', { testsPassed: 1, testsTotal: 3 }),
        sub('bob', 'two-sum', 6, 'COMPILE_ERROR', { testsPassed: 0, testsTotal: 3 }),
      ],
      live,
    );
    expect(row(board, 'ann')).toMatchObject({ rank: 1, score: 120, solved: 1, penalty: 0 });
    expect(row(board, 'ann')?.cells.map((c) => [c.score, c.attempts, c.solved])).toEqual([
      [70, 2, false],
      [50, 1, true],
    ]);
    expect(row(board, 'bob')).toMatchObject({ rank: 2, score: 33.33 });
    expect(row(board, 'cat')).toMatchObject({ rank: 3, score: 0 });
  });

  it('shares ranks on equal scores and hides tries after the freeze', () => {
    const subs = [
      sub('ann', 'two-sum', 10, 'WRONG_ANSWER', { testsPassed: 5, testsTotal: 10 }),
      sub('bob', 'two-sum', 20, 'WRONG_ANSWER', { testsPassed: 5, testsTotal: 10 }),
      sub('bob', 'two-sum', 250, 'ACCEPTED'),
    ];
    const frozen = computeScoreboard(ioi, people, subs, { frozen: true, now: at(260) });
    expect(frozen.rows.slice(0, 2).map((r) => [r.username, r.rank, r.score])).toEqual([
      ['ann', 1, 50],
      ['bob', 1, 50],
    ]);
    expect(row(frozen, 'bob')?.cells[0]?.pending).toBe(1);
    expect(row(computeScoreboard(ioi, people, subs, live), 'bob')).toMatchObject({ rank: 1, score: 100 });
  });

  it('scores a scoring problem by its subtask points (score / maxScore × points), not by tests passed', () => {
    const board = computeScoreboard(
      ioi,
      people,
      [
        // Accepted with 30 of 100 (a partial score); 9 of 10 tests passed says nothing here.
        sub('ann', 'two-sum', 10, 'ACCEPTED', { testsPassed: 9, testsTotal: 10, score: 30, maxScore: 100 }),
        sub('ann', 'fizz', 20, 'WRONG_ANSWER', { score: 35, maxScore: 70 }),
        sub('bob', 'two-sum', 30, 'ACCEPTED', { score: 100, maxScore: 100 }),
      ],
      live,
    );
    expect(row(board, 'ann')?.cells.map((c) => [c.score, c.solved])).toEqual([
      [30, false],
      [25, false],
    ]);
    expect(row(board, 'ann')).toMatchObject({ score: 55, solved: 0 });
    expect(row(board, 'bob')).toMatchObject({ rank: 1, score: 100, solved: 1 });
  });
});
