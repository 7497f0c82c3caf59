/**
 * Writes tests/sample.json and tests/hidden.json for number-of-islands: single cells, lines,
 * checkerboards, random maps, and the largest map (300 × 300) as one winding island, whose
 * depth-first search goes about 45,000 cells deep.
 * Run: npx tsx problems/number-of-islands/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(7);
type Grid = string[][];

const parse = (rows: string[]): Grid => rows.map((row) => [...row]);

function islands(grid: Grid): number {
  const seen = grid.map((row) => row.map(() => false));
  let count = 0;
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== '1' || seen[r]?.[c]) return;
      count++;
      const stack: [number, number][] = [[r, c]];
      (seen[r] as boolean[])[c] = true;
      while (stack.length > 0) {
        const [y, x] = stack.pop() as [number, number];
        for (const [dy, dx] of [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ] as const) {
          const ny = y + dy;
          const nx = x + dx;
          if (grid[ny]?.[nx] === '1' && !seen[ny]?.[nx]) {
            (seen[ny] as boolean[])[nx] = true;
            stack.push([ny, nx]);
          }
        }
      }
    }),
  );
  return count;
}

const randomGrid = (m: number, n: number, land: number): Grid =>
  Array.from({ length: m }, () => Array.from({ length: n }, () => (random.next() < land ? '1' : '0')));

/** A snake: every other row is land, joined at alternating ends. */
function snake(m: number, n: number): Grid {
  return Array.from({ length: m }, (_row, r) =>
    Array.from({ length: n }, (_cell, c) => {
      if (r % 2 === 0) return '1';
      const joinRight = r % 4 === 1;
      return (joinRight ? c === n - 1 : c === 0) ? '1' : '0';
    }),
  );
}

const samples: Grid[] = [
  parse(['11110', '11010', '11000', '00000']),
  parse(['11000', '11000', '00100', '00011']),
];
const hidden: Grid[] = [
  parse(['0']),
  parse(['1']),
  parse(['10', '01']),
  parse(['111', '010', '111']),
  parse(['101', '010', '101']),
  parse(['1'.repeat(300)]),
  Array.from({ length: 300 }, () => ['1']),
  parse(['1010101010', '0101010101', '1010101010']),
];
for (let k = 0; k < 10; k++) {
  hidden.push(randomGrid(random.int(1, 20), random.int(1, 20), random.pick([0.2, 0.5, 0.7])));
}
hidden.push(snake(300, 300));

const write = async (file: string, grids: Grid[]) =>
  writeTests(
    new URL(file, import.meta.url),
    grids.map((grid) => ({ args: [grid], expected: islands(grid) })),
  );
await write('sample.json', samples);
const bytes = await write('hidden.json', hidden);
process.stdout.write(`number-of-islands: ${hidden.length} hidden tests, ${bytes} bytes` + '\n');
