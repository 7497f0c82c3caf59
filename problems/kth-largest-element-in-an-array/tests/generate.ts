/**
 * Writes tests/hidden.json for kth-largest-element-in-an-array: one value, k = 1 and k = n,
 * duplicates, negatives, and the longest arrays (10^5 values) with k near the middle, where
 * selecting the maximum k times (O(n k)) is too slow; one array of 10^5 equal values and one
 * sorted array defeat a quickselect with a naive pivot.
 * Run: npx tsx problems/kth-largest-element-in-an-array/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(111);
const N = 100_000;
const V = 10_000;
const values = (n: number, lo = -V, hi = V) => Array.from({ length: n }, () => random.int(lo, hi));

const kth = (nums: number[], k: number) => [...nums].sort((a, b) => b - a)[k - 1] as number;

const inputs: [number[], number][] = [
  [[V], 1],
  [[-V, V], 1],
  [[-V, V], 2],
  [[2, 2, 2], 2],
  [[1, 2, 3, 4, 5], 5],
  [[5, 4, 3, 2, 1], 1],
  [[3, 2, 3, 1, 2, 4, 5, 5, 6], 4],
  [[-1, -1, -2, -3], 3],
];
for (let k = 0; k < 16; k++) {
  const nums = values(random.int(2, 60), -random.pick([3, 100, V]), random.pick([3, 100, V]));
  inputs.push([nums, random.int(1, nums.length)]);
}
inputs.push([values(N), N / 2]);
inputs.push([new Array<number>(N).fill(7), 31_415]);
inputs.push([values(N, -9, 9).sort((a, b) => a - b), 50_001]);
inputs.push([values(1000), 1], [values(1000), 1000], [values(5000, 0, 0), 2500]);

const tests = inputs.map(([nums, k]) => ({ args: [nums, k], expected: kth(nums, k) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`kth-largest-element-in-an-array: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
