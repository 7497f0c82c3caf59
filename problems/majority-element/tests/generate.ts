/**
 * Writes tests/hidden.json for majority-element: one element, all equal, the smallest possible
 * majority, negatives and extreme values, random arrays, and the largest inputs (5 * 10^4 elements)
 * with all the other values first, where counting each value with a scan (O(n²)) runs out of time.
 * Run: npx tsx problems/majority-element/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(23);
const LIMIT = 1_000_000_000;
const N = 50_000;

function majority(nums: number[]): number {
  const counts = new Map<number, number>();
  for (const x of nums) counts.set(x, (counts.get(x) ?? 0) + 1);
  const found = [...counts].find(([, c]) => c > Math.floor(nums.length / 2));
  if (found === undefined) throw new Error('no majority');
  return found[0];
}

/**
 * `n` elements: the majority value `count` times, the rest drawn from `others` random values;
 * shuffled, or with the majority after all the others.
 */
function build(n: number, count: number, others: number, spread: number, last = false): number[] {
  const value = random.int(-spread, spread);
  const pool = Array.from({ length: others }, () => random.int(-spread, spread)).filter((v) => v !== value);
  const rest = Array.from({ length: n - count }, () => (pool.length > 0 ? random.pick(pool) : -value || 1));
  const all = [...rest, ...Array.from({ length: count }, () => value)];
  return last ? all : random.shuffle(all);
}

const cases: number[][] = [
  [1],
  [-LIMIT],
  [LIMIT, LIMIT],
  [5, 5, 5, 5],
  [1, 2, 2],
  [2, 1, 2],
  [-1, -1, 0],
  [0, 0, 1, 1, 0],
  [LIMIT, -LIMIT, LIMIT],
  [6, 5, 5],
  [3, 3, 4, 4, 4, 3, 3],
  [1, 2, 3, 4, 9, 9, 9, 9, 9],
];
for (let k = 0; k < 16; k++) {
  const n = random.int(1, 60);
  const count = random.int(Math.floor(n / 2) + 1, n);
  cases.push(build(n, count, random.int(1, 20), random.pick([10, LIMIT])));
}
// The largest inputs: the smallest majority placed after 24,999 other values (about 20,000
// different ones); the same shuffled; and a large majority with few other values.
cases.push(build(N, N / 2 + 1, N, LIMIT, true));
cases.push(build(N, N / 2 + 1, N, 100_000));
cases.push(build(N - 1, 40_000, 3, 1000));

const tests = cases.map((nums) => ({ args: [nums], expected: majority(nums) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`majority-element: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
