/**
 * Writes tests/hidden.json for first-missing-positive: one element, duplicates, zeros and
 * negatives, the 32-bit extremes, every value from 1 to n present (the answer n + 1), and the
 * largest inputs (10^5 elements), where checking 1, 2, 3, ... against the whole array (O(n²))
 * runs out of time.
 * Run: npx tsx problems/first-missing-positive/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(26);
const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);
const N = 100_000;

function firstMissingPositive(nums: number[]): number {
  const present = new Set(nums);
  let answer = 1;
  while (present.has(answer)) answer++;
  return answer;
}

/** A shuffled permutation of 1..n with `missing` replaced by `filler` (no value missing if 0). */
function permutation(n: number, missing = 0, filler = 0): number[] {
  const nums = Array.from({ length: n }, (_v, i) => (i + 1 === missing ? filler : i + 1));
  return random.shuffle(nums);
}

const cases: number[][] = [
  [1],
  [2],
  [0],
  [-1],
  [INT_MAX],
  [INT_MIN],
  [1, 1],
  [2, 2],
  [1, 2],
  [2, 1],
  [0, -1, -2],
  [1, 1000],
  [INT_MIN, INT_MAX, 1, 2],
  [3, 3, 1, 1, 2, 2],
  [7, 1, 3, 2, 6, 5, 4],
  [5, 4, 3, 2, 1, 0],
  [-5, 2, 4, 1, -3, 3, 6],
];
for (let k = 0; k < 15; k++) {
  const n = random.int(2, 40);
  const nums = permutation(n, random.int(0, n), random.pick([0, -1, 1, INT_MAX, INT_MIN]));
  // Sprinkle in duplicates and out-of-range values.
  for (let j = random.int(0, 3); j > 0; j--) nums[random.int(0, n - 1)] = random.pick([...nums, -7, n + 5]);
  cases.push(nums);
}
// The largest inputs: all of 1..n (the answer n + 1, so checking each candidate against the whole
// array takes n scans); 1..n with one value near n missing, replaced by a duplicate; and large
// values around 1..4000.
cases.push(permutation(N));
cases.push(permutation(N / 2, N / 2 - 7, 3));
cases.push(
  random.shuffle([
    ...Array.from({ length: 4000 }, (_v, i) => i + 1),
    ...Array.from({ length: 26_000 }, () => random.pick([random.int(INT_MIN, 0), random.int(5000, INT_MAX)])),
  ]),
);

const tests = cases.map((nums) => ({ args: [nums], expected: firstMissingPositive(nums) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`first-missing-positive: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
