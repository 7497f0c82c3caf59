/**
 * Writes tests/hidden.json for product-of-array-except-self: two elements, one zero, two zeros,
 * negatives, products near the 32-bit limits, random arrays, and the largest inputs (10^5
 * elements, mostly ±1), where multiplying the others for each position (O(n²)) runs out of time.
 * Run: npx tsx problems/product-of-array-except-self/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(16);
const N = 100_000;
const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

/** Prefix and suffix products; `+ 0` turns -0 into 0. */
function productExceptSelf(nums: number[]): number[] {
  const answer = nums.map(() => 1);
  let prefix = 1;
  nums.forEach((x, i) => {
    answer[i] = prefix;
    prefix *= x;
  });
  let suffix = 1;
  for (let i = nums.length - 1; i >= 0; i--) {
    answer[i] = (answer[i] as number) * suffix + 0;
    suffix *= nums[i] as number;
  }
  return answer;
}

const inRange = (p: number) => p >= INT_MIN && p <= INT_MAX;

/** The constraint: every prefix and suffix product fits in 32 bits, and so does every answer. */
function fits(nums: number[]): boolean {
  if (!productExceptSelf(nums).every(inRange)) return false;
  let prefix = 1;
  let suffix = 1;
  for (let i = 0; i < nums.length; i++) {
    prefix *= nums[i] as number;
    suffix *= nums[nums.length - 1 - i] as number;
    if (!inRange(prefix) || !inRange(suffix)) return false;
  }
  return true;
}

/** `n` elements, mostly ±1 (zero with chance `zeros`), with up to `big` values of 2 to 30 either sign. */
function build(n: number, big: number, zeros = 0): number[] {
  for (;;) {
    const nums = Array.from({ length: n }, () => (random.next() < zeros ? 0 : random.pick([1, -1])));
    for (let k = 0; k < big; k++) nums[random.int(0, n - 1)] = random.int(2, 30) * random.pick([1, -1]);
    if (fits(nums)) return nums;
  }
}

const cases: number[][] = [
  [1, 1],
  [0, 0],
  [0, 5],
  [-30, 30],
  [2, 3, 0, 4],
  [0, 2, 0, 4],
  [-1, -1, -1],
  [-2, -3, -4, -5],
  [5, 5, 5, 5, 5],
  [1, -1, 1, -1],
  // 2^30 and -2^31: products at the edges of the 32-bit range.
  Array.from({ length: 31 }, (_v, i) => (i === 0 ? 1 : 2)),
  [-2, ...Array.from({ length: 30 }, () => 2)],
  [...Array.from({ length: 30 }, () => 2), -2, 1],
];
for (let k = 0; k < 15; k++) {
  cases.push(build(random.int(2, 40), random.int(0, 10), random.pick([0, 0, 0.05, 0.3])));
}
// The largest inputs: two larger factors among ±1 (n = 10^5); more of them with a single zero in
// the middle; and an array whose products come close to the 32-bit limit.
cases.push(build(N, 2));
const zero = build(30_000, 6);
zero[15_000] = 0;
cases.push(zero);
for (;;) {
  const nums = build(20_000, 8);
  if (Math.max(...productExceptSelf(nums).map(Math.abs)) > 2 ** 28) {
    cases.push(nums);
    break;
  }
}

const tests = cases.map((nums) => {
  if (!fits(nums)) throw new Error(`product out of range: ${nums.join(',')}`);
  return { args: [nums], expected: productExceptSelf(nums) };
});
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`product-of-array-except-self: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
