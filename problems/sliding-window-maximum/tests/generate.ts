/**
 * Writes tests/hidden.json for sliding-window-maximum: one value, k = 1, k = n, equal values,
 * rising and falling arrays, negatives, and the longest arrays (10^5 values) with wide windows,
 * where scanning every window (O(n k)) is too slow. Long outputs take room in the file, so the
 * widest windows get the longest arrays.
 * Run: npx tsx problems/sliding-window-maximum/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(115);
const N = 100_000;
const V = 10_000;
const values = (n: number, lo = -V, hi = V) => Array.from({ length: n }, () => random.int(lo, hi));

function windowMax(nums: number[], k: number): number[] {
  const out: number[] = [];
  const deque: number[] = []; // indices of decreasing values
  let head = 0;
  nums.forEach((x, i) => {
    while (deque.length > head && (nums[deque[deque.length - 1] as number] as number) <= x) deque.pop();
    deque.push(i);
    if ((deque[head] as number) <= i - k) head++;
    if (i >= k - 1) out.push(nums[deque[head] as number] as number);
  });
  return out;
}

const inputs: [number[], number][] = [
  [[V], 1],
  [[-V], 1],
  [[1, -1], 1],
  [[1, -1], 2],
  [[-1, 1], 2],
  [[7, 7, 7, 7], 2],
  [[9, 11], 2],
  [[1, 3, 1, 2, 0, 5], 3],
  [[5, 4, 3, 2, 1], 2],
  [[1, 2, 3, 4, 5], 4],
];
for (let k = 0; k < 14; k++) {
  const nums = values(random.int(2, 60), -random.pick([3, 100, V]), random.pick([3, 100, V]));
  inputs.push([nums, random.int(1, nums.length)]);
}
inputs.push([values(N, -9, 9), N / 2]);
inputs.push([values(N), 90_000]);
inputs.push([Array.from({ length: 10_000 }, (_v, i) => V - 2 * i), 2_500]); // falling: the front leaves every step
inputs.push([Array.from({ length: 10_000 }, (_v, i) => 2 * i - V), 10_000]);
inputs.push([values(5_000), 1]);
inputs.push([values(20_000, 0, 3), 7_000]);

const tests = inputs.map(([nums, k]) => ({ args: [nums, k], expected: windowMax(nums, k) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`sliding-window-maximum: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
