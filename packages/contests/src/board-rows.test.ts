/** Kept rows rescored one participant at a time give the board a full scoring gives: rejudges, the freeze, both rules, virtual rows. */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '@arbiter/contracts';
import { BoardRows } from './board-rows.js';
import { computeScoreboard } from './scoreboard.js';
import type { ScoringContest, ScoringParticipant, ScoringSubmission } from './types.js';
import { at, contest, sub } from '../test/contest-fixtures.js';
import { isFrozenFor } from './window.js';

const person = (name: string, virtual = false, startedAt: Date | null = null): ScoringParticipant => ({
  userId: name,
  username: name,
  virtual,
  startedAt,
});

/** A rejudge of `original` finished at `minute` with `verdict`. */
const rejudge = (original: ScoringSubmission, minute: number, verdict: Verdict) =>
  sub(original.userId, original.problemSlug, minute, verdict, {
    rejudgeOf: original.id,
    createdAt: at(minute),
    finishedAt: at(minute, 10),
  });

const mine = (all: readonly ScoringSubmission[], user: string) => all.filter((row) => row.userId === user);

/** The views from scratch, as a full read scores them. */
function scratch(rules: ScoringContest, people: ScoringParticipant[], all: ScoringSubmission[], now: Date) {
  const live = computeScoreboard(rules, people, all, { frozen: false, now });
  if (!isFrozenFor(rules, now, false)) return { live, public: live };
  return { live, public: computeScoreboard(rules, people, all, { frozen: true, now }) };
}

const rankOf = (board: ReturnType<typeof computeScoreboard>, user: string) =>
  board.rows.find((row) => row.userId === user)?.rank;

describe('BoardRows', () => {
  it('a rejudge turning an accept into a wrong answer moves the other rows too', () => {
    const rules = contest();
    const people = [person('ann'), person('bob'), person('cat')];
    const annSolve = sub('ann', 'two-sum', 10, 'ACCEPTED');
    const all = [annSolve, sub('bob', 'two-sum', 20, 'ACCEPTED'), sub('cat', 'fizz', 30, 'WRONG_ANSWER')];
    const rows = BoardRows.score(rules, people, all);
    const before = rows.views(at(100)).live;
    expect([rankOf(before, 'ann'), rankOf(before, 'bob'), rankOf(before, 'cat')]).toEqual([1, 2, 3]);
    expect(before.rows[0]?.cells[0]?.firstToSolve).toBe(true);

    all.push(rejudge(annSolve, 110, 'WRONG_ANSWER'));
    rows.replace('ann', people[0] ?? null, mine(all, 'ann'));
    const after = rows.views(at(120));
    // Only ann's row was rescored, yet bob moves up and takes the first solve, ann drops beside cat.
    expect([rankOf(after.live, 'bob'), rankOf(after.live, 'ann'), rankOf(after.live, 'cat')]).toEqual([
      1, 2, 2,
    ]);
    expect(after.live.rows[0]?.username).toBe('bob');
    expect(after.live.rows[0]?.cells[0]?.firstToSolve).toBe(true);
    expect(after.live.problems[0]).toMatchObject({ solvedBy: 1, tries: 2 });
    expect(after).toEqual(scratch(rules, people, all, at(120)));
  });

  it("hides a row's solves from the freeze on from the public board, not from the live one, until the end", () => {
    const rules = contest();
    const people = [person('ann'), person('bob')];
    const all = [sub('bob', 'two-sum', 10, 'ACCEPTED')];
    const rows = BoardRows.score(rules, people, all);
    // Minute 250 is after the freeze (240): ann's two solves there.
    all.push(sub('ann', 'two-sum', 250, 'ACCEPTED'), sub('ann', 'fizz', 251, 'ACCEPTED'));
    rows.replace('ann', people[0] ?? null, mine(all, 'ann'));

    const during = rows.views(at(260));
    expect(during.public.frozen).toBe(true);
    const publicAnn = during.public.rows.find((row) => row.userId === 'ann');
    expect(publicAnn).toMatchObject({ rank: 2, solved: 0 });
    expect(publicAnn?.cells.map((cell) => cell.pending)).toEqual([1, 1]);
    expect(during.live.rows.find((row) => row.userId === 'ann')).toMatchObject({ rank: 1, solved: 2 });
    expect(during).toEqual(scratch(rules, people, all, at(260)));

    const revealed = rows.views(at(300));
    expect(revealed.public).toBe(revealed.live);
    expect(rankOf(revealed.public, 'ann')).toBe(1);
  });

  it('adds and drops participants, and keeps virtual rows out of the ranks and the first solves', () => {
    const rules = contest();
    const people = [person('ann'), person('bob')];
    const all = [sub('ann', 'two-sum', 50, 'ACCEPTED')];
    const rows = BoardRows.score(rules, people, all);
    const ghost = person('ghost', true, at(400));
    people.push(ghost);
    all.push(sub('ghost', 'two-sum', 401, 'ACCEPTED'));
    rows.replace('ghost', ghost, mine(all, 'ghost'));
    let views = rows.views(at(420));
    expect(views.live.rows.find((row) => row.userId === 'ghost')).toMatchObject({ rank: 1, virtual: true });
    expect(views.live.rows.find((row) => row.userId === 'ghost')?.cells[0]?.firstToSolve).toBe(false);
    expect(views).toEqual(scratch(rules, people, all, at(420)));

    rows.replace('bob', null, []);
    views = rows.views(at(420));
    expect(views.live.rows.map((row) => row.userId)).not.toContain('bob');
  });

  it('knows when the contest changed under it', () => {
    const rules = contest();
    const rows = BoardRows.score(rules, [person('ann')], []);
    expect(rows.matches(contest())).toBe(true);
    expect(rows.matches(contest({ penaltyMinutes: 10 }))).toBe(false);
    expect(rows.matches(contest({ problems: [{ letter: 'A', problemSlug: 'two-sum', points: 100 }] }))).toBe(
      false,
    );
  });

  for (const scoring of ['icpc', 'ioi'] as const)
    it(`equals a full scoring after every change of a random ${scoring.toUpperCase()} contest`, () => {
      // A small deterministic generator (the same run every time).
      let seed = scoring === 'icpc' ? 7 : 11;
      const random = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const rules = contest({ scoring });
      const people = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((name) => person(name));
      people.push(person('v0', true, at(310)));
      const all: ScoringSubmission[] = [];
      const rows = BoardRows.score(rules, people, all);
      const verdicts: (Verdict | null)[] = [
        'ACCEPTED',
        'WRONG_ANSWER',
        'COMPILE_ERROR',
        'TIME_LIMIT_EXCEEDED',
        null,
      ];
      for (let step = 0; step < 300; step += 1) {
        const minute = step;
        const who = pick(people);
        const originals = mine(all, who.userId).filter((row) => row.rejudgeOf === null);
        if (originals.length > 0 && random() < 0.25) {
          all.push(rejudge(pick(originals), minute, pick(['ACCEPTED', 'WRONG_ANSWER'] as const)));
        } else {
          const verdict = pick(verdicts);
          const passed = Math.floor(random() * 11);
          all.push(
            sub(who.userId, pick(['two-sum', 'fizz']), who.virtual ? 310 + minute / 10 : minute, verdict, {
              testsPassed: verdict === 'ACCEPTED' ? 10 : passed,
            }),
          );
        }
        rows.replace(who.userId, who, mine(all, who.userId));
        const now = at(minute + 1);
        expect(rows.views(now)).toEqual(scratch(rules, people, all, now));
      }
    });
});
