/**
 * Writes tests/hidden.json for longest-increasing-subsequence: one value, equal values, sorted
 * and reverse-sorted arrays, zigzags, negatives, and the longest arrays (2500 values), where
 * trying subsequences by brute force is hopeless.
 * Run: npx tsx problems/longest-increasing-subsequence/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(113);
const N = 2500;
const V = 10_000;
const values = (n: number, lo = -V, hi = V) => Array.from({ length: n }, () => random.int(lo, hi));

function lis(nums: number[]): number {
  const tails: number[] = [];
  for (const x of nums) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

const inputs: number[][] = [
  [0],
  [-V],
  [1, 2],
  [2, 1],
  [5, 5, 5, 5],
  [1, 3, 2, 4, 3, 5],
  [0, 1, 0, 3, 2, 3],
  [V, -V, V],
];
for (let k = 0; k < 14; k++)
  inputs.push(values(random.int(2, 60), -random.pick([3, 100, V]), random.pick([3, 100, V])));
inputs.push(Array.from({ length: N }, (_v, i) => i * 8 - V)); // increasing
inputs.push(Array.from({ length: N }, (_v, i) => V - i * 8)); // decreasing
inputs.push(new Array<number>(N).fill(42));
inputs.push(Array.from({ length: N }, (_v, i) => (i % 2 === 0 ? i : -i))); // zigzag
inputs.push(values(N));
inputs.push(values(N, -20, 20));
inputs.push(Array.from({ length: N }, (_v, i) => i + random.int(-300, 300)));

const tests = inputs.map((nums) => ({ args: [nums], expected: lis(nums) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`longest-increasing-subsequence: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
