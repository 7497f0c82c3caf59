/**
 * Writes tests/hidden.json for two-sum: edge cases, random cases, and the largest inputs
 * (n = 10^4) with the only pair at the very end, so checking every pair (O(n²)) runs out of time.
 * Run: npx tsx problems/two-sum/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(1);
const LIMIT = 1_000_000_000;

/** Distinct values in ±10^9 where exactly positions `i` and `j` add up to the target. */
function build(n: number, i: number, j: number, spread = LIMIT): { nums: number[]; target: number } {
  for (;;) {
    const values = new Set<number>();
    while (values.size < n) values.add(random.int(-spread, spread));
    const nums = [...values];
    const a = nums[i] as number;
    let target = a + (nums[j] as number);
    if (Math.abs(target) > LIMIT) {
      // Pull the partner so the target stays within the limits.
      target = random.int(-LIMIT, LIMIT);
      const partner = target - a;
      if (Math.abs(partner) > LIMIT || values.has(partner)) continue;
      nums[j] = partner;
    }
    if (pairs(nums, target) === 1) return { nums, target };
  }
}

function pairs(nums: number[], target: number): number {
  const seen = new Map<number, number>();
  let count = 0;
  for (const x of nums) {
    count += seen.get(target - x) ?? 0;
    seen.set(x, (seen.get(x) ?? 0) + 1);
  }
  return count;
}

function test(nums: number[], target: number, i: number, j: number) {
  if ((nums[i] as number) + (nums[j] as number) !== target || pairs(nums, target) !== 1)
    throw new Error(`bad test ${nums}`);
  return { args: [nums, target], expected: [Math.min(i, j), Math.max(i, j)] };
}

const tests = [
  test([1, 2], 3, 0, 1),
  test([-3, 3], 0, 0, 1),
  test([0, 4, 3, 0], 0, 0, 3),
  test([-1, -2, -3, -4, -5], -8, 2, 4),
  test([LIMIT, -LIMIT, 5], 0, 0, 1),
  test([LIMIT, 3, 1 - LIMIT, 8], 11, 1, 3),
  test([5, 5, 1, 2], 10, 0, 1),
];
for (let k = 0; k < 20; k++) {
  const n = random.int(2, 50);
  const i = random.int(0, n - 1);
  let j = random.int(0, n - 1);
  if (j === i) j = (i + 1) % n;
  const { nums, target } = build(n, i, j, random.pick([100, 1000, LIMIT]));
  tests.push(test(nums, target, i, j));
}
// The largest inputs: the pair at the end (a quadratic scan finds it last), and split far apart.
const n = 10_000;
for (const [i, j] of [
  [n - 2, n - 1],
  [n - 3, n - 1],
  [0, n - 1],
  [n - 1, n - 2],
] as const) {
  const { nums, target } = build(n, i, j);
  tests.push(test(nums, target, i, j));
}

const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`two-sum: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
