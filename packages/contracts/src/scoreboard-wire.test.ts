// The compact scoreboard wire form: what it keeps of a board, and row updates applied in order.
import { describe, expect, it } from 'vitest';
import { compactScoreboardSchema, type Scoreboard, type ScoreboardRow } from './contests.js';
import { applyRowsUpdate, compactScoreboard, readCell, rowsUpdate } from './scoreboard-wire.js';

const cell = (letter: string, attempts: number, solvedAt: number | null, first = false) => ({
  letter,
  attempts,
  pending: 0,
  solved: solvedAt !== null,
  solvedAtMinutes: solvedAt,
  score: solvedAt !== null ? 1 : 0,
  firstToSolve: first,
});
const row = (username: string, rank: number, cells: ScoreboardRow['cells']): ScoreboardRow => ({
  rank,
  userId: `id-${username}`,
  username,
  virtual: false,
  solved: cells.filter((c) => c.solved).length,
  penalty: 0,
  score: cells.filter((c) => c.solved).length,
  lastSolveMinutes: null,
  cells,
});
const board = (rows: ScoreboardRow[], generatedAt = '2026-01-01T00:00:00.000Z'): Scoreboard => ({
  contestId: 'c',
  scoring: 'icpc',
  frozen: false,
  freezeAt: null,
  problems: [
    { letter: 'A', points: 1, solvedBy: 1, tries: 3 },
    { letter: 'B', points: 1, solvedBy: 0, tries: 0 },
  ],
  rows,
  generatedAt,
});

describe('compact scoreboard', () => {
  it('keeps what the page shows: cells, ranks, first solves', () => {
    const compact = compactScoreboard(
      board([
        row('ann', 1, [cell('A', 2, 30, true), cell('B', 0, null)]),
        row('bob', 2, [cell('A', 1, null), cell('B', 0, null)]),
      ]),
      3,
    );
    expect(compact.version).toBe(3);
    expect(compact.rows[0]).toEqual(['ann', 1, 0, 1, 0, 1, [[2, 0, 30], null]]);
    expect(compact.problems[0]?.first).toEqual(['ann']);
    // What the API describes the form as (GET /contests/:id/scoreboard?form=compact) is what it encodes.
    expect(compactScoreboardSchema.parse(compact)).toEqual(compact);
    expect(
      compactScoreboardSchema.parse({
        ...compact,
        scoring: 'ioi',
        rows: [['ann', 1, 1, 0, 0, 2.5, [[1, 0, null, 2.5]]]],
      }),
    ).toBeTruthy();
    expect(readCell('icpc', compact.rows[0]?.[6][0] ?? null, 1)).toEqual({
      attempts: 2,
      pending: 0,
      solved: true,
      solvedAtMinutes: 30,
      score: 1,
    });
  });

  it('updates only the rows that changed, and re-sorts them by rank', () => {
    const before = compactScoreboard(
      board([
        row('ann', 1, [cell('A', 1, 10), cell('B', 0, null)]),
        row('bob', 2, [cell('A', 1, null), cell('B', 0, null)]),
        row('cat', 3, [cell('A', 0, null), cell('B', 0, null)]),
      ]),
      1,
    );
    const after = compactScoreboard(
      board([
        row('bob', 1, [cell('A', 1, null), cell('B', 1, 5)]),
        row('ann', 1, [cell('A', 1, 10), cell('B', 0, null)]),
        row('cat', 3, [cell('A', 0, null), cell('B', 0, null)]),
      ]),
      2,
    );
    const update = rowsUpdate(before, after);
    expect(update.rows.map((r) => r[0])).toEqual(['bob']);
    const applied = applyRowsUpdate(before, update);
    expect(applied?.rows.map((r) => r[0])).toEqual(['ann', 'bob', 'cat']);
    expect(applied?.version).toBe(2);
    // Unchanged rows keep their identity (a view skips them).
    expect(applied?.rows[0]).toBe(before.rows[0]);
    // An update that does not follow the board held is refused: ask for the whole board.
    expect(applyRowsUpdate(after, update)).toBeNull();
  });
});
