/**
 * Writes tests/hidden.json for single-number: one element, zero and negatives as the answer, the
 * answer first, in the middle and last, random arrays, and the largest inputs (29,999 elements) with
 * the answer last, where counting each value with a scan (O(n²)) runs out of time.
 * Run: npx tsx problems/single-number/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(22);
const LIMIT = 30_000;
const MAX_N = 29_999;

function singleNumber(nums: number[]): number {
  const counts = new Map<number, number>();
  for (const x of nums) counts.set(x, (counts.get(x) ?? 0) + 1);
  const singles = [...counts].filter(([, c]) => c === 1);
  if (singles.length !== 1 || [...counts.values()].some((c) => c > 2)) throw new Error('bad test');
  return (singles[0] as [number, number])[0];
}

/** `pairs` + 1 distinct values; each but the last appears twice, in an order `arrange` picks. */
function build(pairs: number, where: 'first' | 'last' | 'random', spread = LIMIT): number[] {
  const values = new Set<number>();
  while (values.size < pairs + 1) values.add(random.int(-spread, spread));
  const [single, ...twice] = [...values] as [number, ...number[]];
  const rest = random.shuffle([...twice, ...twice]);
  if (where === 'first') return [single, ...rest];
  if (where === 'last') return [...rest, single];
  rest.splice(random.int(0, rest.length), 0, single);
  return rest;
}

const cases: number[][] = [
  [0],
  [-LIMIT],
  [LIMIT],
  [1, 0, 1],
  [-1, -1, -2],
  [LIMIT, -LIMIT, LIMIT],
  [-LIMIT, LIMIT, -LIMIT],
  [5, 3, 3, 5, 0],
  [7, 1, 2, 3, 1, 2, 3],
  [1, 2, 3, 4, 5, 4, 3, 2, 1],
];
for (let k = 0; k < 16; k++) {
  cases.push(
    build(random.int(1, 30), random.pick(['first', 'last', 'random'] as const), random.pick([50, LIMIT])),
  );
}
// The largest inputs: 14,999 pairs plus the single value, placed last (so a scan counting each value
// meets it last), in the middle, and first; and values in order (each pair adjacent).
for (const where of ['last', 'last', 'random', 'first'] as const) cases.push(build((MAX_N - 1) / 2, where));
const sorted = build((MAX_N - 1) / 2, 'last');
cases.push([...sorted.slice(0, -1).sort((a, b) => a - b), sorted[MAX_N - 1] as number]);

const tests = cases.map((nums) => {
  if (nums.length > MAX_N || nums.length % 2 !== 1) throw new Error('bad length');
  return { args: [nums], expected: singleNumber(nums) };
});
const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`single-number: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
