/**
 * Writes tests/hidden.json for top-k-frequent-elements: one element, k = 1, k = every distinct
 * value, negatives, random arrays, and the largest inputs (10^5 elements; every value from -10^4
 * to 10^4 present), where counting each distinct value with a scan (O(n · distinct)) runs out of
 * time.
 * Run: npx tsx problems/top-k-frequent-elements/tests/generate.ts
 */
import { seededRandom, writeTests } from '@arbiter/problems/generate';

const random = seededRandom(17);
const LIMIT = 10_000;
const N = 100_000;

/** Values by count, most frequent first (ties by value, only to keep the order stable). */
function ranked(nums: number[]): { value: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const x of nums) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value - b.value);
}

function test(nums: number[], k: number) {
  const order = ranked(nums);
  if (k < 1 || k > order.length) throw new Error(`k = ${k} out of range`);
  const next = order[k];
  if (next !== undefined && next.count === order[k - 1]?.count)
    throw new Error(`ambiguous answer for k = ${k}`);
  return { args: [nums, k], expected: order.slice(0, k).map((e) => e.value) };
}

/** A random k with a unique answer: the count drops right after position k. */
function uniqueK(nums: number[], lo = 1, hi = Infinity): number {
  const order = ranked(nums);
  const ks = order
    .map((_e, i) => i + 1)
    .filter((k) => k >= lo && k <= hi && (k === order.length || order[k]?.count !== order[k - 1]?.count));
  return ks.length > 0 ? random.pick(ks) : order.length;
}

/** Each of `values` repeated `count(value)` times, shuffled. */
function build(values: number[], count: (value: number) => number): number[] {
  return random.shuffle(values.flatMap((v) => Array.from({ length: count(v) }, () => v)));
}

const distinctValues = (n: number, spread = LIMIT) => {
  const values = new Set<number>();
  while (values.size < n) values.add(random.int(-spread, spread));
  return [...values];
};

const tests = [
  test([7], 1),
  test([-LIMIT], 1),
  test([LIMIT, -LIMIT], 2),
  test([3, 3, 3, 3], 1),
  test([1, 2], 2),
  test([5, 5, -5], 1),
  test([1, 2, 3, 4, 5], 5),
  test([4, 1, -1, 2, -1, 2, 3], 2),
  test([0, 0, 0, 1, 1, 2, 2, 2, 2], 3),
];
for (let k = 0; k < 18; k++) {
  const values = distinctValues(random.int(1, 15), random.pick([20, LIMIT]));
  const nums = build(values, () => random.int(1, 8));
  tests.push(test(nums, uniqueK(nums)));
}
// The largest inputs: 10^5 elements with every value present (20,001 distinct), k at least 1000;
// then 300 values that all occur a different number of times, k = 150.
const everyValue = Array.from({ length: 2 * LIMIT + 1 }, (_v, i) => i - LIMIT);
const wideCounts = new Map(everyValue.map((v) => [v, 1]));
for (let extra = N - everyValue.length; extra > 0; extra--) {
  const v = random.pick(everyValue);
  wideCounts.set(v, (wideCounts.get(v) as number) + 1);
}
const wide = build(everyValue, (v) => wideCounts.get(v) as number);
tests.push(test(wide, uniqueK(wide, 1000)));
const few = distinctValues(300);
const fewCounts = new Map(few.map((v, i) => [v, i + 1]));
tests.push(
  test(
    build(few, (v) => fewCounts.get(v) as number),
    150,
  ),
);

const bytes = await writeTests(new URL('hidden.json', import.meta.url), tests);
process.stdout.write(`top-k-frequent-elements: ${tests.length} hidden tests, ${bytes} bytes` + '\n');
