/**
 * Writes tests/hidden.json for house-robber: one and two houses, all zero, all equal, patterns
 * where skipping two houses in a row pays, random rows, and the largest rows (100 houses), where
 * trying every choice by plain recursion (exponential) runs out of time.
 * Run: npx tsx problems/house-robber/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(24);
const MAX = 400;
const N = 100;

function rob(nums: number[]): number {
  let [skip, take] = [0, 0];
  for (const x of nums) [skip, take] = [Math.max(skip, take), skip + x];
  return Math.max(skip, take);
}

/** Checks `rob` on short rows against every set of non-adjacent houses. */
function bruteForce(nums: number[]): number {
  let best = 0;
  for (let mask = 0; mask < 1 << nums.length; mask++) {
    if (mask & (mask >> 1)) continue;
    best = Math.max(
      best,
      nums.reduce((sum, x, i) => sum + (mask & (1 << i) ? x : 0), 0),
    );
  }
  return best;
}

const randomRow = (n: number, hi = MAX) => Array.from({ length: n }, () => random.int(0, hi));

const cases: number[][] = [
  [0],
  [MAX],
  [7],
  [1, 2],
  [2, 1],
  [0, 0, 0],
  [5, 5, 5, 5, 5],
  [2, 1, 1, 2],
  [1, 3, 1, 3, 100],
  [MAX, 0, 0, MAX],
  [4, 1, 2, 7, 5, 3, 1],
  [6, 3, 10, 8, 2, 10, 3, 5, 10, 5, 3],
];
for (let k = 0; k < 15; k++) cases.push(randomRow(random.int(3, 18), random.pick([3, 50, MAX])));
// The largest rows: random values, all at the maximum, and alternating low and high.
for (let k = 0; k < 4; k++) cases.push(randomRow(N));
cases.push(Array.from({ length: N }, () => MAX));
cases.push(Array.from({ length: N }, (_v, i) => (i % 2 === 0 ? 1 : MAX)));
cases.push(Array.from({ length: N }, () => 0));

const tests = cases.map((nums) => {
  const expected = rob(nums);
  if (nums.length <= 18 && bruteForce(nums) !== expected) throw new Error(`bad answer for ${nums}`);
  return { args: [nums], expected };
});
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`house-robber: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
