/**
 * Writes tests/hidden.json for binary-search: one and two values, the target first, last, missing
 * below, above and in between, negative values, and the longest arrays (10^4 values).
 * Run: npx tsx problems/binary-search/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(105);
const LIMIT = 9_999; // values lie strictly between -10^4 and 10^4

/** `n` distinct sorted values in [lo, hi]. */
function sortedDistinct(n: number, lo = -LIMIT, hi = LIMIT): number[] {
  const all = Array.from({ length: hi - lo + 1 }, (_v, i) => lo + i);
  return random
    .shuffle(all)
    .slice(0, n)
    .sort((a, b) => a - b);
}

const inputs: [number[], number][] = [
  [[5], 5],
  [[5], -5],
  [[-LIMIT], -LIMIT],
  [[LIMIT], -LIMIT],
  [[1, 2], 1],
  [[1, 2], 2],
  [[1, 3], 2],
  [[1, 3], 0],
  [[1, 3], 4],
  [[-10, -5, -1], -5],
];
for (let k = 0; k < 12; k++) {
  const nums = sortedDistinct(random.int(3, 60), -100, 100);
  inputs.push([nums, random.next() < 0.6 ? random.pick(nums) : random.int(-101, 101)]);
}
const full = Array.from({ length: 10_000 }, (_v, i) => i - 5_000);
inputs.push([full, -5_000], [full, 4_999], [full, 0], [full, 5_000], [full, -5_001]);
const sparse = sortedDistinct(10_000);
inputs.push(
  [sparse, sparse[0] as number],
  [sparse, sparse[9_999] as number],
  [sparse, sparse[6_173] as number],
);
const evens = Array.from({ length: 9_999 }, (_v, i) => 2 * i - 9_998);
inputs.push([evens, 7], [evens, -LIMIT], [evens, LIMIT], [evens, 9_998]);

const tests = inputs.map(([nums, target]) => ({ args: [nums, target], expected: nums.indexOf(target) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`binary-search: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
