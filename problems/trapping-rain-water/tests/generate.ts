/**
 * Writes tests/hidden.json for trapping-rain-water: one and two bars, flat, rising, falling and
 * valley-shaped profiles, and the longest inputs (2 * 10^4 bars up to 10^5 tall), where scanning
 * left and right from every bar (quadratic) is too slow.
 * Run: npx tsx problems/trapping-rain-water/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(103);
const N = 20_000;
const H = 100_000;
const heights = (n: number, hi: number) => Array.from({ length: n }, () => random.int(0, hi));

function water(height: number[]): number {
  const n = height.length;
  const right = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) right[i] = Math.max(right[i + 1] as number, height[i] as number);
  let left = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    left = Math.max(left, height[i] as number);
    total += Math.min(left, right[i] as number) - (height[i] as number);
  }
  return total;
}

const inputs: number[][] = [
  [0],
  [H],
  [5, 5],
  [4, 0],
  [2, 0, 2],
  [0, 0, 0, 0],
  [5, 4, 3, 2, 1],
  [1, 2, 3, 4, 5],
  [5, 1, 5, 1, 5],
  [H, 0, 0, 0, H],
  [4, 2, 0, 3, 2, 5],
];
for (let k = 0; k < 14; k++) inputs.push(heights(random.int(3, 40), random.pick([3, 10, H])));
inputs.push(Array.from({ length: N }, (_v, i) => Math.abs(i - N / 2) * 10)); // one deep valley
inputs.push(Array.from({ length: N }, (_v, i) => (i === 0 || i === N - 1 ? H : 0))); // two walls
inputs.push(Array.from({ length: N }, (_v, i) => (i < N / 2 ? i * 10 : (N - i) * 10))); // one peak: no water
inputs.push(Array.from({ length: N }, (_v, i) => (i % 2 === 0 ? H : random.int(0, H))));
inputs.push(heights(N, H));
inputs.push(heights(N, 3));

const tests = inputs.map((height) => ({ args: [height], expected: water(height) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`trapping-rain-water: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
