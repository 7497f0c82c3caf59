/**
 * Writes tests/hidden.json for maximum-subarray: one element, all negative (the answer is the
 * largest single element), all zero, random arrays, and the largest inputs (10^5 elements), where
 * summing every subarray (O(n²)) runs out of time.
 * Run: npx tsx problems/maximum-subarray/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(12);
const MAX = 10_000;
const N = 100_000;

/** Kadane's scan. */
function maxSubArray(nums: number[]): number {
  let best = -Infinity;
  let current = 0;
  for (const x of nums) {
    current = Math.max(x, current + x);
    best = Math.max(best, current);
  }
  return best;
}

const randomArray = (n: number, lo = -MAX, hi = MAX) => Array.from({ length: n }, () => random.int(lo, hi));

const cases: number[][] = [
  [-1],
  [0],
  [MAX],
  [-MAX],
  [-2, -1],
  [-1, -2, -3],
  [0, 0, 0],
  [-MAX, -MAX, -MAX],
  [MAX, MAX, MAX],
  [1, -1, 1, -1, 1],
  [3, -4, 5],
  [-3, 5, -1, 5, -10, 2],
  [8, -19, 5, -4, 20],
  [2, -1, 2, -1, 2, -100, 6],
];
for (let k = 0; k < 18; k++) {
  const spread = random.pick([3, 100, MAX]);
  cases.push(randomArray(random.int(2, 60), -spread, random.pick([spread, 0, spread >> 1])));
}
// The largest inputs: random values, all negative, and all positive (the whole array).
cases.push(randomArray(N));
cases.push(randomArray(N, -99, -1));
cases.push(Array.from({ length: N }, () => 9));

const tests = cases.map((nums) => ({ args: [nums], expected: maxSubArray(nums) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`maximum-subarray: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
