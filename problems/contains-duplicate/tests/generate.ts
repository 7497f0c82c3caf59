/**
 * Writes tests/hidden.json for contains-duplicate: one element, extreme values, duplicates far
 * apart, random arrays, and the largest inputs (10^5 elements) with no duplicate or one duplicate
 * at the very end, where comparing every pair (O(n²)) runs out of time.
 * Run: npx tsx problems/contains-duplicate/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(15);
const LIMIT = 1_000_000_000;
const N = 100_000;

const containsDuplicate = (nums: number[]) => new Set(nums).size !== nums.length;

/** `n` distinct values in [lo, hi]. */
function distinct(n: number, lo = -LIMIT, hi = LIMIT): number[] {
  const values = new Set<number>();
  while (values.size < n) values.add(random.int(lo, hi));
  return [...values];
}

const cases: number[][] = [
  [0],
  [LIMIT],
  [-LIMIT],
  [7, 7],
  [7, -7],
  [LIMIT, -LIMIT],
  [-LIMIT, -LIMIT],
  [0, 0, 0, 0, 0],
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 1],
  [3, 1, 4, 1, 5, 9],
  [-1, -2, -3, -4],
];
for (let k = 0; k < 18; k++) {
  const n = random.int(2, 50);
  const spread = random.pick([10, 1000, LIMIT]);
  const nums = distinct(Math.min(n, 2 * spread), -spread, spread);
  if (k % 2 === 0) nums[random.int(0, nums.length - 1)] = random.pick(nums);
  cases.push(nums);
}
// The largest inputs: all distinct; a shuffled run of consecutive values with its first value
// repeated at the end (values stay small, so the file stays small); and extreme values, again
// with the first value repeated at the end.
cases.push(distinct(N, 0, 150_000));
const run = random.shuffle(Array.from({ length: N - 1 }, (_v, i) => i));
cases.push([...run, run[0] as number]);
const wide = distinct(10_000);
cases.push([...wide.slice(0, -1), wide[0] as number]);

const tests = cases.map((nums) => ({ args: [nums], expected: containsDuplicate(nums) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`contains-duplicate: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
