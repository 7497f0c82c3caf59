/**
 * Writes tests/hidden.json for median-of-two-sorted-arrays: one side empty, one element, equal
 * values, disjoint and interleaved ranges, extreme values, and the largest inputs (1000 + 1000).
 * Run: npx tsx problems/median-of-two-sorted-arrays/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(8);
const LIMIT = 1_000_000;

function median(a: number[], b: number[]): number {
  const all = [...a, ...b].sort((x, y) => x - y);
  const mid = all.length >> 1;
  return all.length % 2 === 1 ? (all[mid] as number) : ((all[mid - 1] as number) + (all[mid] as number)) / 2;
}

const sorted = (n: number, lo = -LIMIT, hi = LIMIT) =>
  Array.from({ length: n }, () => random.int(lo, hi)).sort((x, y) => x - y);

const pairs: [number[], number[]][] = [
  [[], [1]],
  [[2], []],
  [[], [2, 3]],
  [[1], [1]],
  [
    [0, 0],
    [0, 0],
  ],
  [[-LIMIT], [LIMIT]],
  [[LIMIT, LIMIT], [LIMIT]],
  [
    [1, 2],
    [-1, 3],
  ],
  [
    [1, 2, 3],
    [4, 5, 6, 7],
  ],
  [
    [4, 5, 6, 7],
    [1, 2, 3],
  ],
  [[], [-LIMIT, -1, 0, 1, LIMIT]],
];
for (let k = 0; k < 14; k++) {
  const spread = random.pick([5, 1000, LIMIT]);
  pairs.push([sorted(random.int(0, 30), -spread, spread), sorted(random.int(1, 30), -spread, spread)]);
}
pairs.push([sorted(1000), sorted(1000)]);
pairs.push([sorted(1000, -LIMIT, 0), sorted(1000, 1, LIMIT)]);
pairs.push([sorted(1000), sorted(999)]);
pairs.push([[], sorted(1000)]);
pairs.push([sorted(1000, 7, 7), sorted(1000, 7, 7)]);

const tests = pairs.map(([a, b]) => ({ args: [a, b], expected: median(a, b) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`median-of-two-sorted-arrays: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
