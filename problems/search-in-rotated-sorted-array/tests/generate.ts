/**
 * Writes tests/hidden.json for search-in-rotated-sorted-array: one and two elements, no rotation,
 * rotation by one, targets at both ends of each half, missing targets between, below and above
 * the values, and the largest inputs (5000 elements) at many rotations.
 * Run: npx tsx problems/search-in-rotated-sorted-array/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(18);
const LIMIT = 10_000;
const N = 5000;

/** `n` distinct sorted values in [-LIMIT, LIMIT], rotated so that position `k` comes first. */
function rotated(n: number, k: number, spread = LIMIT): number[] {
  const values = new Set<number>();
  while (values.size < n) values.add(random.int(-spread, spread));
  const sorted = [...values].sort((a, b) => a - b);
  return [...sorted.slice(k), ...sorted.slice(0, k)];
}

/** A value in range that `nums` does not hold, or a random one of its values. */
function target(nums: number[], present: boolean): number {
  if (present) return random.pick(nums);
  const values = new Set(nums);
  for (;;) {
    const t = random.int(-LIMIT, LIMIT);
    if (!values.has(t)) return t;
  }
}

const test = (nums: number[], t: number) => ({ args: [nums, t], expected: nums.indexOf(t) });

const tests = [
  test([1], 1),
  test([LIMIT], -LIMIT),
  test([1, 3], 3),
  test([3, 1], 1),
  test([3, 1], 2),
  test([1, 3, 5], 5),
  test([5, 1, 3], 5),
  test([5, 1, 3], 3),
  test([4, 5, 6, 7, 8, 1, 2, 3], 8),
  test([4, 5, 6, 7, 8, 1, 2, 3], 1),
  test([6, 7, 1, 2, 3, 4, 5], 6),
  test([2, 3, 4, 5, 6, 7, 1], 1),
  test([-LIMIT, 0, LIMIT], LIMIT),
  test([LIMIT, -LIMIT, 0], -LIMIT),
  test([3, 5, 1], 0),
  test([3, 5, 1], 6),
  test([3, 5, 1], 4),
];
for (let k = 0; k < 15; k++) {
  const n = random.int(2, 40);
  const nums = rotated(n, random.int(0, n - 1), random.pick([60, LIMIT]));
  tests.push(test(nums, target(nums, k % 3 !== 0)));
}
// The largest inputs: no rotation, rotation by one either way, a rotation in the middle, and the
// targets at the first, last and pivot positions or missing.
for (const k of [0, 1, N - 1, N / 2, random.int(1, N - 1), random.int(1, N - 1)]) {
  const nums = rotated(N, k);
  tests.push(test(nums, nums[0] as number));
  tests.push(test(nums, nums[N - 1] as number));
  tests.push(test(nums, k === 0 ? target(nums, false) : (nums[N - k] as number)));
}

const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`search-in-rotated-sorted-array: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
