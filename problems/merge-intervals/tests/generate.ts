/**
 * Writes tests/hidden.json for merge-intervals: single points, nested and touching intervals,
 * random sets, and the largest inputs (10^4 intervals: all disjoint, all merging into one, random).
 * Run: npx tsx problems/merge-intervals/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(6);
const MAX = 10_000;

function merge(intervals: number[][]): number[][] {
  const sorted = [...intervals].sort((a, b) => (a[0] as number) - (b[0] as number));
  const out: number[][] = [];
  for (const [start, end] of sorted as [number, number][]) {
    const last = out[out.length - 1];
    if (last && start <= (last[1] as number)) last[1] = Math.max(last[1] as number, end);
    else out.push([start, end]);
  }
  return out;
}

function randomIntervals(n: number, span: number, maxLength: number): number[][] {
  return Array.from({ length: n }, () => {
    const start = random.int(0, span);
    return [start, Math.min(MAX, start + random.int(0, maxLength))];
  });
}

const inputs: number[][][] = [
  [[0, 0]],
  [
    [MAX, MAX],
    [0, MAX],
  ],
  [
    [1, 1],
    [1, 1],
  ],
  [
    [1, 2],
    [3, 4],
  ],
  [
    [2, 3],
    [1, 10],
    [4, 5],
  ],
  [
    [5, 6],
    [1, 2],
    [2, 3],
    [3, 4],
  ],
  [
    [0, 0],
    [0, 0],
    [1, 1],
  ],
];
for (let k = 0; k < 14; k++) {
  inputs.push(randomIntervals(random.int(1, 40), random.pick([10, 100, MAX]), random.pick([0, 3, 50])));
}
// Largest: disjoint points in shuffled order, a chain that merges into one, and random intervals.
inputs.push(random.shuffle(Array.from({ length: MAX }, (_v, i) => [i, i])));
inputs.push(random.shuffle(Array.from({ length: MAX }, (_v, i) => [i, i + 1])));
inputs.push(randomIntervals(MAX, MAX, 3));

const tests = inputs.map((intervals) => ({ args: [intervals], expected: merge(intervals) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`merge-intervals: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
