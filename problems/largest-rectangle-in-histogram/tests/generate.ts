/**
 * Writes tests/hidden.json for largest-rectangle-in-histogram: one bar, zeros, equal bars, rising
 * and falling histograms, and the longest inputs (10^5 bars up to 10^4 tall, areas up to 10^9),
 * where trying every run of bars (quadratic) is too slow.
 * Run: npx tsx problems/largest-rectangle-in-histogram/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(114);
const N = 100_000;
const H = 10_000;
const bars = (n: number, hi: number) => Array.from({ length: n }, () => random.int(0, hi));

function largest(heights: number[]): number {
  const stack: number[] = [];
  let best = 0;
  for (let i = 0; i <= heights.length; i++) {
    const h = i === heights.length ? 0 : (heights[i] as number);
    while (stack.length > 0 && (heights[stack[stack.length - 1] as number] as number) >= h) {
      const top = heights[stack.pop() as number] as number;
      const left = stack.length > 0 ? (stack[stack.length - 1] as number) : -1;
      best = Math.max(best, top * (i - left - 1));
    }
    stack.push(i);
  }
  return best;
}

const inputs: number[][] = [
  [0],
  [H],
  [2, 4],
  [4, 2],
  [0, 0, 0],
  [1, 1, 1, 1],
  [6, 2, 5, 4, 5, 1, 6],
  [2, 1, 2],
  [0, H, 0, H],
];
for (let k = 0; k < 14; k++) inputs.push(bars(random.int(2, 60), random.pick([3, 20, H])));
inputs.push(new Array<number>(N).fill(1)); // every run has the same height: quadratic scans are slow
inputs.push(bars(N, H));
inputs.push(Array.from({ length: 50_000 }, (_v, i) => Math.floor(i / 5))); // rising
inputs.push(Array.from({ length: 20_000 }, (_v, i) => H - Math.floor(i / 2))); // falling
inputs.push(new Array<number>(10_000).fill(H));
inputs.push(Array.from({ length: 20_000 }, (_v, i) => (i % 2 === 0 ? H : random.int(0, 10))));

const tests = inputs.map((heights) => ({ args: [heights], expected: largest(heights) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`largest-rectangle-in-histogram: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
