/**
 * Writes tests/hidden.json for merge-two-sorted-lists: empty lists, one-node lists, equal values,
 * one list entirely before the other, interleaved lists, negatives, and the longest lists (50 nodes).
 * Run: npx tsx problems/merge-two-sorted-lists/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(106);
const sorted = (n: number, lo = -100, hi = 100) =>
  Array.from({ length: n }, () => random.int(lo, hi)).sort((a, b) => a - b);

const inputs: [number[], number[]][] = [
  [[], []],
  [[0], []],
  [[], [-100]],
  [[1], [1]],
  [[2], [1]],
  [
    [1, 1, 1],
    [1, 1],
  ],
  [
    [1, 2, 3],
    [4, 5, 6],
  ],
  [
    [4, 5, 6],
    [1, 2, 3],
  ],
  [[-100, 100], [0]],
  [
    [1, 3, 5, 7],
    [2, 4, 6, 8],
  ],
];
for (let k = 0; k < 14; k++) {
  const spread = random.pick([2, 10, 100]);
  inputs.push([sorted(random.int(0, 20), -spread, spread), sorted(random.int(0, 20), -spread, spread)]);
}
inputs.push([sorted(50), sorted(50)]);
inputs.push([sorted(50, -100, -1), sorted(50, 0, 100)]);
inputs.push([sorted(50, 5, 5), sorted(50, 5, 5)]);
inputs.push([sorted(50), []]);
inputs.push([[], sorted(50)]);
inputs.push([sorted(50, -3, 3), sorted(1)]);

const tests = inputs.map(([a, b]) => ({ args: [a, b], expected: [...a, ...b].sort((x, y) => x - y) }));
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`merge-two-sorted-lists: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
